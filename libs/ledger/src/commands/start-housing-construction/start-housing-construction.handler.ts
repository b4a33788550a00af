import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { housingCaseAggregate } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { stepOnCase } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { StartHousingConstructionCommand } from './start-housing-construction.command';

@CommandHandler(StartHousingConstructionCommand)
export class StartHousingConstructionHandler implements ICommandHandler<StartHousingConstructionCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: StartHousingConstructionCommand): Promise<CommandResult> {
    return this.executor.execute(
      stepOnCase(housingCaseAggregate, { type: 'StartHousingConstruction', ...payload }, context),
    );
  }
}
