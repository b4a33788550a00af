import type { Filter, OrderBy, ReadStoreReader } from '@ledger/read-store';

/** Every document of a query, page by page: for bounded sets (an agency's open cases, its indicators). */
export async function allDocuments<T extends object>(
  store: ReadStoreReader,
  collection: string,
  where: Filter,
  orderBy: readonly OrderBy[],
): Promise<T[]> {
  const out: T[] = [];
  let after: string | undefined;
  do {
    const page = await store.find<T>(collection, { where, orderBy, limit: 500, ...(after ? { after } : {}) });
    out.push(...page.items.map((item) => item.doc));
    after = page.nextCursor;
  } while (after);
  return out;
}
