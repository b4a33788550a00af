import { Command } from '@nestjs/cqrs';
import type { CertifyTrainee } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

/** As the domain command, with the citizen id that the handler turns into traineeRef. */
export type CertifyTraineePayload = Omit<CertifyTrainee, 'type' | 'now' | 'traineeRef'> & {
  traineeCitizenId: string;
};

export class CertifyTraineeCommand extends Command<CommandResult> {
  constructor(
    readonly payload: CertifyTraineePayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
