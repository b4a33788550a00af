import { Command } from '@nestjs/cqrs';
import type { WithdrawHousingCase } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

export type WithdrawHousingCasePayload = Omit<WithdrawHousingCase, 'type' | 'now'>;

export class WithdrawHousingCaseCommand extends Command<CommandResult> {
  constructor(
    readonly payload: WithdrawHousingCasePayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
