import { Command } from '@nestjs/cqrs';
import type { ApproveHousingFunding } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

export type ApproveHousingFundingPayload = Omit<ApproveHousingFunding, 'type' | 'now'>;

export class ApproveHousingFundingCommand extends Command<CommandResult> {
  constructor(
    readonly payload: ApproveHousingFundingPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
