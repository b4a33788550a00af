import { Query } from '@nestjs/cqrs';
import type { DocumentPage } from '../find-documents/find-documents.query';
import type { IndicatorProgressView } from '../get-indicator-progress/get-indicator-progress.query';

/** One indicator of the list: its figure and status, with its target as the plan states it. */
export type IndicatorListItem = IndicatorProgressView & {
  target: unknown;
  targetText: unknown;
  planText: string | null;
};

/** A page of the plan's indicators (in key order), each with its figure in one org unit as of a date. */
export class ListIndicatorsQuery extends Query<DocumentPage<IndicatorListItem>> {
  constructor(
    /** Only indicators of this section of the plan (e.g. II.2). */
    readonly section: string | undefined,
    /** The plan's area when absent. */
    readonly orgUnit: string | undefined,
    /** YYYY-MM-DD; today in the ledger's time zone when absent. */
    readonly asOf: string | undefined,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}
