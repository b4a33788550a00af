import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { housingCaseAggregate } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { stepOnCase } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { HandOverHouseCommand } from './hand-over-house.command';

@CommandHandler(HandOverHouseCommand)
export class HandOverHouseHandler implements ICommandHandler<HandOverHouseCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: HandOverHouseCommand): Promise<CommandResult> {
    return this.executor.execute(
      stepOnCase(housingCaseAggregate, { type: 'HandOverHouse', ...payload }, context),
    );
  }
}
