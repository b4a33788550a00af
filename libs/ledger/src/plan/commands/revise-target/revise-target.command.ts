import { Command } from '@nestjs/cqrs';
import type { ReviseTarget } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../../write/command-context';

export type ReviseTargetPayload = Omit<ReviseTarget, 'type' | 'now'>;

export class ReviseTargetCommand extends Command<CommandResult> {
  constructor(
    readonly payload: ReviseTargetPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
