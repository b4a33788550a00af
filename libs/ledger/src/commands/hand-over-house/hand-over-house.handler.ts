import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { housingCaseAggregate, housingCaseStream } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { aggregateCommand } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { HandOverHouseCommand } from './hand-over-house.command';

@CommandHandler(HandOverHouseCommand)
export class HandOverHouseHandler implements ICommandHandler<HandOverHouseCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: HandOverHouseCommand): Promise<CommandResult> {
    const command = { type: 'HandOverHouse' as const, ...payload, now: context.receivedAt.toISOString() };
    return this.executor.execute(
      aggregateCommand({
        aggregate: housingCaseAggregate,
        stream: housingCaseStream(command.caseId),
        command,
        context,
        existing: true,
        subject: 'housing case',
      }),
    );
  }
}
