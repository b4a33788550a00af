import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { remainsCaseAggregate } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { stepOnCase } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { RecordRemainsRecoveryCommand } from './record-remains-recovery.command';

@CommandHandler(RecordRemainsRecoveryCommand)
export class RecordRemainsRecoveryHandler implements ICommandHandler<RecordRemainsRecoveryCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: RecordRemainsRecoveryCommand): Promise<CommandResult> {
    return this.executor.execute(
      stepOnCase(remainsCaseAggregate, { type: 'RecordRemainsRecovery', ...payload }, context),
    );
  }
}
