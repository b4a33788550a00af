// The figures are read from the projections (up to their checkpoint), compared with the digest the approver
// read, and recorded with the approval, so the report can be compared with later figures at any time.
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  reportApprovalDecider,
  reportApprovalStream,
  requireReportPeriod,
  type PlanModel,
  type ReportApproved,
} from '@ledger/domain';
import { INDICATORS, type IndicatorDoc } from '@ledger/projections';
import { READ_STORE_READER, type ReadStoreReader } from '@ledger/read-store';
import { ResourceNotFoundError, ValidationFailedError } from '../../../errors/ledger-errors';
import { FigureReader } from '../../figure-reader';
import { PLAN_MODEL } from '../../../read/projections.providers';
import { AggregateCommandExecutor } from '../../../write/aggregate-command-executor';
import type { CommandResult } from '../../../write/command-context';
import { ApproveReportCommand } from './approve-report.command';

@CommandHandler(ApproveReportCommand)
export class ApproveReportHandler implements ICommandHandler<ApproveReportCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    private readonly figures: FigureReader,
    @Inject(READ_STORE_READER) private readonly store: ReadStoreReader,
    @Inject(PLAN_MODEL) private readonly plan: PlanModel,
  ) {}

  async execute({ payload, context }: ApproveReportCommand): Promise<CommandResult> {
    const { indicatorKey, orgUnit } = payload;
    const period = requireReportPeriod(payload.period);
    const indicator = await this.store.get<IndicatorDoc>(INDICATORS, indicatorKey);
    if (!indicator?.definition)
      throw new ResourceNotFoundError('INDICATOR_NOT_FOUND', `no indicator ${indicatorKey} in the plan`);
    if (!(orgUnit in this.plan.levels))
      throw new ValidationFailedError([
        { field: 'orgUnit', message: `${orgUnit} is not an org unit of the plan` },
      ]);
    const snapshot = await this.figures.snapshot(indicatorKey, orgUnit, period);
    const standing = await this.figures.status(await this.figures.approval(indicatorKey, orgUnit, period));
    const unapprovedBelow: string[] = [];
    for (const unit of await this.figures.unitsBelowWithFigures(indicatorKey, orgUnit, period)) {
      const { status } = await this.figures.status(await this.figures.approval(indicatorKey, unit, period));
      if (status !== 'approved') unapprovedBelow.push(unit);
    }
    const command = {
      type: 'ApproveReport' as const,
      indicatorKey,
      orgUnit,
      period,
      figuresDigest: payload.figuresDigest,
      snapshot,
      unapprovedBelow,
      changesSinceApproval: standing.changes.length,
      note: payload.note,
      occurredAt: payload.occurredAt,
      now: context.receivedAt.toISOString(),
    };
    return this.executor.execute({
      stream: reportApprovalStream(indicatorKey, orgUnit, period),
      occurredAt: payload.occurredAt,
      context,
      schemaVersionOf: () => 1,
      decide: (history) => ({
        events: reportApprovalDecider.decide(
          command,
          history.reduce(
            (state, event) => reportApprovalDecider.evolve(state, event as unknown as ReportApproved),
            reportApprovalDecider.initialState,
          ),
        ),
        orgUnit,
      }),
    });
  }
}
