import { Command } from '@nestjs/cqrs';
import type { EnrollTrainee } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

/** As the domain command, with the citizen id that the handler turns into traineeRef. */
export type EnrollTraineePayload = Omit<EnrollTrainee, 'type' | 'now' | 'traineeRef'> & {
  traineeCitizenId: string;
};

export class EnrollTraineeCommand extends Command<CommandResult> {
  constructor(
    readonly payload: EnrollTraineePayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
