import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { remainsCaseAggregate } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { stepOnCase } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { IdentifyRemainsCommand } from './identify-remains.command';

@CommandHandler(IdentifyRemainsCommand)
export class IdentifyRemainsHandler implements ICommandHandler<IdentifyRemainsCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: IdentifyRemainsCommand): Promise<CommandResult> {
    return this.executor.execute(
      stepOnCase(remainsCaseAggregate, { type: 'IdentifyRemains', ...payload }, context),
    );
  }
}
