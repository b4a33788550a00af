// One append on EventStoreDB: read the stream's tip and the claims of the ids, decide (esdb-idempotency.ts),
// claim the ids, write the events after the tip with the hash chain, read them back for their positions.
// The events are always written expecting exactly the tip that was read, whatever the caller expected: the
// hashes chain to that tip, so writing after any other event would break the chain. When the stream moved in
// between, everything is decided again from the new tip (a bounded number of times).
import { randomUUID } from 'node:crypto';
import type { AppendResult } from '../event-store.port';
import { WrongExpectedRevisionError } from '../event-store.errors';
import type { PreparedEvent } from '../event-store.validation';
import type { EsdbClientIo } from './esdb-client-io';
import {
  chainEvents,
  EMPTY_STREAM,
  fromClientEvent,
  toStreamTip,
  type StoredEvent,
  type StreamTip,
} from './esdb-envelope';
import {
  checkClaim,
  confirmAppend,
  fromClaimEvent,
  planAppend,
  toClaimEvent,
  type AppendRequest,
  type EventIdClaim,
} from './esdb-idempotency';
import { exactly, toClientExpectedRevision } from './esdb-revision';
import type { StreamNames } from './esdb-stream-names';

export interface AppendContext {
  io: EsdbClientIo;
  names: StreamNames;
  clock: () => Date;
  maxAttempts: number;
}

export async function appendEvents(context: AppendContext, request: AppendRequest): Promise<AppendResult> {
  const { io, names, clock, maxAttempts } = context;
  const { stream, events } = request;
  const serverStream = names.data(stream);
  let tip: StreamTip = EMPTY_STREAM;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    // The tip first: a claim read after it is judged against a stream at least this long (see findRecorded).
    tip = toStreamTip(await readLast(context, serverStream));
    const claims = await Promise.all(events.map((event) => readClaim(context, event.id)));
    const recorded = await findRecorded(context, stream, events, claims, tip);
    const plan = planAppend(request, tip, claims, recorded);
    if (plan.kind === 'done') return plan.result;
    if (plan.kind === 'refused') throw plan.error;

    const claimed = await Promise.all(
      plan.claims.map((claim) =>
        io.append(
          names.claims(claim.eventId),
          [toClaimEvent(claim, randomUUID())],
          toClientExpectedRevision(claim.expected),
          'append (claim)',
        ),
      ),
    );
    // Another append claimed one of these ids meanwhile: decide again with its claim in view.
    if (claimed.some((outcome) => !outcome.ok)) continue;

    const chained = chainEvents(stream, events, tip, clock().toISOString());
    const written = await io.append(
      serverStream,
      chained.map((event) => event.payload),
      toClientExpectedRevision(exactly(tip.revision)),
      'append',
    );
    if (!written.ok) continue;
    const readBack = await io.readStream(
      serverStream,
      { fromRevision: tip.revision + 1, maxCount: events.length },
      'append (confirmation)',
    );
    const result = confirmAppend(
      stream,
      chained,
      (readBack ?? []).map((raw) => fromClientEvent(names, raw)),
    );
    if (result) return result;
  }
  // Only 'any' and 'stream_exists' get here (an exact expectation is refused on the first changed tip).
  throw new WrongExpectedRevisionError(stream, request.expected, tip.revision);
}

async function readLast(context: AppendContext, serverStream: string): Promise<StoredEvent | null> {
  const last = await context.io.readStream(
    serverStream,
    { direction: 'backwards', maxCount: 1 },
    'append (tip)',
  );
  return last && last.length > 0 ? fromClientEvent(context.names, last[0]) : null;
}

async function readClaim(context: AppendContext, eventId: string): Promise<EventIdClaim | null> {
  const last = await context.io.readStream(
    context.names.claims(eventId),
    { direction: 'backwards', maxCount: 1 },
    'append (claim)',
  );
  return last && last.length > 0 ? fromClaimEvent(last[0]) : null;
}

/**
 * The events of this append already stored in the stream, by id, as of `tip`. A claim pointing at its event
 * answers with one read; a claim that does not (its append failed, crashed, or is in flight) makes us search
 * the stream up to the tip. No claim: never stored.
 */
async function findRecorded(
  context: AppendContext,
  stream: string,
  events: PreparedEvent[],
  claims: (EventIdClaim | null)[],
  tip: StreamTip,
): Promise<Map<string, StoredEvent>> {
  const { io, names } = context;
  const recorded = new Map<string, StoredEvent>();
  let search = false;
  await Promise.all(
    events.map(async (event, i) => {
      const check = checkClaim(claims[i], stream, tip);
      if (check.kind === 'search') search = true;
      if (check.kind !== 'read-at') return;
      const at = await io.readStream(
        names.data(stream),
        { fromRevision: check.claim.revision, maxCount: 1 },
        'append (claimed event)',
      );
      const stored = at && at.length > 0 ? fromClientEvent(names, at[0]) : null;
      if (stored?.event.id === event.id) recorded.set(event.id, stored);
      else search = true;
    }),
  );
  if (search && tip.revision >= 0) {
    const ids = new Set(events.map((event) => event.id));
    const all = await io.readStream(names.data(stream), { maxCount: tip.revision + 1 }, 'append (id search)');
    for (const raw of all ?? []) {
      if (!ids.has(raw.id) || recorded.has(raw.id)) continue;
      recorded.set(raw.id, fromClientEvent(names, raw));
    }
  }
  return recorded;
}
