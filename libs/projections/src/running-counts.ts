// Keeps a projection's running counts (RunningCount in projection.ts): from the documents of a counted
// collection before and after some events, the change of every count document they stand in, and the count
// documents after that change. Pure; the runner (apply-batch.ts) and the test helper (project) both use it.
import type { CountDoc, DocumentKey, Projection, RunningCount } from './projection';

/** Changes per count document (by collection and id): bucket -> added (negative: removed). */
export type CountChanges = Map<string, { key: DocumentKey; buckets: Map<string, number> }>;

const countKey = (key: DocumentKey): string => `${key.collection}\u0000${key.id}`;

/** The running counts of `projection` over `collection`, if any. */
export function countsOf(projection: Projection, collection: string): readonly RunningCount[] {
  return projection.counts?.filter((count) => count.of === collection) ?? [];
}

/** Adds to `changes` what replacing `before` by `after` (null: absent) does to `count`. */
export function addCountChanges(
  changes: CountChanges,
  count: RunningCount,
  before: object | null,
  after: object | null,
): void {
  if (before === after) return;
  const add = (doc: object | null, sign: number) => {
    if (doc === null) return;
    for (const { id, bucket } of count.countedIn(doc)) {
      const key = { collection: count.into, id };
      const name = countKey(key);
      let entry = changes.get(name);
      if (!entry) changes.set(name, (entry = { key, buckets: new Map() }));
      entry.buckets.set(bucket, (entry.buckets.get(bucket) ?? 0) + sign);
    }
  };
  add(before, -1);
  add(after, 1);
}

/** A count document after its changes; null once it counts nothing. */
export function changedCount(doc: CountDoc | null, buckets: ReadonlyMap<string, number>): CountDoc | null {
  const next: Record<string, number> = { ...(doc?.buckets ?? {}) };
  let total = doc?.total ?? 0;
  for (const [bucket, change] of buckets) {
    if (change === 0) continue;
    const n = (next[bucket] ?? 0) + change;
    if (n < 0) throw new RangeError(`count of ${bucket} would fall below 0`);
    if (n === 0) delete next[bucket];
    else next[bucket] = n;
    total += change;
  }
  if (total === 0) return null;
  // Buckets in order, so that the same counts are the same document however the events were batched.
  const sorted: Record<string, number> = {};
  for (const bucket of Object.keys(next).sort()) sorted[bucket] = next[bucket];
  return { total, buckets: sorted };
}
