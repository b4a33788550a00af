import { Command } from '@nestjs/cqrs';
import type { OpenRemainsCase } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

export type OpenRemainsCasePayload = Omit<OpenRemainsCase, 'type' | 'now'>;

export class OpenRemainsCaseCommand extends Command<CommandResult> {
  constructor(
    readonly payload: OpenRemainsCasePayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
