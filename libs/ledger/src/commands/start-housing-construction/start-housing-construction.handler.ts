import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { housingCaseAggregate, housingCaseStream } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { aggregateCommand } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { StartHousingConstructionCommand } from './start-housing-construction.command';

@CommandHandler(StartHousingConstructionCommand)
export class StartHousingConstructionHandler implements ICommandHandler<StartHousingConstructionCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: StartHousingConstructionCommand): Promise<CommandResult> {
    const command = {
      type: 'StartHousingConstruction' as const,
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
