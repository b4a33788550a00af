import { Command } from '@nestjs/cqrs';
import type { RecordJobPlacement } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

/** As the domain command, with the citizen id that the handler turns into workerRef. */
export type RecordJobPlacementPayload = Omit<RecordJobPlacement, 'type' | 'now' | 'workerRef'> & {
  workerCitizenId: string;
};

export class RecordJobPlacementCommand extends Command<CommandResult> {
  constructor(
    readonly payload: RecordJobPlacementPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
