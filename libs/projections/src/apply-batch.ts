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
  type DocumentKey,
  type Projection,
} from './projection';

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
}

const refKey = (ref: DocumentRef): string => `${ref.collection}\u0000${ref.id}`;

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
      planned.push({ event: stored, keys: [] });
      continue;
    }
    try {
      const event = context.upcast ? context.upcast(stored) : stored;
      planned.push({ event, keys: distinctKeys(projection, projection.keys(event)) });
    } catch (error) {
      failure = { event: stored, error };
      break;
    }
  }

  const docs = new Map<string, object | null>();
  const refs = new Map<string, DocumentRef>();
  for (const { keys } of planned) for (const key of keys) refs.set(refKey(key), key);
  if (refs.size > 0) {
    const loaded = await context.load([...refs.values()]);
    [...refs.keys()].forEach((k, i) => docs.set(k, loaded[i]));
  }

  // Pass 2: reduce in position order. An event's results land only once all its keys reduced, so a
  // failure leaves the documents exactly as the previous event left them.
  const touched = new Set<string>();
  let checkpoint = context.checkpoint;
  let applied = 0;
  for (const { event, keys } of planned) {
    try {
      const results = keys.map((key) => {
        const next = projection.reduce(docs.get(refKey(key)) ?? null, event, key);
        if (next === undefined) throw new TypeError(`reduce returned undefined for ${refKey(key)}`);
        return next;
      });
      keys.forEach((key, i) => {
        docs.set(refKey(key), results[i]);
        touched.add(refKey(key));
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
  return { writes, checkpoint, applied, ...(failure ? { failure } : {}) };
}

function distinctKeys(projection: Projection, keys: unknown): DocumentKey[] {
  if (!Array.isArray(keys)) throw new UndeclaredKeyError(projection.name, keys);
  const seen = new Set<string>();
  const out: DocumentKey[] = [];
  for (const key of keys as unknown[]) {
    const { collection, id } = (key ?? {}) as Partial<DocumentKey>;
    if (
      typeof collection !== 'string' ||
      !projection.collections.includes(collection) ||
      typeof id !== 'string' ||
      id.length === 0
    ) {
      throw new UndeclaredKeyError(projection.name, key);
    }
    const k = refKey({ collection, id });
    if (!seen.has(k)) out.push({ collection, id });
    seen.add(k);
  }
  return out;
}
