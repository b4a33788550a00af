import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@ledger/domain';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../event-store.errors';
import { prepareEvents, type PreparedEvent } from '../event-store.validation';
import {
  chainEvents,
  EMPTY_STREAM,
  NotALedgerEventError,
  type ClientStoredEvent,
  type StoredEvent,
  type StreamTip,
} from './esdb-envelope';
import {
  checkClaim,
  CLAIM_EVENT_TYPE,
  confirmAppend,
  fromClaimEvent,
  planAppend,
  toClaimEvent,
  type AppendPlan,
  type EventIdClaim,
} from './esdb-idempotency';

const S = 'case-1';
const newEvent = (data: unknown = { value: Math.random() }): NewEvent => ({
  id: randomUUID(),
  type: 'SomethingRecorded',
  schemaVersion: 1,
  data,
  metadata: {
    occurredAt: '2025-05-20T02:30:00.000Z',
    actor: { officer: 'o', agency: 'a', role: 'officer' },
    orgUnit: 'PHUOC-DAI',
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    evidence: [],
  },
});

/** The events as stored at revisions first.. with positions 2 * (1000 + revision). */
function stored(events: PreparedEvent[], first: number, stream = S): StoredEvent[] {
  return events.map((e, i) => ({
    event: {
      id: e.id,
      type: e.type,
      schemaVersion: e.schemaVersion,
      stream,
      revision: first + i,
      position: 2 * (1000 + first + i),
      recordedAt: '2025-05-20T02:30:01.000Z',
      metadata: JSON.parse(e.metadataJson),
      data: JSON.parse(e.dataJson),
      prevHash: null,
      hash: `h${first + i}`,
    },
    payloadDigest: e.digest,
  }));
}

const tipAt = (revision: number): StreamTip => ({ revision, hash: `h${revision}` });
const claim = (stream: string, revision: number, claimRevision = 0): EventIdClaim => ({
  stream,
  revision,
  claimRevision,
});
const byId = (rows: StoredEvent[]) => new Map(rows.map((row) => [row.event.id, row]));
const plan = (
  events: PreparedEvent[],
  expected: Parameters<typeof planAppend>[0]['expected'],
  tip: StreamTip,
  claims: (EventIdClaim | null)[] = events.map(() => null),
  recorded: StoredEvent[] = [],
): AppendPlan => planAppend({ stream: S, expected, events }, tip, claims, byId(recorded));

describe('checkClaim', () => {
  it('tells whether a claim can be checked with one read, needs a search, or binds the id elsewhere', () => {
    expect(checkClaim(null, S, tipAt(3))).toEqual({ kind: 'unclaimed' });
    expect(checkClaim(claim('other', 0), S, tipAt(3)).kind).toBe('other-stream');
    expect(checkClaim(claim(S, 3), S, tipAt(3)).kind).toBe('read-at');
    expect(checkClaim(claim(S, 4), S, tipAt(3)).kind).toBe('search');
    expect(checkClaim(claim(S, 0), S, EMPTY_STREAM).kind).toBe('search');
  });
});

describe('planAppend: new events', () => {
  it('claims every id for its place after the tip, each claim stream new', () => {
    const events = prepareEvents(S, [newEvent(), newEvent()]);
    expect(plan(events, 4, tipAt(4))).toEqual({
      kind: 'append',
      claims: [
        { eventId: events[0].id, expected: 'no_stream', stream: S, revision: 5 },
        { eventId: events[1].id, expected: 'no_stream', stream: S, revision: 6 },
      ],
    });
  });

  it('replaces a claim that points elsewhere in the stream (a lost or crashed append), expecting its revision', () => {
    const events = prepareEvents(S, [newEvent()]);
    expect(plan(events, 'any', tipAt(4), [claim(S, 2, 1)])).toEqual({
      kind: 'append',
      claims: [{ eventId: events[0].id, expected: 1, stream: S, revision: 5 }],
    });
  });

  it('keeps a claim that already points at the same place (a concurrent retry)', () => {
    const events = prepareEvents(S, [newEvent()]);
    expect(plan(events, 4, tipAt(4), [claim(S, 5)])).toEqual({ kind: 'append', claims: [] });
  });

  it('refuses a wrong expectation with the actual revision, claiming nothing', () => {
    const events = prepareEvents(S, [newEvent()]);
    for (const [expected, tip] of [
      ['no_stream', tipAt(1)],
      [0, tipAt(1)],
      [0, EMPTY_STREAM],
      ['stream_exists', EMPTY_STREAM],
    ] as const) {
      const result = plan(events, expected, tip);
      expect(result.kind).toBe('refused');
      const { error } = result as Extract<AppendPlan, { kind: 'refused' }>;
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ stream: S, expected, actual: tip.revision });
    }
  });

  it('an empty append is done at once, after the expectation is checked', () => {
    expect(plan([], 'any', tipAt(2))).toEqual({
      kind: 'done',
      result: { stream: S, events: [], nextExpectedRevision: 2, replayed: false },
    });
    expect(plan([], 'no_stream', EMPTY_STREAM)).toMatchObject({ result: { nextExpectedRevision: -1 } });
  });
});

describe('planAppend: ids already stored', () => {
  const sent = [newEvent(), newEvent()];
  const events = prepareEvents(S, sent);
  const rows = stored(events, 3);

  it('the same ids and payloads are a retry: the first result, replayed, whatever the expectation', () => {
    const retried = prepareEvents(
      S,
      sent.map((e) => ({ ...e, metadata: { ...e.metadata, commandId: randomUUID() } })),
    );
    const result = plan(retried, 'no_stream', tipAt(9), [claim(S, 3), claim(S, 4)], rows);
    expect(result).toEqual({
      kind: 'done',
      result: {
        stream: S,
        events: [
          { id: events[0].id, revision: 3, position: 2006 },
          { id: events[1].id, revision: 4, position: 2008 },
        ],
        nextExpectedRevision: 4,
        replayed: true,
      },
    });
  });

  const refusal = (result: AppendPlan): DuplicateEventIdError => {
    expect(result.kind).toBe('refused');
    const { error } = result as Extract<AppendPlan, { kind: 'refused' }>;
    expect(error).toBeInstanceOf(DuplicateEventIdError);
    return error as DuplicateEventIdError;
  };

  it('the same id with another payload is a conflict', () => {
    const changed = prepareEvents(S, [{ ...sent[0], data: { other: true } }, sent[1]]);
    const error = refusal(plan(changed, 'any', tipAt(9), [claim(S, 3), claim(S, 4)], rows));
    expect(error).toMatchObject({ eventId: events[0].id });
    expect(error.message).toContain('another payload');
  });

  it('an id bound to another stream is a conflict, stored there or only claimed', () => {
    const error = refusal(plan(prepareEvents(S, [sent[0]]), 'any', tipAt(9), [claim('case-2', 0)]));
    expect(error).toMatchObject({ eventId: events[0].id });
    expect(error.message).toContain('case-2');
  });

  it('some ids stored and others not: refused whole, naming the first stored id', () => {
    const mixed = prepareEvents(S, [newEvent(), sent[1]]);
    const error = refusal(plan(mixed, 'any', tipAt(9), [null, claim(S, 4)], rows));
    expect(error).toMatchObject({ eventId: events[1].id });
    expect(error.message).toContain('1 of the 2');
  });

  it('the ids stored in another order: refused', () => {
    const swapped = prepareEvents(S, [sent[1], sent[0]]);
    const error = refusal(plan(swapped, 'any', tipAt(9), [claim(S, 4), claim(S, 3)], rows));
    expect(error.message).toContain('order');
  });
});

describe('confirmAppend', () => {
  const events = prepareEvents(S, [newEvent(), newEvent()]);
  const chained = chainEvents(S, events, tipAt(1), '2025-05-20T02:30:01.000Z');
  const readBack = (hashes: string[]): StoredEvent[] =>
    stored(events, 2).map((row, i) => ({ ...row, event: { ...row.event, hash: hashes[i] } }));

  it('gives the result when the events read back are the ones written', () => {
    expect(confirmAppend(S, chained, readBack(chained.map((c) => c.hash)))).toEqual({
      stream: S,
      events: [
        { id: events[0].id, revision: 2, position: 2004 },
        { id: events[1].id, revision: 3, position: 2006 },
      ],
      nextExpectedRevision: 3,
      replayed: false,
    });
  });

  it('gives null when another append of the same ids is what the server kept', () => {
    expect(confirmAppend(S, chained, readBack(['other', 'hashes']))).toBeNull();
    expect(confirmAppend(S, chained, readBack(chained.map((c) => c.hash)).slice(0, 1))).toBeNull();
  });
});

describe('claim events', () => {
  it('carry the stream and revision, and read back as the claim with its own revision', () => {
    const write = { eventId: randomUUID(), expected: 'no_stream' as const, stream: S, revision: 5 };
    const payload = toClaimEvent(write, 'c1a1c1a1-0000-4000-8000-000000000000');
    expect(payload).toMatchObject({ type: CLAIM_EVENT_TYPE, data: { stream: S, revision: 5 } });
    const raw: ClientStoredEvent = {
      streamId: `ledger-event-id-${write.eventId}`,
      id: payload.id,
      revision: 2n,
      type: payload.type,
      isJson: true,
      data: JSON.parse(JSON.stringify(payload.data)) as unknown,
      metadata: undefined,
    };
    expect(fromClaimEvent(raw)).toEqual({ claimRevision: 2, stream: S, revision: 5 });
    expect(() => fromClaimEvent({ ...raw, data: { stream: S } })).toThrow(NotALedgerEventError);
    expect(() => fromClaimEvent({ ...raw, type: 'Other' })).toThrow(NotALedgerEventError);
  });
});
