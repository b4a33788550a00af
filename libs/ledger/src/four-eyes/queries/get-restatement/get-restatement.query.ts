import { Query } from '@nestjs/cqrs';
import type { FigureChangeDoc } from '@ledger/projections';

export interface RestatementView {
  indicatorKey: string;
  orgUnit: string;
  /** The figure read as of `asOf` (the month it names and before). */
  asOf: string;
  from: string;
  to: string;
  /** The figure as it was published at the start of `from` and at the end of `to`, and as it stands now. */
  figures: {
    claimed: { atFrom: number; atTo: number; now: number | null };
    verified: { atFrom: number; atTo: number; now: number | null };
  };
  /** Every event recorded between the two dates that moved the figure, oldest first, with its reason. */
  changes: FigureChangeDoc[];
}

/** For a published figure: how and why it changed between two dates, event by event. */
export class GetRestatementQuery extends Query<RestatementView> {
  constructor(
    readonly indicatorKey: string,
    readonly orgUnit: string | undefined,
    readonly from: string,
    readonly to: string,
    readonly asOf: string | undefined,
  ) {
    super();
  }
}
