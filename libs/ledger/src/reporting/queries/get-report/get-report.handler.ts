// The periodic reports of the plan (section IV.3: annual, 3-year, 5-year): every indicator's figure at
// the start and end of the period against its target, read from projection documents.
import { Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { type PlanModel, todayInLedgerZone } from '@ledger/domain';
import { INDICATORS, type IndicatorDoc } from '@ledger/projections';
import { READ_STORE_READER, type ReadStoreReader } from '@ledger/read-store';
import { ValidationFailedError } from '../../../errors/ledger-errors';
import { allDocuments } from '../../../read/all-documents';
import { PLAN_MODEL } from '../../../read/projections.providers';
import { GetIndicatorProgressQuery } from '../get-indicator-progress/get-indicator-progress.query';
import { GetReportQuery, type Report, type ReportRow } from './get-report.query';

@QueryHandler(GetReportQuery)
export class GetReportHandler implements IQueryHandler<GetReportQuery> {
  constructor(
    @Inject(READ_STORE_READER) private readonly store: ReadStoreReader,
    @Inject(PLAN_MODEL) private readonly plan: PlanModel,
    private readonly queries: QueryBus,
  ) {}

  async execute(query: GetReportQuery): Promise<Report> {
    const { first, last } = parsePeriod(query.period);
    const orgUnit = query.orgUnit ?? this.plan.planOrgUnit;
    const from = `${first}-01-01`;
    const to = `${last}-12-31`;
    const today = todayInLedgerZone();
    const asOf = to < today ? to : today;
    const before = `${first - 1}-12-31`;
    const indicators = await allDocuments<IndicatorDoc>(this.store, INDICATORS, {}, [{ field: 'key' }]);
    const rows: ReportRow[] = [];
    for (const doc of indicators) {
      if (!doc.definition) continue;
      const [start, end] = await Promise.all([
        this.queries.execute(new GetIndicatorProgressQuery(doc.key, orgUnit, before, false)),
        this.queries.execute(new GetIndicatorProgressQuery(doc.key, orgUnit, asOf, false)),
      ]);
      // A count with nothing recorded yet is 0; a ratio or a measurement without data is unknown.
      const none = doc.definition.kind === 'count' ? 0 : null;
      const valueAtStart = start.progress.value ?? none;
      const valueAtEnd = end.progress.value ?? none;
      rows.push({
        indicatorKey: doc.key,
        nameVi: doc.nameVi,
        nameEn: doc.nameEn,
        section: doc.section,
        unit: doc.unit,
        lead: doc.lead,
        target: end.progress.targetText,
        deadline: end.progress.deadline,
        valueAtStart,
        valueAtEnd,
        change: valueAtStart !== null && valueAtEnd !== null ? round(valueAtEnd - valueAtStart) : null,
        expectedByEnd: end.progress.expectedByNow,
        status: end.progress.status,
        definitionVersion: end.progress.definitionVersion,
      });
    }
    const span = last - first + 1;
    const kind = span === 1 ? 'annual' : span === 3 ? '3-year' : span === 5 ? '5-year' : 'custom';
    return { period: query.period, kind, orgUnit, from, to, asOf, rows };
  }
}

function parsePeriod(period: string): { first: number; last: number } {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(period);
  const first = m ? Number(m[1]) : NaN;
  const last = m?.[2] ? Number(m[2]) : first;
  if (!m || first < 2000 || last > 2100 || last < first || last - first > 9) {
    throw new ValidationFailedError([
      {
        field: 'period',
        message: 'period is a year (2025) or a span of years (2024-2026, 2021-2025), at most 10 years',
      },
    ]);
  }
  return { first, last };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
