import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { remainsCaseAggregate } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { openCase } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { OpenRemainsCaseCommand } from './open-remains-case.command';

@CommandHandler(OpenRemainsCaseCommand)
export class OpenRemainsCaseHandler implements ICommandHandler<OpenRemainsCaseCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: OpenRemainsCaseCommand): Promise<CommandResult> {
    return this.executor.execute(
      openCase(remainsCaseAggregate, { type: 'OpenRemainsCase', ...payload }, context, payload.commune),
    );
  }
}
