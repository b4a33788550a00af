import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { measurementAggregate, measurementStream } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { aggregateCommand } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { RecordMeasurementCommand } from './record-measurement.command';

@CommandHandler(RecordMeasurementCommand)
export class RecordMeasurementHandler implements ICommandHandler<RecordMeasurementCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: RecordMeasurementCommand): Promise<CommandResult> {
    const command = {
      type: 'RecordMeasurement' as const,
      ...payload,
      now: context.receivedAt.toISOString(),
    };
    return this.executor.execute(
      aggregateCommand({
        aggregate: measurementAggregate,
        stream: measurementStream(command.indicatorKey, command.orgUnit, command.period),
        command,
        context,
        orgUnit: command.orgUnit,
        existing: false,
        subject: 'measurement',
      }),
    );
  }
}
