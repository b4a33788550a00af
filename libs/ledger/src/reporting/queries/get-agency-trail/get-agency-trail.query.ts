import { Query } from '@nestjs/cqrs';
import type { AgencyTrailDoc, OpenCaseStepDoc } from '@ledger/projections';
import type { IndicatorProgressView } from '../get-indicator-progress/get-indicator-progress.query';

export interface AgencyTrailView {
  agency: string;
  asOf: string;
  /** Actions, corrections made and received, per officer; null when the agency has recorded nothing yet. */
  trail: AgencyTrailDoc | null;
  /**
   * Open case steps it recorded last or answers for by succession, soonest due first (those without a due
   * date last): the first OPEN_STEPS_LISTED; all of them, paged: GetOpenCaseStepsQuery.
   */
  openSteps: OpenCaseStepDoc[];
  /** How many open steps there are in all. */
  openStepsTotal: number;
  /** Those whose next step was due before asOf, most overdue first: the first OPEN_STEPS_LISTED. */
  pastDue: OpenCaseStepDoc[];
  /** How many are past due in all. */
  pastDueTotal: number;
  /** The indicators it leads, with their status as of asOf. */
  indicators: IndicatorProgressView[];
  /**
   * Indicators led by agencies whose duties passed to this one by asOf (the 2025 reorganisation): read in
   * this agency's own org unit, with the predecessor, the date and the org units whose duties it took.
   * The predecessor's record stays its own.
   */
  inheritedIndicators: Array<{
    from: string;
    effectiveFrom: string;
    orgUnits: string[] | null;
    progress: IndicatorProgressView;
  }>;
}

/** How many open steps (and past-due steps) the agency trail lists; the counts cover all of them. */
export const OPEN_STEPS_LISTED = 50;

export class GetAgencyTrailQuery extends Query<AgencyTrailView> {
  constructor(
    readonly agency: string,
    /** YYYY-MM-DD; default today. */
    readonly asOf: string | undefined,
  ) {
    super();
  }
}
