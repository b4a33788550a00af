import { Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { type PlanModel, todayInLedgerZone } from '@ledger/domain';
import { INDICATORS, type IndicatorDoc, type ProgressStatus } from '@ledger/projections';
import { READ_STORE_READER, type ReadStoreReader } from '@ledger/read-store';
import { allDocuments } from '../../../read/all-documents';
import { KeptWhileProjectionsRest } from '../../../read/kept-while-projections-rest';
import type { ProjectionsHandle } from '../../../read/projections-handle';
import { PLAN_MODEL, PROJECTION_RUNNER } from '../../../read/projections.providers';
import { GetIndicatorProgressQuery } from '../get-indicator-progress/get-indicator-progress.query';
import { GetSummaryQuery, type Summary, type SummaryGroup } from './get-summary.query';

const ATTENTION: readonly ProgressStatus[] = ['off_track', 'at_risk'];
/** Summaries kept (per org unit and day) while no projection moves. */
const MAX_KEPT = 64;

@QueryHandler(GetSummaryQuery)
export class GetSummaryHandler implements IQueryHandler<GetSummaryQuery> {
  constructor(
    @Inject(READ_STORE_READER) private readonly store: ReadStoreReader,
    @Inject(PLAN_MODEL) private readonly plan: PlanModel,
    private readonly queries: QueryBus,
    @Inject(PROJECTION_RUNNER) runner: ProjectionsHandle,
  ) {
    this.kept = new KeptWhileProjectionsRest(store, runner, MAX_KEPT);
  }

  /**
   * A summary computes every indicator of the plan (about 50, each with its claimed, verified and official
   * figures) from projection documents only: it is kept, per org unit and day, while no projection moves.
   */
  private readonly kept: KeptWhileProjectionsRest<Summary>;

  async execute(query: GetSummaryQuery): Promise<Summary> {
    const orgUnit = query.orgUnit ?? this.plan.planOrgUnit;
    const asOf = query.asOf ?? todayInLedgerZone();
    return this.kept.get(`${orgUnit}|${asOf}`, () => this.compute(orgUnit, asOf));
  }

  private async compute(orgUnit: string, asOf: string): Promise<Summary> {
    const docs = await allDocuments<IndicatorDoc>(this.store, INDICATORS, {}, [{ field: 'key' }]);
    const views = await Promise.all(
      docs
        .filter((doc) => doc.definition !== null)
        .map((doc) => this.queries.execute(new GetIndicatorProgressQuery(doc.key, orgUnit, asOf, false))),
    );
    const byStatus: Summary['byStatus'] = {};
    const sections = new Map<string, SummaryGroup>();
    for (const view of views) {
      const status = view.progress.status;
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      const section = view.indicator.section ?? '?';
      const group = sections.get(section) ?? { section, indicators: 0, byStatus: {} };
      group.indicators++;
      group.byStatus[status] = (group.byStatus[status] ?? 0) + 1;
      sections.set(section, group);
    }
    const attention = views
      .filter((v) => ATTENTION.includes(v.progress.status))
      .sort((a, b) => ATTENTION.indexOf(a.progress.status) - ATTENTION.indexOf(b.progress.status))
      .map((v) => ({
        key: v.indicator.key,
        nameVi: v.indicator.nameVi,
        status: v.progress.status,
        value: v.progress.value,
        target: v.progress.targetText,
      }));
    return {
      orgUnit,
      asOf,
      indicators: views.length,
      byStatus,
      bySection: [...sections.values()].sort((a, b) => a.section.localeCompare(b.section)),
      attention,
    };
  }
}
