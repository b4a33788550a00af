import { Command } from '@nestjs/cqrs';
import type { RecordCleanWaterConnection } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

/** As the domain command, with the citizen id that the handler turns into householdRef. */
export type RecordCleanWaterConnectionPayload = Omit<
  RecordCleanWaterConnection,
  'type' | 'now' | 'householdRef'
> & {
  householdHeadCitizenId: string;
};

export class RecordCleanWaterConnectionCommand extends Command<CommandResult> {
  constructor(
    readonly payload: RecordCleanWaterConnectionPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
