import { Command } from '@nestjs/cqrs';
import type { HandOverHouse } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

export type HandOverHousePayload = Omit<HandOverHouse, 'type' | 'now'>;

export class HandOverHouseCommand extends Command<CommandResult> {
  constructor(
    readonly payload: HandOverHousePayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
