import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { remainsCaseAggregate } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { stepOnCase } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { CloseRemainsCaseCommand } from './close-remains-case.command';

@CommandHandler(CloseRemainsCaseCommand)
export class CloseRemainsCaseHandler implements ICommandHandler<CloseRemainsCaseCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: CloseRemainsCaseCommand): Promise<CommandResult> {
    return this.executor.execute(
      stepOnCase(remainsCaseAggregate, { type: 'CloseRemainsCase', ...payload }, context),
    );
  }
}
