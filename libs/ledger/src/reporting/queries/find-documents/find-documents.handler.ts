import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE_READER, type Filter, type OrderBy, type ReadStoreReader } from '@ledger/read-store';
import { FindDocumentsQuery, type DocumentPage } from './find-documents.query';

@QueryHandler(FindDocumentsQuery)
export class FindDocumentsHandler implements IQueryHandler<FindDocumentsQuery> {
  constructor(@Inject(READ_STORE_READER) private readonly store: ReadStoreReader) {}

  async execute(query: FindDocumentsQuery): Promise<DocumentPage> {
    const page = await this.store.find(query.collection, {
      where: query.where,
      orderBy: rangeFirst(query.where, query.orderBy),
      limit: query.limit,
      ...(query.cursor ? { after: query.cursor } : {}),
    });
    return {
      items: page.items.map((item) => item.doc),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }
}

const RANGE_KEYS = ['gt', 'gte', 'lt', 'lte'] as const;

/**
 * A range filter is served in the order of its field: that field leads the sort (in the direction of the
 * first sort key), then the sort asked for. An index (field, sort keys...) then reads only the page it
 * returns, where sorting the whole range by another key (e.g. a date range of the trail newest first by
 * position) would read every entry in the range, a cost that grows with the log. So a trail searched by
 * date comes by day (newest first), and by position within a day. With several ranges, the first leads.
 */
export function rangeFirst(where: Filter, orderBy: readonly OrderBy[]): readonly OrderBy[] {
  const ranged = Object.entries(where).find(
    ([, condition]) =>
      condition !== null &&
      typeof condition === 'object' &&
      RANGE_KEYS.some((key) => (condition as Record<string, unknown>)[key] !== undefined),
  );
  if (!ranged) return orderBy;
  const [field] = ranged;
  if (orderBy.length > 0 && orderBy[0].field === field) return orderBy;
  return [{ field, direction: orderBy[0]?.direction ?? 'asc' }, ...orderBy.filter((o) => o.field !== field)];
}
