import { Query } from '@nestjs/cqrs';
import type { ProgressStatus } from '@ledger/projections';

export interface SummaryGroup {
  section: string;
  indicators: number;
  byStatus: Partial<Record<ProgressStatus, number>>;
}

export interface Summary {
  orgUnit: string;
  asOf: string;
  indicators: number;
  byStatus: Partial<Record<ProgressStatus, number>>;
  bySection: SummaryGroup[];
  /** The indicators that need attention first: off track, then at risk. */
  attention: Array<{
    key: string;
    nameVi: string | null;
    status: ProgressStatus;
    value: number | null;
    target: string | null;
  }>;
}

/** The plan at a glance for one org unit (the district by default): how many indicators stand where. */
export class GetSummaryQuery extends Query<Summary> {
  constructor(
    readonly orgUnit: string | undefined,
    readonly asOf: string | undefined,
  ) {
    super();
  }
}
