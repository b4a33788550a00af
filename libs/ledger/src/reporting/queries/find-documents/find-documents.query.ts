import { Query } from '@nestjs/cqrs';
import type { Filter, OrderBy } from '@ledger/read-store';

export interface DocumentPage<T = Record<string, unknown>> {
  items: T[];
  /** Pass as `cursor` to read the next page; absent on the last page. */
  nextCursor?: string;
}

/** A page of projection documents: the read side never scans events. */
export class FindDocumentsQuery<T = Record<string, unknown>> extends Query<DocumentPage<T>> {
  constructor(
    readonly collection: string,
    readonly where: Filter,
    readonly orderBy: readonly OrderBy[],
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
