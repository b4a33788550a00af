import { Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { INDICATORS, type IndicatorDoc, type PlanModel, type ProgressStatus } from '@ledger/domain';
import { READ_STORE, type ReadStore } from '@ledger/read-store';
import { allDocuments } from '../../read/all-documents';
import { PLAN_MODEL } from '../../read/projections.providers';
import { GetIndicatorProgressQuery } from '../get-indicator-progress/get-indicator-progress.query';
import { GetSummaryQuery, type Summary, type SummaryGroup } from './get-summary.query';

const ATTENTION: readonly ProgressStatus[] = ['off_track', 'at_risk'];

@QueryHandler(GetSummaryQuery)
export class GetSummaryHandler implements IQueryHandler<GetSummaryQuery> {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(PLAN_MODEL) private readonly plan: PlanModel,
    private readonly queries: QueryBus,
  ) {}

  async execute(query: GetSummaryQuery): Promise<Summary> {
    const orgUnit = query.orgUnit ?? this.plan.planOrgUnit;
    const asOf = query.asOf ?? new Date().toISOString().slice(0, 10);
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
