import { Command } from '@nestjs/cqrs';
import type { RecordRemainsRecovery } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

export type RecordRemainsRecoveryPayload = Omit<RecordRemainsRecovery, 'type' | 'now'>;

export class RecordRemainsRecoveryCommand extends Command<CommandResult> {
  constructor(
    readonly payload: RecordRemainsRecoveryPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
