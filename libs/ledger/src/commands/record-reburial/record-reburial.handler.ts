import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { remainsCaseAggregate } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { stepOnCase } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { RecordReburialCommand } from './record-reburial.command';

@CommandHandler(RecordReburialCommand)
export class RecordReburialHandler implements ICommandHandler<RecordReburialCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: RecordReburialCommand): Promise<CommandResult> {
    return this.executor.execute(
      stepOnCase(remainsCaseAggregate, { type: 'RecordReburial', ...payload }, context),
    );
  }
}
