import { Command } from '@nestjs/cqrs';
import type { IdentifyRemains } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

export type IdentifyRemainsPayload = Omit<IdentifyRemains, 'type' | 'now'>;

export class IdentifyRemainsCommand extends Command<CommandResult> {
  constructor(
    readonly payload: IdentifyRemainsPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
