import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { measurementAggregate } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { openCase } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { RecordMeasurementCommand } from './record-measurement.command';

@CommandHandler(RecordMeasurementCommand)
export class RecordMeasurementHandler implements ICommandHandler<RecordMeasurementCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: RecordMeasurementCommand): Promise<CommandResult> {
    // The figure belongs to the org unit it measures (a commune, or the district).
    return this.executor.execute(
      openCase(measurementAggregate, { type: 'RecordMeasurement', ...payload }, context, payload.orgUnit),
    );
  }
}
