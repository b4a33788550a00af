import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { housingCaseAggregate } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { stepOnCase } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { WithdrawHousingCaseCommand } from './withdraw-housing-case.command';

@CommandHandler(WithdrawHousingCaseCommand)
export class WithdrawHousingCaseHandler implements ICommandHandler<WithdrawHousingCaseCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: WithdrawHousingCaseCommand): Promise<CommandResult> {
    return this.executor.execute(
      stepOnCase(housingCaseAggregate, { type: 'WithdrawHousingCase', ...payload }, context),
    );
  }
}
