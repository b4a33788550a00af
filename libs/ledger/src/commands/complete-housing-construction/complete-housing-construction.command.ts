import { Command } from '@nestjs/cqrs';
import type { CompleteHousingConstruction } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

export type CompleteHousingConstructionPayload = Omit<CompleteHousingConstruction, 'type' | 'now'>;

export class CompleteHousingConstructionCommand extends Command<CommandResult> {
  constructor(
    readonly payload: CompleteHousingConstructionPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
