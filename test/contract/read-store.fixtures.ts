// Helpers shared by the ReadStore contract and the adapters' own integration tests.
import type { DocumentWrite, GenerationId, ReadStore } from '@ledger/read-store';

/** The projection's active generation, created (empty, switched over at once) when it has none. */
export async function activeGeneration(store: ReadStore, projection: string): Promise<GenerationId> {
  const active = await store.activeGeneration(projection);
  if (active) return active.generation;
  const generation = await store.beginRebuild(projection, 1);
  await store.switchOver(projection, generation);
  return generation;
}

/** Commits writes to the projection's active generation, one position past its checkpoint. */
export async function commitDocs(
  store: ReadStore,
  projection: string,
  writes: DocumentWrite[],
): Promise<number> {
  const generation = await activeGeneration(store, projection);
  const expectedCheckpoint = await store.getCheckpoint(projection);
  const checkpoint = expectedCheckpoint + 1;
  await store.commit({ projection, generation, expectedCheckpoint, checkpoint, writes });
  return checkpoint;
}

/** Every page of a find, following nextCursor; fails on a runaway loop instead of hanging. */
export async function allPages<T extends object>(
  store: ReadStore,
  collection: string,
  query: Parameters<ReadStore['find']>[1],
): Promise<{ ids: string[]; pages: number; docs: T[] }> {
  const ids: string[] = [];
  const docs: T[] = [];
  let after: string | undefined;
  let pages = 0;
  do {
    const page = await store.find<T>(collection, { ...query, ...(after ? { after } : {}) });
    pages++;
    if (pages > 1000) throw new Error('more than 1000 pages: the cursor does not advance');
    ids.push(...page.items.map((item) => item.id));
    docs.push(...page.items.map((item) => item.doc));
    after = page.nextCursor;
  } while (after !== undefined);
  return { ids, pages, docs };
}
