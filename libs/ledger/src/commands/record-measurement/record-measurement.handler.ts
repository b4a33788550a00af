import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { measurementAggregate, requireMeasuredIndicator, type PlanModel } from '@ledger/domain';
import { PLAN_MODEL } from '../../read/projections.providers';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { openCase } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { RecordMeasurementCommand } from './record-measurement.command';

@CommandHandler(RecordMeasurementCommand)
export class RecordMeasurementHandler implements ICommandHandler<RecordMeasurementCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(PLAN_MODEL) private readonly plan: PlanModel,
  ) {}

  async execute({ payload, context }: RecordMeasurementCommand): Promise<CommandResult> {
    // An indicator of the plan that measurements move, or a 400 naming indicatorKey; nothing is appended.
    requireMeasuredIndicator(this.plan.definitions, payload.indicatorKey, payload.value);
    // The figure belongs to the org unit it measures (a commune, or the district).
    return this.executor.execute(
      openCase(measurementAggregate, { type: 'RecordMeasurement', ...payload }, context, payload.orgUnit),
    );
  }
}
