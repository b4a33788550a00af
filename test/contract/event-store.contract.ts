// The EventStore contract (DESIGN.md, "Event store port" and "Guarantees"): every adapter runs this suite
// with one line, e.g. `eventStoreContract('SqliteEventStore', async () => ({ store, cleanup }))`.
import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@ledger/domain';
import {
  DuplicateEventIdError,
  EventStoreArgumentError,
  hashEvent,
  StreamNotFoundError,
  verifyEventStore,
  WrongExpectedRevisionError,
  type EventStore,
} from '@ledger/event-store';
import { aMetadata, anEvent, withTimeout } from './event-store.fixtures';

export interface EventStoreUnderTest {
  store: EventStore;
  cleanup(): Promise<void>;
}

export interface EventStoreContractOptions {
  /** The adapter numbers positions 1, 2, 3, ... with no gap (sqlite does; EventStoreDB does not). Default true. */
  contiguousPositions?: boolean;
}

export function eventStoreContract(
  name: string,
  factory: () => Promise<EventStoreUnderTest>,
  options: EventStoreContractOptions = {},
): void {
  const contiguous = options.contiguousPositions ?? true;

  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await factory());
    });

    afterEach(async () => {
      await cleanup();
    });

    const stream = (label = 'case'): string => `${label}-${randomUUID()}`;

    describe('append with an expected revision', () => {
      it('no_stream creates a stream at revision 0 and numbers its events', async () => {
        const s = stream();
        const events = [anEvent(), anEvent(), anEvent()];
        const result = await store.append(s, events, 'no_stream');
        expect(result).toMatchObject({ stream: s, nextExpectedRevision: 2, replayed: false });
        expect(result.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
        expect(result.events.map((e) => e.revision)).toEqual([0, 1, 2]);
        expectIncreasing(result.events.map((e) => e.position));
      });

      it('no_stream on an existing stream is refused with the actual revision', async () => {
        const s = stream();
        await store.append(s, [anEvent(), anEvent()], 'no_stream');
        const error = await store.append(s, [anEvent()], 'no_stream').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ stream: s, actual: 1, code: 'WRONG_EXPECTED_REVISION' });
      });

      it('any appends to a new and to an existing stream', async () => {
        const s = stream();
        expect((await store.append(s, [anEvent()], 'any')).nextExpectedRevision).toBe(0);
        expect((await store.append(s, [anEvent()], 'any')).nextExpectedRevision).toBe(1);
      });

      it('stream_exists is refused on a missing stream (actual -1) and accepted on an existing one', async () => {
        const s = stream();
        const error = await store.append(s, [anEvent()], 'stream_exists').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ stream: s, actual: -1 });
        await store.append(s, [anEvent()], 'no_stream');
        expect((await store.append(s, [anEvent()], 'stream_exists')).nextExpectedRevision).toBe(1);
      });

      it('an exact revision appends when it is the last revision', async () => {
        const s = stream();
        await store.append(s, [anEvent(), anEvent()], 'no_stream');
        const result = await store.append(s, [anEvent()], 1);
        expect(result.events[0].revision).toBe(2);
        expect(result.nextExpectedRevision).toBe(2);
      });

      it('a wrong exact revision is refused with the actual revision and appends nothing', async () => {
        const s = stream();
        await store.append(s, [anEvent(), anEvent()], 'no_stream');
        const head = await store.headPosition();
        for (const wrong of [0, 5]) {
          const error = await store.append(s, [anEvent()], wrong).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(WrongExpectedRevisionError);
          expect(error).toMatchObject({ stream: s, expected: wrong, actual: 1 });
        }
        const missing = await store.append(stream(), [anEvent()], 0).catch((e: unknown) => e);
        expect(missing).toMatchObject({ actual: -1 });
        expect(await store.headPosition()).toBe(head);
        expect(await store.readStream(s)).toHaveLength(2);
      });
    });

    describe('idempotency by event id', () => {
      it('a retry with the same ids and payloads returns the first result, replayed, and appends nothing', async () => {
        const s = stream();
        const events = [anEvent(), anEvent()];
        const first = await store.append(s, events, 'no_stream');
        const head = await store.headPosition();
        // A retried command gets new per-attempt ids: still the same facts.
        const retried = events.map((e) => ({
          ...e,
          metadata: { ...e.metadata, commandId: randomUUID(), correlationId: randomUUID() },
        }));
        const again = await store.append(s, retried, 'no_stream');
        expect(again).toEqual({ ...first, replayed: true });
        expect(await store.headPosition()).toBe(head);
        expect(await store.readStream(s)).toHaveLength(2);
      });

      it('a retry after the stream moved on still returns the first result', async () => {
        const s = stream();
        const events = [anEvent()];
        const first = await store.append(s, events, 'no_stream');
        await store.append(s, [anEvent()], 0);
        expect(await store.append(s, events, 'no_stream')).toEqual({ ...first, replayed: true });
      });

      it('the same id with another payload is refused and appends nothing', async () => {
        const s = stream();
        const event = anEvent({ data: { amount: 1 } });
        await store.append(s, [event], 'no_stream');
        const head = await store.headPosition();
        const error = await store
          .append(s, [{ ...event, data: { amount: 2 } }], 'any')
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DuplicateEventIdError);
        expect(error).toMatchObject({ eventId: event.id, code: 'DUPLICATE_EVENT_ID' });
        const otherMetadata = { ...event, metadata: { ...event.metadata, orgUnit: 'OTHER' } };
        await expect(store.append(s, [otherMetadata], 'any')).rejects.toBeInstanceOf(DuplicateEventIdError);
        expect(await store.headPosition()).toBe(head);
      });

      it('the same id in another stream is refused', async () => {
        const event = anEvent();
        await store.append(stream(), [event], 'no_stream');
        const error = await store.append(stream(), [event], 'no_stream').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DuplicateEventIdError);
        expect(error).toMatchObject({ eventId: event.id });
      });

      it('a batch where some ids are recorded and others are not is refused whole', async () => {
        const s = stream();
        const recorded = anEvent();
        await store.append(s, [recorded], 'no_stream');
        const head = await store.headPosition();
        const error = await store.append(s, [recorded, anEvent()], 'any').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DuplicateEventIdError);
        expect(error).toMatchObject({ eventId: recorded.id });
        expect(await store.headPosition()).toBe(head);
      });
    });

    describe('batch append', () => {
      it('appends to many streams at once, each as append would, with an outcome per item in order', async () => {
        const [a, b] = [stream(), stream()];
        await store.append(b, [anEvent()], 'no_stream');
        const eventsA = [anEvent(), anEvent()];
        const eventB = anEvent();
        const outcomes = await store.appendBatch([
          { stream: a, events: eventsA, expected: 'no_stream' },
          { stream: b, events: [eventB], expected: 0 },
        ]);
        expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
        const [first, second] = outcomes.map((o) => (o.ok ? o.result : null));
        expect(first).toMatchObject({ stream: a, nextExpectedRevision: 1, replayed: false });
        expect(first?.events.map((e) => [e.id, e.revision])).toEqual([
          [eventsA[0].id, 0],
          [eventsA[1].id, 1],
        ]);
        expect(second).toMatchObject({ stream: b, nextExpectedRevision: 1 });
        expectIncreasing([...(first?.events ?? []), ...(second?.events ?? [])].map((e) => e.position));
        expect((await store.readStream(a)).map((e) => e.id)).toEqual(eventsA.map((e) => e.id));
        const chain = await store.readStream(b);
        expect(chain[1].prevHash).toBe(chain[0].hash);
        for (const event of [...chain, ...(await store.readStream(a))])
          expect(hashEvent(event)).toBe(event.hash);
      });

      it('an item that fails its expected revision or its ids fails alone; the others are stored', async () => {
        const [moved, fresh, taken] = [stream(), stream(), stream()];
        await store.append(moved, [anEvent(), anEvent()], 'no_stream');
        const used = anEvent();
        await store.append(taken, [used], 'no_stream');
        const head = await store.headPosition();
        const outcomes = await store.appendBatch([
          { stream: moved, events: [anEvent()], expected: 0 },
          { stream: fresh, events: [anEvent()], expected: 'no_stream' },
          { stream: stream(), events: [{ ...used, data: { other: true } }], expected: 'no_stream' },
        ]);
        expect(outcomes[0]).toMatchObject({ ok: false });
        expect(!outcomes[0].ok && outcomes[0].error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(!outcomes[0].ok && outcomes[0].error).toMatchObject({ stream: moved, expected: 0, actual: 1 });
        expect(outcomes[1].ok).toBe(true);
        expect(!outcomes[2].ok && outcomes[2].error).toBeInstanceOf(DuplicateEventIdError);
        expect(await store.readStream(moved)).toHaveLength(2);
        expect(await store.readStream(fresh)).toHaveLength(1);
        expect(await store.headPosition()).toBeGreaterThan(head);
        const all = await store.readAll({ fromPosition: head + 1 });
        expect(all.map((e) => e.stream)).toEqual([fresh]);
      });

      it('a batch sent again is replayed item by item and appends nothing', async () => {
        const items = [
          { stream: stream(), events: [anEvent()], expected: 'no_stream' as const },
          { stream: stream(), events: [anEvent(), anEvent()], expected: 'no_stream' as const },
        ];
        const first = await store.appendBatch(items);
        const head = await store.headPosition();
        const again = await store.appendBatch(items);
        expect(again).toEqual(
          first.map((o) => (o.ok ? { ok: true, result: { ...o.result, replayed: true } } : o)),
        );
        expect(await store.headPosition()).toBe(head);
      });

      it('items on the same stream apply in the order given', async () => {
        const s = stream();
        const outcomes = await store.appendBatch([
          { stream: s, events: [anEvent()], expected: 'no_stream' },
          { stream: s, events: [anEvent()], expected: 0 },
        ]);
        expect(outcomes.map((o) => o.ok && o.result.nextExpectedRevision)).toEqual([0, 1]);
        expect(await store.readStream(s)).toHaveLength(2);
      });
    });

    describe('reading', () => {
      it('readStream returns the events in revision order with every envelope field intact', async () => {
        const s = stream('housing-case');
        const first = anEvent({
          type: 'HousingCaseOpened',
          data: {
            beneficiary: 'hmac:7f3a',
            commune: 'Xã Phước Đại',
            note: 'Hộ nghèo đồng bào Raglai, nhà tạm dột nát — ưu tiên hỗ trợ',
            amount: 60_000_000,
            ratio: 0.375,
            flags: [true, false, null],
            nested: { empty: {}, list: [] },
          },
          metadata: aMetadata({
            evidence: [
              {
                ref: 'QĐ-123/QĐ-UBND',
                sha256: 'c'.repeat(64),
                description: 'Quyết định phê duyệt danh sách',
              },
              { ref: 'bien-ban-nghiem-thu.pdf', sha256: 'd'.repeat(64) },
            ],
          }),
        });
        const second = anEvent({
          type: 'HouseCompleted',
          schemaVersion: 2,
          data: { completedOn: '2025-06-30' },
        });
        const before = Date.now();
        await store.append(s, [first, second], 'no_stream');
        const after = Date.now();

        const read = await store.readStream(s);
        expect(read.map((e) => e.revision)).toEqual([0, 1]);
        [first, second].forEach((sent, i) => {
          const got = read[i];
          expect(got).toMatchObject({
            id: sent.id,
            type: sent.type,
            schemaVersion: sent.schemaVersion,
            stream: s,
          });
          expect(got.data).toEqual(sent.data);
          expect(got.metadata).toEqual(sent.metadata);
          expect(typeof got.position).toBe('number');
          expect(new Date(got.recordedAt).toISOString()).toBe(got.recordedAt);
          const recordedAt = Date.parse(got.recordedAt);
          expect(recordedAt).toBeGreaterThanOrEqual(before - 1000);
          expect(recordedAt).toBeLessThanOrEqual(after + 1000);
          expect(got.hash).toMatch(/^[0-9a-f]{64}$/);
        });
        expect(read[1].position).toBeGreaterThan(read[0].position);
      });

      it('readStream of a stream without events throws StreamNotFoundError', async () => {
        const s = stream();
        const error = await store.readStream(s).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StreamNotFoundError);
        expect(error).toMatchObject({ stream: s, code: 'STREAM_NOT_FOUND' });
      });

      it('readAll reads in position order from a position, at most maxCount', async () => {
        expect(await store.readAll()).toEqual([]);
        const a = stream();
        const b = stream();
        await store.append(a, [anEvent(), anEvent()], 'no_stream');
        await store.append(b, [anEvent()], 'no_stream');
        await store.append(a, [anEvent(), anEvent()], 1);

        const all = await store.readAll();
        expect(all).toHaveLength(5);
        expectIncreasing(all.map((e) => e.position));
        expect(all.map((e) => e.stream)).toEqual([a, a, b, a, a]);
        if (contiguous) expect(all.map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);

        const from = await store.readAll({ fromPosition: all[2].position });
        expect(from.map((e) => e.id)).toEqual(all.slice(2).map((e) => e.id));
        const page = await store.readAll({ fromPosition: all[1].position, maxCount: 2 });
        expect(page.map((e) => e.id)).toEqual(all.slice(1, 3).map((e) => e.id));
        expect(await store.readAll({ fromPosition: all[4].position + 1 })).toEqual([]);
        expect((await store.readAll({ fromPosition: 0 })).map((e) => e.id)).toEqual(all.map((e) => e.id));
        expect(all[3]).toEqual((await store.readStream(a))[2]);
      });

      it('getEvent returns one event by id, or null', async () => {
        const s = stream();
        const event = anEvent();
        await store.append(s, [anEvent(), event], 'no_stream');
        const got = await store.getEvent(event.id);
        expect(got).toEqual((await store.readStream(s))[1]);
        expect(await store.getEvent(randomUUID())).toBeNull();
      });

      it('readByPositions reads the events at the positions asked, in the order asked, leaving out the missing', async () => {
        expect(await store.readByPositions([])).toEqual([]);
        const a = stream();
        const b = stream();
        await store.append(a, [anEvent(), anEvent()], 'no_stream');
        await store.append(b, [anEvent(), anEvent()], 'no_stream');
        const all = await store.readAll();
        const asked = [all[3].position, all[0].position, all[3].position + 1, all[2].position];
        const got = await store.readByPositions(asked);
        expect(got).toEqual([all[3], all[0], all[2]]);
        expect(got[1]).toEqual((await store.readStream(a))[0]);
        await expect(store.readByPositions([0])).rejects.toBeInstanceOf(EventStoreArgumentError);
      });

      it('headPosition is 0 when empty, then the position of the newest event', async () => {
        expect(await store.headPosition()).toBe(0);
        await store.append(stream(), [anEvent(), anEvent()], 'no_stream');
        const result = await store.append(stream(), [anEvent()], 'no_stream');
        expect(await store.headPosition()).toBe(result.events[0].position);
        if (contiguous) expect(await store.headPosition()).toBe(3);
      });
    });

    describe('hash chain', () => {
      it('links each event of a stream to the previous one, and hashEvent recomputes the stored hash', async () => {
        const s = stream();
        await store.append(s, [anEvent(), anEvent()], 'no_stream');
        await store.append(stream(), [anEvent()], 'no_stream');
        await store.append(s, [anEvent()], 1);
        const events = await store.readStream(s);
        expect(events[0].prevHash).toBeNull();
        for (let i = 1; i < events.length; i++) expect(events[i].prevHash).toBe(events[i - 1].hash);
        for (const event of events) expect(hashEvent(event)).toBe(event.hash);
        expect(new Set(events.map((e) => e.hash)).size).toBe(events.length);
      });
    });

    describe('concurrency', () => {
      it('50 concurrent appends to distinct streams all succeed with distinct positions', async () => {
        const streams = Array.from({ length: 50 }, () => stream());
        const results = await Promise.all(streams.map((s) => store.append(s, [anEvent()], 'no_stream')));
        const positions = results.map((r) => r.events[0].position).sort((x, y) => x - y);
        expect(new Set(positions).size).toBe(50);
        if (contiguous) expect(positions).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
        const all = await store.readAll({ maxCount: 100 });
        expect(all.map((e) => e.position)).toEqual(positions);
      });

      it('20 concurrent appends to one stream with the same expected revision: one wins, 19 conflict', async () => {
        const s = stream();
        await store.append(s, [anEvent()], 'no_stream');
        const attempts = await Promise.allSettled(
          Array.from({ length: 20 }, () => store.append(s, [anEvent()], 0)),
        );
        const won = attempts.filter((a) => a.status === 'fulfilled');
        const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(19);
        for (const failure of lost) {
          expect(failure.reason).toBeInstanceOf(WrongExpectedRevisionError);
          expect(failure.reason).toMatchObject({ stream: s, expected: 0, actual: 1 });
        }
        expect(await store.readStream(s)).toHaveLength(2);
      });
    });

    describe('subscribe', () => {
      it('catches up from a position, then delivers live events in order, and ends on abort', async () => {
        const s = stream();
        await store.append(s, [anEvent(), anEvent(), anEvent()], 'no_stream');
        const stored = await store.readAll();
        const controller = new AbortController();
        const received: RecordedEvent[] = [];
        let ended = false;
        const gotFive = new Promise<void>((resolve, reject) => {
          void (async () => {
            for await (const event of store.subscribe({
              fromPosition: stored[1].position,
              signal: controller.signal,
            })) {
              received.push(event);
              if (received.length === 2) {
                // Live events appended only once catch-up is under way.
                await store.append(s, [anEvent()], 2);
                await store.append(stream(), [anEvent(), anEvent()], 'no_stream');
              }
              if (received.length === 5) resolve();
            }
            ended = true;
          })().catch(reject);
        });
        await withTimeout(gotFive, 5000, 'five events');
        expect(received.slice(0, 2).map((e) => e.id)).toEqual(stored.slice(1).map((e) => e.id));
        expect(received.map((e) => e.position)).toEqual(
          (await store.readAll({ fromPosition: stored[1].position })).map((e) => e.position),
        );
        expectIncreasing(received.map((e) => e.position));
        controller.abort();
        await withTimeout(
          until(() => ended),
          5000,
          'the subscription to end',
        );
        expect(received).toHaveLength(5);
      });

      it('on an empty store waits for the first event', async () => {
        const controller = new AbortController();
        const iterator = store
          .subscribe({ fromPosition: 1, signal: controller.signal })
          [Symbol.asyncIterator]();
        const next = iterator.next();
        const result = await store.append(stream(), [anEvent()], 'no_stream');
        const first = await withTimeout(next, 5000, 'the first event');
        expect(first.done).toBe(false);
        expect((first.value as RecordedEvent).id).toBe(result.events[0].id);
        controller.abort();
        await expect(withTimeout(iterator.next(), 5000, 'the end')).resolves.toEqual({
          done: true,
          value: undefined,
        });
      });

      it('ends at once when the signal is already aborted', async () => {
        await store.append(stream(), [anEvent()], 'no_stream');
        const controller = new AbortController();
        controller.abort();
        const received: RecordedEvent[] = [];
        for await (const event of store.subscribe({ fromPosition: 1, signal: controller.signal }))
          received.push(event);
        expect(received).toEqual([]);
      });
    });

    describe('verify', () => {
      it('reports ok on a good store', async () => {
        const a = stream();
        await store.append(a, [anEvent(), anEvent()], 'no_stream');
        await Promise.all(Array.from({ length: 10 }, () => store.append(stream(), [anEvent()], 'no_stream')));
        await store.append(a, [anEvent()], 1);
        const progress: number[] = [];
        const report = await verifyEventStore(store, {
          pageSize: 4,
          checkPositionGaps: contiguous,
          onProgress: (p) => progress.push(p.eventsChecked),
        });
        expect(report).toMatchObject({
          ok: true,
          eventsChecked: 13,
          streams: 11,
          problems: [],
          firstProblem: null,
        });
        expect(report.headPosition).toBe(await store.headPosition());
        expect(progress[progress.length - 1]).toBe(13);
        expect(progress.length).toBeGreaterThanOrEqual(4);
      });

      it('reports ok on an empty store', async () => {
        expect(await verifyEventStore(store)).toMatchObject({
          ok: true,
          eventsChecked: 0,
          streams: 0,
          headPosition: 0,
        });
      });
    });
  });
}

function expectIncreasing(values: number[]): void {
  for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]);
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
