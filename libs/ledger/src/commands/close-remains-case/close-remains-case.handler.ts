import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { remainsCaseAggregate, remainsCaseStream } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { aggregateCommand } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { CloseRemainsCaseCommand } from './close-remains-case.command';

@CommandHandler(CloseRemainsCaseCommand)
export class CloseRemainsCaseHandler implements ICommandHandler<CloseRemainsCaseCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: CloseRemainsCaseCommand): Promise<CommandResult> {
    const command = { type: 'CloseRemainsCase' as const, ...payload, now: context.receivedAt.toISOString() };
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
