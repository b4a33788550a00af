import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { housingCaseAggregate } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { stepOnCase } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { ApproveHousingFundingCommand } from './approve-housing-funding.command';

@CommandHandler(ApproveHousingFundingCommand)
export class ApproveHousingFundingHandler implements ICommandHandler<ApproveHousingFundingCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: ApproveHousingFundingCommand): Promise<CommandResult> {
    return this.executor.execute(
      stepOnCase(housingCaseAggregate, { type: 'ApproveHousingFunding', ...payload }, context),
    );
  }
}
