import { Query } from '@nestjs/cqrs';
import type { IndicatorProgress, SeriesPoint } from '@ledger/projections';
import type { AssuredFigures } from '../../../four-eyes/figure-reader';

export interface IndicatorSummary {
  key: string;
  nameVi: string | null;
  nameEn: string | null;
  unit: string | null;
  kind: string | null;
  section: string | null;
  lead: string | null;
  support: string[];
}

export interface IndicatorProgressView {
  indicator: IndicatorSummary;
  progress: IndicatorProgress;
  /**
   * The figure three ways: claimed (recorded), verified (checked by someone else) and official
   * (verified and inside an approved period report).
   */
  assurance: AssuredFigures;
  /** Month by month from the plan's start to asOf; only when asked for. */
  series?: SeriesPoint[];
}

/** An indicator's figure, target and status in one org unit as of a date, read from projection documents. */
export class GetIndicatorProgressQuery extends Query<IndicatorProgressView> {
  constructor(
    readonly indicatorKey: string,
    /** Defaults to the plan's own org unit (the district). */
    readonly orgUnit: string | undefined,
    /** YYYY-MM-DD; defaults to today. */
    readonly asOf: string | undefined,
    readonly withSeries: boolean,
  ) {
    super();
  }
}
