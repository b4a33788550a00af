// The periodic reports of the plan (section IV.3: annual, 3-year, 5-year): every indicator's figure at
// the start and end of the period against its target, read from projection documents.
import { Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { type PlanModel, todayInLedgerZone } from '@ledger/domain';
import {
  AGENCIES,
  INDICATORS,
  ORG_UNITS,
  type AgencyDoc,
  type IndicatorDoc,
  type OrgUnitDoc,
} from '@ledger/projections';
import { READ_STORE_READER, type ReadStoreReader } from '@ledger/read-store';
import { ValidationFailedError } from '../../../errors/ledger-errors';
import { allDocuments } from '../../../read/all-documents';
import { PLAN_MODEL } from '../../../read/projections.providers';
import { GetIndicatorProgressQuery } from '../get-indicator-progress/get-indicator-progress.query';
import {
  GetReportQuery,
  type Boundary,
  type CommuneBreakdown,
  type Report,
  type ReportRow,
} from './get-report.query';

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
    const [indicators, units, agencies] = await Promise.all([
      allDocuments<IndicatorDoc>(this.store, INDICATORS, {}, [{ field: 'key' }]),
      allDocuments<OrgUnitDoc>(this.store, ORG_UNITS, {}, [{ field: 'code' }]),
      allDocuments<AgencyDoc>(this.store, AGENCIES, {}, [{ field: 'code' }]),
    ]);
    const unitByCode = new Map(units.map((u) => [u.code, u]));
    const agencyByCode = new Map(agencies.map((a) => [a.code, a]));
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
        kind: doc.definition.kind,
        lead: doc.lead,
        leadNameVi: (doc.lead && agencyByCode.get(doc.lead)?.nameVi) || null,
        leadNameEn: (doc.lead && agencyByCode.get(doc.lead)?.nameEn) || null,
        target: end.progress.targetText,
        targetPlanText: end.progress.target?.planText ?? null,
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
    const report: Report = {
      period: query.period,
      kind,
      orgUnit,
      orgUnitNameVi: unitByCode.get(orgUnit)?.nameVi ?? null,
      orgUnitNameEn: unitByCode.get(orgUnit)?.nameEn ?? null,
      from,
      to,
      asOf,
      rows,
    };
    const wanted = query.options.indicators ?? [];
    if (wanted.length > 0) {
      report.communes = await this.communes(wanted, indicators, units, asOf, query.options.boundary);
    }
    return report;
  }

  /** Each commune of the plan's area on one boundary, read on its own as of the report's date. */
  private async communes(
    keys: readonly string[],
    indicators: readonly IndicatorDoc[],
    units: readonly OrgUnitDoc[],
    asOf: string,
    asked: Boundary | undefined,
  ): Promise<CommuneBreakdown> {
    const communes = units.filter((u) => u.registered && u.level === 'commune' && u.planArea !== 'outside');
    const boundary = asked ?? boundaryOn(asOf, communes);
    const shown = communes
      .filter((u) => (boundary === 'former' ? u.validTo !== null : u.validTo === null))
      .sort((a, b) => (a.nameVi ?? a.code).localeCompare(b.nameVi ?? b.code, 'vi'));
    const result: CommuneBreakdown = { boundary, asOf, indicators: [] };
    for (const key of keys) {
      const doc = indicators.find((i) => i.key === key);
      if (!doc?.definition) {
        throw new ValidationFailedError([{ field: 'indicator', message: `no indicator ${key} in the plan` }]);
      }
      const none = doc.definition.kind === 'count' ? 0 : null;
      const figures = await Promise.all(
        shown.map(async (unit) => {
          const { progress } = await this.queries.execute(
            new GetIndicatorProgressQuery(key, unit.code, asOf, false),
          );
          return {
            orgUnit: unit.code,
            nameVi: unit.nameVi,
            nameEn: unit.nameEn,
            validFrom: unit.validFrom,
            validTo: unit.validTo,
            value: progress.value ?? none,
            progress: progress.progress ?? null,
            status: progress.status,
          };
        }),
      );
      result.indicators.push({
        indicatorKey: key,
        nameVi: doc.nameVi,
        nameEn: doc.nameEn,
        unit: doc.unit,
        kind: doc.definition.kind,
        communes: figures,
      });
    }
    return result;
  }
}

/** The boundaries in force on a day: the new communes once the first of them exists, the former before. */
function boundaryOn(day: string, communes: readonly OrgUnitDoc[]): Boundary {
  const starts = communes
    .filter((u) => u.validTo === null && u.validFrom !== null)
    .map((u) => u.validFrom as string);
  if (starts.length === 0) return 'current';
  return starts.some((from) => from <= day) ? 'current' : 'former';
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
