// Idempotency by event id on EventStoreDB: the decisions, without I/O.
//
// EventStoreDB dedupes a re-sent event id only for the same expected revision, compares ids and not payloads,
// and has no index from an event id to its event (the by-event-id projections are off, and would lag). The port
// needs more: the same ids and payloads are a retry whatever the expectation (the first result comes back,
// nothing is written), the same id with another payload or in another stream is a conflict, and getEvent(id)
// finds an event. So every event id gets a small claim stream, `<namespace>-event-id-<uuid>`, whose last event
// says where the id goes: { stream, revision }.
//
// There are no transactions across streams, so the claim is written BEFORE the events (a claim is an intent):
// - Once an event is stored, the last claim of its id points at it. A claim is replaced only by an append to
//   the same stream that has checked, against the stream as read before it, that the id is not stored; and an
//   append writes after the tip it read or not at all. A crash between the claim and the events leaves a claim
//   that points at nothing (or at another event), which the next append of that id replaces.
// - Hence "no claim" means "never stored", the common case costs one read per id and no scan, and a claim that
//   does not hold its id (an append that lost a race, crashed, or is still in flight) sends us to read the
//   stream up to the tip we read, which is short: a stream is one aggregate.
// - An id is bound to the stream of its first claim, even when that append never happened: reusing an id for
//   another stream is refused as DuplicateEventIdError, as the sqlite store refuses it once stored.
// Cost: one more stream per event on the server, and on a new append one read and one write per event id.
import type { JSONEventData } from '@eventstore/db-client';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../event-store.errors';
import type { AppendResult, ExpectedRevision } from '../event-store.port';
import type { PreparedEvent } from '../event-store.validation';
import {
  NotALedgerEventError,
  type ChainedEvent,
  type ClientStoredEvent,
  type StoredEvent,
  type StreamTip,
} from './esdb-envelope';
import { expectationHolds, toRevisionNumber } from './esdb-revision';

export const CLAIM_EVENT_TYPE = 'EventIdClaimed';

/** The last claim of an event id. */
export interface EventIdClaim {
  /** Revision of this claim in its claim stream; replacing it is an append expecting exactly this. */
  claimRevision: number;
  stream: string;
  revision: number;
}

export interface AppendRequest {
  stream: string;
  expected: ExpectedRevision;
  events: PreparedEvent[];
}

/** What a claim tells about whether its id is already stored in the stream being appended to. */
export type ClaimCheck =
  | { kind: 'unclaimed' }
  | { kind: 'other-stream'; claim: EventIdClaim }
  /** The claimed revision exists: read it to see whether it holds the id. */
  | { kind: 'read-at'; claim: EventIdClaim }
  /** The claimed revision is past the tip: its append is in flight or lost; only the stream itself can tell. */
  | { kind: 'search'; claim: EventIdClaim };

export function checkClaim(claim: EventIdClaim | null, stream: string, tip: StreamTip): ClaimCheck {
  if (!claim) return { kind: 'unclaimed' };
  if (claim.stream !== stream) return { kind: 'other-stream', claim };
  return claim.revision <= tip.revision ? { kind: 'read-at', claim } : { kind: 'search', claim };
}

/** A claim to write before the events: a new claim stream, or a replacement of the claim last read. */
export interface ClaimWrite {
  eventId: string;
  expected: 'no_stream' | number;
  stream: string;
  revision: number;
}

export type AppendPlan =
  | { kind: 'done'; result: AppendResult }
  | { kind: 'refused'; error: DuplicateEventIdError | WrongExpectedRevisionError }
  | { kind: 'append'; claims: ClaimWrite[] };

/**
 * Decides an append from the stream's tip, the last claim of each id, and which ids are found stored in the
 * stream (up to the tip). Same rules and messages as the sqlite adapter: a retry when every id is stored in
 * this stream with the same payload in the same order, a conflict when only some are or any differs.
 */
export function planAppend(
  request: AppendRequest,
  tip: StreamTip,
  claims: readonly (EventIdClaim | null)[],
  recorded: ReadonlyMap<string, StoredEvent>,
): AppendPlan {
  const { stream, expected, events } = request;
  const refuse = (i: number, detail: string): AppendPlan => ({
    kind: 'refused',
    error: new DuplicateEventIdError(events[i].id, detail),
  });
  type Known = { kind: 'stored'; stored: StoredEvent } | { kind: 'other-stream'; stream: string } | null;
  const known = events.map((event, i): Known => {
    const stored = recorded.get(event.id);
    if (stored) return { kind: 'stored', stored };
    const claim = claims[i];
    return claim && claim.stream !== stream ? { kind: 'other-stream', stream: claim.stream } : null;
  });
  const knownCount = known.filter((k) => k !== null).length;

  if (knownCount > 0) {
    if (knownCount < events.length) {
      return refuse(
        known.findIndex((k) => k !== null),
        `${knownCount} of the ${events.length} event ids of this append are already recorded; an append is stored whole or not at all`,
      );
    }
    const rows: StoredEvent[] = [];
    for (let i = 0; i < events.length; i++) {
      const k = known[i];
      if (k?.kind !== 'stored') {
        return refuse(i, `it belongs to stream ${k?.stream ?? '?'}, not ${stream}`);
      }
      const { event, payloadDigest } = k.stored;
      if (payloadDigest !== events[i].digest)
        return refuse(i, `stream ${stream} revision ${event.revision} has another payload under this id`);
      if (i > 0 && event.revision !== rows[i - 1].event.revision + 1)
        return refuse(i, 'the ids are recorded, but not in the order of this append');
      rows.push(k.stored);
    }
    return {
      kind: 'done',
      result: {
        stream,
        events: rows.map(({ event }) => ({
          id: event.id,
          revision: event.revision,
          position: event.position,
        })),
        nextExpectedRevision: rows[rows.length - 1].event.revision,
        replayed: true,
      },
    };
  }

  if (!expectationHolds(expected, tip.revision)) {
    return { kind: 'refused', error: new WrongExpectedRevisionError(stream, expected, tip.revision) };
  }
  if (events.length === 0) {
    return {
      kind: 'done',
      result: { stream, events: [], nextExpectedRevision: tip.revision, replayed: false },
    };
  }
  const writes: ClaimWrite[] = [];
  events.forEach((event, i) => {
    const revision = tip.revision + 1 + i;
    const claim = claims[i];
    // Already claimed for exactly this place (a concurrent retry of the same append): nothing to change.
    if (claim && claim.revision === revision) return;
    writes.push({ eventId: event.id, expected: claim ? claim.claimRevision : 'no_stream', stream, revision });
  });
  return { kind: 'append', claims: writes };
}

/**
 * The result of an append from the events read back after it, or null when they are not the ones this append
 * wrote: EventStoreDB acknowledges a re-sent batch of ids after the same revision without writing it, so an
 * identical batch racing ours may be what is stored. The caller then decides again (a replay or a conflict).
 */
export function confirmAppend(
  stream: string,
  chained: readonly ChainedEvent[],
  readBack: readonly StoredEvent[],
): AppendResult | null {
  if (readBack.length !== chained.length) return null;
  const ours = chained.every(({ id, revision, hash }, i) => {
    const { event } = readBack[i];
    return event.id === id && event.revision === revision && event.hash === hash;
  });
  if (!ours) return null;
  return {
    stream,
    events: readBack.map(({ event }) => ({
      id: event.id,
      revision: event.revision,
      position: event.position,
    })),
    nextExpectedRevision: chained[chained.length - 1].revision,
    replayed: false,
  };
}

/** The client's shape of a claim event; `id` is a fresh UUID chosen by the caller. */
export function toClaimEvent(write: ClaimWrite, id: string): JSONEventData {
  return {
    id,
    contentType: 'application/json',
    type: CLAIM_EVENT_TYPE,
    data: { stream: write.stream, revision: write.revision },
    metadata: undefined,
  };
}

export function fromClaimEvent(raw: ClientStoredEvent): EventIdClaim {
  const data = raw.data as { stream?: unknown; revision?: unknown } | null;
  if (
    raw.type !== CLAIM_EVENT_TYPE ||
    !raw.isJson ||
    typeof data !== 'object' ||
    data === null ||
    typeof data.stream !== 'string' ||
    typeof data.revision !== 'number' ||
    !Number.isSafeInteger(data.revision) ||
    data.revision < 0
  ) {
    throw new NotALedgerEventError(raw, `not an ${CLAIM_EVENT_TYPE} event with a stream and a revision`);
  }
  return { claimRevision: toRevisionNumber(raw.revision), stream: data.stream, revision: data.revision };
}
