// Applies a batch of events to a projection's documents in memory: every document an event touches is
// loaded once per batch, reduced event by event, and handed back as the writes to commit together with the
// checkpoint reached. An error in the projection's code stops the batch at that event: the writes and
// checkpoint cover exactly the events before it, so what is committed is still a prefix of the log.
import type { RecordedEvent } from '@ledger/domain';
import type { DocumentRef, DocumentWrite } from '@ledger/read-store';
import {
  handlesEvent,
  type AppliedBatch,
  type BatchFailure,
  type CountDoc,
  type DocumentKey,
  type Projection,
} from './projection';
import { addCountChanges, changedCount, countsOf, type CountChanges } from './running-counts';

export interface BatchContext {
  /** The generation's checkpoint: events at or below it were applied already and are skipped. */
  checkpoint: number;
  /** Loads documents of the generation being written, aligned with refs. */
  load(refs: readonly DocumentRef[]): Promise<Array<object | null>>;
  /** Brings an event to today's schema (the domain's upcasters); identity when absent. */
  upcast?: (event: RecordedEvent) => RecordedEvent;
}

/** Thrown for a key the projection did not declare: a bug of the projection, reported like one it threw. */
export class UndeclaredKeyError extends Error {
  constructor(projection: string, key: unknown) {
    super(`projection ${projection} named a document outside its collections: ${JSON.stringify(key)}`);
    this.name = 'UndeclaredKeyError';
  }
}

interface Planned {
  event: RecordedEvent;
  keys: DocumentKey[];
  /** refKey of each key, made once. */
  names: string[];
}

const refKey = (ref: DocumentRef): string => `${ref.collection}\u0000${ref.id}`;
const NO_KEYS: DocumentKey[] = [];
const NO_NAMES: string[] = [];

export async function applyBatch(
  projection: Projection,
  events: readonly RecordedEvent[],
  context: BatchContext,
): Promise<AppliedBatch> {
  let failure: BatchFailure | undefined;
  // Pass 1: which documents each event touches (pure), so they can all be loaded in one call.
  const planned: Planned[] = [];
  for (const stored of events) {
    if (stored.position <= context.checkpoint) continue;
    if (!handlesEvent(projection, stored.type)) {
      planned.push({ event: stored, keys: NO_KEYS, names: NO_NAMES });
      continue;
    }
    try {
      const event = context.upcast ? context.upcast(stored) : stored;
      planned.push({ event, ...distinctKeys(projection, projection.keys(event)) });
    } catch (error) {
      failure = { event: stored, error };
      break;
    }
  }

  const docs = new Map<string, object | null>();
  const refs = new Map<string, DocumentRef>();
  for (const { keys, names } of planned) keys.forEach((key, i) => refs.set(names[i], key));
  const loaded = refs.size > 0 ? await context.load([...refs.values()]) : [];
  [...refs.keys()].forEach((k, i) => docs.set(k, loaded[i]));

  // Pass 2: reduce in position order. An event's results land only once all its keys reduced, so a
  // failure leaves the documents exactly as the previous event left them.
  const touched = new Set<string>();
  let checkpoint = context.checkpoint;
  let applied = 0;
  for (const { event, keys, names } of planned) {
    if (keys.length === 0) {
      checkpoint = event.position;
      applied++;
      continue;
    }
    try {
      const results = keys.map((key, i) => {
        const next = projection.reduce(docs.get(names[i]) ?? null, event, key);
        if (next === undefined) throw new TypeError(`reduce returned undefined for ${names[i]}`);
        return next;
      });
      names.forEach((name, i) => {
        docs.set(name, results[i]);
        touched.add(name);
      });
    } catch (error) {
      failure = { event, error };
      break;
    }
    checkpoint = event.position;
    applied++;
  }

  const writes = [...touched].map((k): DocumentWrite => {
    const { collection, id } = refs.get(k) as DocumentRef;
    return { collection, id, doc: docs.get(k) ?? null };
  });
  if (projection.counts?.length && writes.length > 0) {
    const before = new Map([...refs.keys()].map((k, i) => [k, loaded[i] ?? null]));
    const counted = await countWrites(projection, writes, (k) => before.get(k) ?? null, context);
    if ('error' in counted) {
      // A count the projection's own code could not keep (countedIn threw, or a count would fall below 0)
      // cannot be pinned on one event: the batch is refused from its first event, nothing of it written.
      const first = planned[0].event;
      return {
        writes: [],
        checkpoint: context.checkpoint,
        applied: 0,
        failure: { event: first, error: counted.error },
      };
    }
    writes.push(...counted);
  }
  return { writes, checkpoint, applied, ...(failure ? { failure } : {}) };
}

/**
 * The count documents that change when `writes` replace the documents as they were before the batch; an
 * error of the projection's counting code is handed back, one of the store (loading the counts) is thrown.
 */
async function countWrites(
  projection: Projection,
  writes: readonly DocumentWrite[],
  before: (name: string) => object | null,
  context: BatchContext,
): Promise<DocumentWrite[] | { error: unknown }> {
  const changes: CountChanges = new Map();
  try {
    for (const write of writes) {
      for (const count of countsOf(projection, write.collection)) {
        addCountChanges(changes, count, before(refKey(write)), write.doc);
      }
    }
  } catch (error) {
    return { error };
  }
  if (changes.size === 0) return [];
  const entries = [...changes.values()];
  const current = await context.load(entries.map((entry) => entry.key));
  try {
    return entries.map(({ key, buckets }, i) => ({
      ...key,
      doc: changedCount(current[i] as CountDoc | null, buckets),
    }));
  } catch (error) {
    return { error };
  }
}

function distinctKeys(projection: Projection, keys: unknown): { keys: DocumentKey[]; names: string[] } {
  if (!Array.isArray(keys)) throw new UndeclaredKeyError(projection.name, keys);
  const names: string[] = [];
  const out: DocumentKey[] = [];
  for (const key of keys as unknown[]) {
    const { collection, id } = (key ?? {}) as Partial<DocumentKey>;
    if (
      typeof collection !== 'string' ||
      !projection.collections.includes(collection) ||
      projection.counts?.some((count) => count.into === collection) ||
      typeof id !== 'string' ||
      id.length === 0
    ) {
      throw new UndeclaredKeyError(projection.name, key);
    }
    const name = refKey({ collection, id });
    // An event names a few documents: a scan of the names beats a Set.
    if (names.includes(name)) continue;
    names.push(name);
    out.push({ collection, id });
  }
  return { keys: out, names };
}
