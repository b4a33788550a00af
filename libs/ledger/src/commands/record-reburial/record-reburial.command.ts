import { Command } from '@nestjs/cqrs';
import type { RecordReburial } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

export type RecordReburialPayload = Omit<RecordReburial, 'type' | 'now'>;

export class RecordReburialCommand extends Command<CommandResult> {
  constructor(
    readonly payload: RecordReburialPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
