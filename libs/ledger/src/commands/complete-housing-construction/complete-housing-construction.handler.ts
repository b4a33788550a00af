import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { housingCaseAggregate } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { stepOnCase } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { CompleteHousingConstructionCommand } from './complete-housing-construction.command';

@CommandHandler(CompleteHousingConstructionCommand)
export class CompleteHousingConstructionHandler implements ICommandHandler<CompleteHousingConstructionCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: CompleteHousingConstructionCommand): Promise<CommandResult> {
    return this.executor.execute(
      stepOnCase(housingCaseAggregate, { type: 'CompleteHousingConstruction', ...payload }, context),
    );
  }
}
