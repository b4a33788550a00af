import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { remainsCaseAggregate, remainsCaseStream } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { aggregateCommand } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { RecordRemainsRecoveryCommand } from './record-remains-recovery.command';

@CommandHandler(RecordRemainsRecoveryCommand)
export class RecordRemainsRecoveryHandler implements ICommandHandler<RecordRemainsRecoveryCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: RecordRemainsRecoveryCommand): Promise<CommandResult> {
    const command = {
      type: 'RecordRemainsRecovery' as const,
      ...payload,
      now: context.receivedAt.toISOString(),
    };
    return this.executor.execute(
      aggregateCommand({
        aggregate: remainsCaseAggregate,
        stream: remainsCaseStream(command.caseId),
        command,
        context,
        existing: true,
        subject: 'remains case',
      }),
    );
  }
}
