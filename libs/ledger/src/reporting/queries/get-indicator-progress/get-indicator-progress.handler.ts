// Reads an indicator's progress from the documents of the plan-catalog and indicator-progress projections:
// the catalog gives the definition, the standing target (revisions included) and the recorded baselines;
// the month documents give the figures. No event is read here.
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  ratioBaselinesFor,
  type PlanModel,
  illustrativeBaselineParts,
  todayInLedgerZone,
  unitsMeasuringAs,
} from '@ledger/domain';
import { INDICATORS, progressAsOf, timeSeries, type IndicatorDoc } from '@ledger/projections';
import { READ_STORE_READER, type ReadStoreReader } from '@ledger/read-store';
import { ResourceNotFoundError } from '../../../errors/ledger-errors';
import type { ProjectionsHandle } from '../../../read/projections-handle';
import { PLAN_MODEL, PROJECTION_RUNNER } from '../../../read/projections.providers';
import { KeptWhileProjectionsRest } from '../../../read/kept-while-projections-rest';
import { FigureReader } from '../../../four-eyes/figure-reader';
import { GetIndicatorProgressQuery, type IndicatorProgressView } from './get-indicator-progress.query';

@QueryHandler(GetIndicatorProgressQuery)
export class GetIndicatorProgressHandler implements IQueryHandler<GetIndicatorProgressQuery> {
  /** Views kept while no projection moves: a dashboard asks for the same ones again and again. */
  private readonly kept: KeptWhileProjectionsRest<IndicatorProgressView>;

  constructor(
    @Inject(READ_STORE_READER) private readonly store: ReadStoreReader,
    @Inject(PLAN_MODEL) private readonly plan: PlanModel,
    private readonly figures: FigureReader,
    @Inject(PROJECTION_RUNNER) runner: ProjectionsHandle,
  ) {
    this.kept = new KeptWhileProjectionsRest(store, runner, 4096);
  }

  execute(query: GetIndicatorProgressQuery): Promise<IndicatorProgressView> {
    const orgUnit = query.orgUnit ?? this.plan.planOrgUnit;
    const asOf = query.asOf ?? todayInLedgerZone();
    const key = `${query.indicatorKey}|${orgUnit}|${asOf}|${query.withSeries ? 'series' : ''}`;
    return this.kept.get(key, () => this.compute({ ...query, orgUnit, asOf }));
  }

  private async compute(
    query: GetIndicatorProgressQuery & { orgUnit: string; asOf: string },
  ): Promise<IndicatorProgressView> {
    const indicator = await this.store.get<IndicatorDoc>(INDICATORS, query.indicatorKey);
    if (!indicator?.definition) {
      throw new ResourceNotFoundError(
        'INDICATOR_NOT_FOUND',
        `no indicator ${query.indicatorKey} in the plan`,
      );
    }
    const { orgUnit, asOf } = query;
    // Each house counted once: double claims are taken out of the month documents.
    const months = await this.figures.months('claimed', indicator.key, orgUnit, asOf.slice(0, 7));
    const recorded = indicator.baselines.length > 0 ? indicator.baselines : this.plan.baselines;
    const baselines = ratioBaselinesFor(this.plan, indicator.definition, orgUnit, recorded);
    const sameArea = unitsMeasuringAs(this.plan, orgUnit);
    const progress = {
      ...progressAsOf(months, asOf, indicator.definition, indicator.target, baselines, sameArea),
      orgUnit,
    };
    const view: IndicatorProgressView = {
      indicator: {
        key: indicator.key,
        nameVi: indicator.nameVi,
        nameEn: indicator.nameEn,
        unit: indicator.unit,
        kind: indicator.kind,
        section: indicator.section,
        lead: indicator.lead,
        support: indicator.support,
      },
      progress,
      assurance: await this.figures.assured(
        indicator.definition,
        orgUnit,
        asOf,
        baselines,
        illustrativeBaselineParts(indicator.definition, recorded),
      ),
    };
    if (query.withSeries) {
      view.series = timeSeries(
        months,
        this.plan.periodFrom.slice(0, 7),
        asOf.slice(0, 7),
        indicator.definition,
        baselines,
        asOf,
        sameArea,
      );
    }
    return view;
  }
}
