import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { housingCaseAggregate, housingCaseStream } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { aggregateCommand } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { CompleteHousingConstructionCommand } from './complete-housing-construction.command';

@CommandHandler(CompleteHousingConstructionCommand)
export class CompleteHousingConstructionHandler implements ICommandHandler<CompleteHousingConstructionCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: CompleteHousingConstructionCommand): Promise<CommandResult> {
    const command = {
      type: 'CompleteHousingConstruction' as const,
      ...payload,
      now: context.receivedAt.toISOString(),
    };
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
