// The plan's results for IATI: every indicator's baseline (the figure on the day before the plan began),
// and for every year of the plan its target (milestone or final target) and actual (the figure of
// GET /indicators/{key} on the year's last day, today while it runs), for the plan's own org unit.
import { Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { todayInLedgerZone, type IatiActivitySeed, type PlanSeed, type Target } from '@ledger/domain';
import { INDICATORS, type IndicatorDoc } from '@ledger/projections';
import { READ_STORE_READER, type ReadStoreReader } from '@ledger/read-store';
import { ResourceNotFoundError } from '../../../errors/ledger-errors';
import { allDocuments } from '../../../read/all-documents';
import { PLAN_SEED } from '../../../read/projections.providers';
import { GetIndicatorProgressQuery } from '../../../reporting/queries/get-indicator-progress/get-indicator-progress.query';
import { IATI_ACTIVITY } from '../../exports.providers';
import {
  GetIatiResultsQuery,
  type IatiIndicatorResult,
  type IatiNamedOrganisation,
  type IatiPeriodResult,
  type IatiResults,
} from './get-iati-results.query';

const figure = (value: number) => String(Math.round(value * 1e6) / 1e6);

/** The day before a YYYY-MM-DD day. */
function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function measureOf(doc: IndicatorDoc): IatiIndicatorResult['measure'] {
  if (doc.kind === 'qualitative') return '5';
  return doc.unit !== null && doc.unit.startsWith('%') ? '2' : '1';
}

function ascendingOf(target: Target | null): boolean | null {
  if (target === null) return null;
  if (target.comparison === '>' || target.comparison === '>=') return true;
  if (target.comparison === '<' || target.comparison === '<=') return false;
  return null;
}

/** The year's milestone, else the final target in its deadline's year. */
function targetIn(year: number, target: Target | null, qualitative: boolean): IatiPeriodResult['target'] {
  if (target === null) return null;
  const milestone = target.milestones.find((m) => m.year === year);
  if (milestone)
    return {
      value: figure(milestone.value),
      comment: milestone.illustrative
        ? { text: 'illustrative milestone (the plan sets none for this year)', lang: 'en' }
        : milestone.note === null
          ? null
          : { text: milestone.note, lang: 'en' },
    };
  if (Number(target.deadline.slice(0, 4)) !== year) return null;
  const value =
    qualitative || target.comparison === 'achieved' || target.comparison === 'between'
      ? null
      : figure(target.value);
  // The target in the plan's own (Vietnamese) words.
  return { value, comment: { text: target.planText, lang: 'vi' } };
}

@QueryHandler(GetIatiResultsQuery)
export class GetIatiResultsHandler implements IQueryHandler<GetIatiResultsQuery> {
  constructor(
    @Inject(READ_STORE_READER) private readonly store: ReadStoreReader,
    @Inject(PLAN_SEED) private readonly seed: PlanSeed,
    @Inject(IATI_ACTIVITY) private readonly activity: IatiActivitySeed | null,
    private readonly queries: QueryBus,
  ) {}

  async execute(): Promise<IatiResults> {
    if (this.activity === null)
      throw new ResourceNotFoundError(
        'IATI_ACTIVITY_NOT_SET',
        'the plan folder has no iati-activity.json: the IATI identifiers are not set',
      );
    const { plan } = this.seed;
    const today = todayInLedgerZone();
    const docs = await allDocuments<IndicatorDoc>(this.store, INDICATORS, {}, [{ field: 'key' }]);
    const indicators: IatiIndicatorResult[] = [];
    for (const doc of docs) {
      if (!doc.definition) continue;
      indicators.push(await this.resultOf(doc, plan.orgUnit, plan.periodFrom, plan.periodTo, today));
    }
    const { reportingOrg, participatingOrgs, ...rest } = this.activity;
    const unit = this.seed.orgUnits.find((u) => u.code === plan.orgUnit);
    return {
      activity: {
        ...rest,
        reportingOrg: { ...this.named(reportingOrg), ref: reportingOrg.ref },
        participatingOrgs: participatingOrgs.map((o) => ({ ...this.named(o), role: o.role })),
      },
      plan: {
        titleVi: plan.titleVi,
        titleEn: plan.titleEn,
        periodFrom: plan.periodFrom,
        periodTo: plan.periodTo,
        orgUnit: plan.orgUnit,
        orgUnitNameVi: unit?.nameVi ?? plan.orgUnit,
        orgUnitNameEn: unit?.nameEn ?? plan.orgUnit,
      },
      indicators,
    };
  }

  private named(o: { agency: string; ref: string | null; type: string }): IatiNamedOrganisation {
    const agency = this.seed.agencies.find((a) => a.code === o.agency)!;
    return { ref: o.ref, type: o.type, nameVi: agency.nameVi, nameEn: agency.nameEn };
  }

  private async valueOn(key: string, orgUnit: string, day: string): Promise<string | null> {
    const view = await this.queries.execute(new GetIndicatorProgressQuery(key, orgUnit, day, false));
    return view.progress.value === null ? null : figure(view.progress.value);
  }

  private async resultOf(
    doc: IndicatorDoc,
    orgUnit: string,
    periodFrom: string,
    periodTo: string,
    today: string,
  ): Promise<IatiIndicatorResult> {
    const baselineDay = dayBefore(periodFrom);
    const measure = measureOf(doc);
    const last = Number((doc.target?.deadline ?? periodTo).slice(0, 4));
    const periods: IatiPeriodResult[] = [];
    for (let year = Number(periodFrom.slice(0, 4)); year <= last; year++) {
      const start = year === Number(periodFrom.slice(0, 4)) ? periodFrom : `${year}-01-01`;
      const end = `${year}-12-31`;
      const asOf = end < today ? end : today;
      const value = start <= today ? await this.valueOn(doc.key, orgUnit, asOf) : null;
      const target = targetIn(year, doc.target, measure === '5');
      // A year with neither a target nor a figure says nothing: left out.
      if (target !== null || value !== null)
        periods.push({ start, end, target, actual: value === null ? null : { value, asOf } });
    }
    return {
      key: doc.key,
      nameVi: doc.nameVi,
      nameEn: doc.nameEn,
      section: doc.section,
      unit: doc.unit,
      measure,
      ascending: ascendingOf(doc.target),
      baseline: {
        year: Number(baselineDay.slice(0, 4)),
        isoDate: baselineDay,
        value: await this.valueOn(doc.key, orgUnit, baselineDay),
      },
      periods,
    };
  }
}
