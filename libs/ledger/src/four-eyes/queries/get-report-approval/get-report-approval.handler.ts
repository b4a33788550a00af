import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { requireReportPeriod } from '@ledger/domain';
import { FigureReader } from '../../figure-reader';
import { GetReportApprovalQuery, type ReportApprovalView } from './get-report-approval.query';

@QueryHandler(GetReportApprovalQuery)
export class GetReportApprovalHandler implements IQueryHandler<GetReportApprovalQuery> {
  constructor(private readonly figures: FigureReader) {}

  async execute({ indicatorKey, orgUnit, period }: GetReportApprovalQuery): Promise<ReportApprovalView> {
    requireReportPeriod(period);
    const approval = await this.figures.approval(indicatorKey, orgUnit, period);
    const [current, standing, units] = await Promise.all([
      this.figures.snapshot(indicatorKey, orgUnit, period),
      this.figures.status(approval),
      this.figures.unitsBelowWithFigures(indicatorKey, orgUnit, period),
    ]);
    const below = await Promise.all(
      units.map(async (unit) => ({
        orgUnit: unit,
        status: (await this.figures.status(await this.figures.approval(indicatorKey, unit, period))).status,
      })),
    );
    return {
      indicatorKey,
      orgUnit,
      period,
      status: standing.status,
      current,
      approval,
      changesSinceApproval: standing.changes,
      below,
    };
  }
}
