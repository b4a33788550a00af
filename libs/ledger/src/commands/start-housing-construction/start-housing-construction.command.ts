import { Command } from '@nestjs/cqrs';
import type { StartHousingConstruction } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

export type StartHousingConstructionPayload = Omit<StartHousingConstruction, 'type' | 'now'>;

export class StartHousingConstructionCommand extends Command<CommandResult> {
  constructor(
    readonly payload: StartHousingConstructionPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
