import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { remainsCaseAggregate, remainsCaseStream } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { aggregateCommand } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { OpenRemainsCaseCommand } from './open-remains-case.command';

@CommandHandler(OpenRemainsCaseCommand)
export class OpenRemainsCaseHandler implements ICommandHandler<OpenRemainsCaseCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: OpenRemainsCaseCommand): Promise<CommandResult> {
    const command = { type: 'OpenRemainsCase' as const, ...payload, now: context.receivedAt.toISOString() };
    return this.executor.execute(
      aggregateCommand({
        aggregate: remainsCaseAggregate,
        stream: remainsCaseStream(command.caseId),
        command,
        context,
        orgUnit: command.commune,
        existing: false,
        subject: 'remains case',
      }),
    );
  }
}
