import { Command } from '@nestjs/cqrs';
import type { CloseRemainsCase } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

export type CloseRemainsCasePayload = Omit<CloseRemainsCase, 'type' | 'now'>;

export class CloseRemainsCaseCommand extends Command<CommandResult> {
  constructor(
    readonly payload: CloseRemainsCasePayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
