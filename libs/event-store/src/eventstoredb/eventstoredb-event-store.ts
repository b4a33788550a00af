// The production EventStore: EventStoreDB through @eventstore/db-client (gRPC).
//
// - Streams live under a namespace (`<namespace>.<stream>`); reads and subscriptions see only those.
// - The hash chain is computed here at append, exactly as the sqlite store does, and travels in the events'
//   metadata (esdb-envelope.ts), so verifyEventStore works unchanged (with checkPositionGaps: false).
// - Positions are twice the $all commit position: increasing, never contiguous (esdb-position.ts).
// - Idempotency by event id and getEvent(id) rest on one claim stream per event id (esdb-idempotency.ts).
// - Every call to the server runs under our own deadline (timeoutMs) and fails as StoreUnavailableError.
import { EventStoreDBClient } from '@eventstore/db-client';
import type { NewEvent, RecordedEvent } from '@ledger/domain';
import { StoreUnavailableError, StreamNotFoundError } from '../event-store.errors';
import type {
  AppendBatchItem,
  AppendBatchOutcome,
  AppendResult,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  SubscribeOptions,
} from '../event-store.port';
import {
  checkExpectedRevision,
  checkPosition,
  checkPositions,
  checkReadAllOptions,
  checkStream,
  EventStoreArgumentError,
  prepareEvents,
} from '../event-store.validation';
import { appendEvents, type AppendContext } from './esdb-append';
import { EsdbClientIo, type AllStreamEvent } from './esdb-client-io';
import { fromClientEvent, type ClientStoredEvent } from './esdb-envelope';
import { fromClaimEvent } from './esdb-idempotency';
import { resolveOptions, type EventStoreDbOptions, type ResolvedEventStoreDbOptions } from './esdb-options';
import { readFrom, toLogPosition, toPortPosition, type LogPosition } from './esdb-position';
import { StreamNames, isLowercaseUuid } from './esdb-stream-names';
import { subscribeFrom, type SubscriptionContext } from './esdb-subscription';

export class EventStoreDbEventStore implements EventStore {
  readonly namespace: string;
  private readonly options: ResolvedEventStoreDbOptions;
  private readonly io: EsdbClientIo;
  private readonly names: StreamNames;
  private readonly appendContext: AppendContext;
  private readonly subscriptionContext: SubscriptionContext;
  /** Aborted by close(): ends every subscription. */
  private readonly closing = new AbortController();
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  /** Takes ownership of `client`: close() disposes it. Prefer openEventStoreDb(url). */
  constructor(client: EventStoreDBClient, options: EventStoreDbOptions = {}) {
    this.options = resolveOptions(options);
    this.namespace = this.options.namespace;
    this.names = new StreamNames(this.namespace);
    this.io = new EsdbClientIo(client, this.options.timeoutMs);
    this.appendContext = {
      io: this.io,
      names: this.names,
      clock: this.options.clock,
      maxAttempts: this.options.maxAppendAttempts,
    };
    this.subscriptionContext = {
      io: this.io,
      dataPrefix: this.names.dataPrefix,
      toLedgerEvent: (raw) => this.toLedgerEvent(raw),
      reconnectInitialDelayMs: this.options.reconnectInitialDelayMs,
      reconnectMaxDelayMs: this.options.reconnectMaxDelayMs,
    };
  }

  append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.track('append', async () => {
      checkStream(stream);
      const request = {
        stream,
        expected: checkExpectedRevision(expected),
        events: prepareEvents(stream, events),
      };
      request.events.forEach(({ id }, i) => {
        if (!isLowercaseUuid(id)) {
          throw new EventStoreArgumentError(`events[${i}].id`, `must be a lowercase UUID, got ${id}`);
        }
      });
      return appendEvents(this.appendContext, request);
    });
  }

  /**
   * The items appended one after the other, each as append() (EventStoreDB has no transaction across
   * streams): an item refused by its checks fails alone; a server that does not answer fails the batch.
   */
  async appendBatch(items: readonly AppendBatchItem[]): Promise<AppendBatchOutcome[]> {
    const outcomes: AppendBatchOutcome[] = [];
    for (const item of items) {
      try {
        outcomes.push({ ok: true, result: await this.append(item.stream, item.events, item.expected) });
      } catch (error) {
        if (error instanceof StoreUnavailableError) throw error;
        outcomes.push({ ok: false, error: error as Error });
      }
    }
    return outcomes;
  }

  readStream(stream: string): Promise<RecordedEvent[]> {
    return this.track('readStream', async () => {
      checkStream(stream);
      const raw = await this.io.readStream(this.names.data(stream), {}, 'readStream');
      const events = (raw ?? []).filter((e) => !isSystemType(e.type)).map((e) => this.fromServer(e));
      if (events.length === 0) throw new StreamNotFoundError(stream);
      return events;
    });
  }

  /**
   * The namespace's events from a position, in $all order. $all is read whole and filtered here (the client's
   * readAll has no server-side filter), so reading an empty or sparse namespace on a busy server reads past
   * every other event of the server.
   */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.track('readAll', async () => {
      const { fromPosition, maxCount } = checkReadAllOptions(options);
      const start = readFrom(fromPosition);
      let from: 'start' | LogPosition = start.kind === 'start' ? 'start' : start.at;
      let minPosition = start.kind === 'start' ? 0 : start.minPosition;
      const pageSize = this.options.readPageSize;
      const found: RecordedEvent[] = [];
      for (;;) {
        const page = await this.io.readAll(from, pageSize, 'forwards', 'readAll');
        for (const raw of page) {
          const position = toPortPosition(raw.position.commit);
          // Each page starts with the last event of the page before: skip what was already considered.
          if (position < minPosition) continue;
          minPosition = position + 1;
          const event = this.toLedgerEvent(raw);
          if (!event) continue;
          found.push(event);
          if (found.length === maxCount) return found;
        }
        if (page.length < pageSize) return found;
        from = page[page.length - 1].position;
      }
    });
  }

  getEvent(id: string): Promise<RecordedEvent | null> {
    return this.track('getEvent', async () => {
      if (typeof id !== 'string') throw new EventStoreArgumentError('id', 'must be a string');
      if (!isLowercaseUuid(id)) return null;
      const claims = await this.io.readStream(
        this.names.claims(id),
        { direction: 'backwards', maxCount: 1 },
        'getEvent (claim)',
      );
      if (!claims || claims.length === 0) return null;
      const claim = fromClaimEvent(claims[0]);
      const stream = this.names.data(claim.stream);
      const at = await this.io.readStream(stream, { fromRevision: claim.revision, maxCount: 1 }, 'getEvent');
      if (at && at.length > 0 && at[0].id === id) return this.fromServer(at[0]);
      // A claim that does not point at its event: usually an append that failed (nothing stored), rarely one
      // overtaken by a concurrent append of the same id. The stream (one aggregate) is short: look.
      const all = await this.io.readStream(stream, {}, 'getEvent (id search)');
      const found = (all ?? []).find((e) => e.id === id);
      return found ? this.fromServer(found) : null;
    });
  }

  /**
   * Each event read where it stands in $all: one read of one record per position (an even port position is
   * the exact start of its record). A position that is not one of this namespace's events is left out.
   */
  readByPositions(positions: readonly number[]): Promise<RecordedEvent[]> {
    return this.track('readByPositions', async () => {
      checkPositions(positions);
      const found = await Promise.all(
        [...new Set(positions)].map(async (position) => {
          if (position % 2 !== 0) return null;
          const page = await this.io.readAll(toLogPosition(position), 1, 'forwards', 'readByPositions');
          const raw = page[0];
          if (!raw || toPortPosition(raw.position.commit) !== position) return null;
          return this.toLedgerEvent(raw);
        }),
      );
      const byPosition = new Map<number, RecordedEvent>();
      for (const event of found) if (event) byPosition.set(event.position, event);
      return positions.flatMap((position) => byPosition.get(position) ?? []);
    });
  }

  /** Position of the namespace's newest event, found by reading $all backwards from its end. */
  headPosition(): Promise<number> {
    return this.track('headPosition', async () => {
      const pageSize = this.options.readPageSize;
      let from: 'end' | LogPosition = 'end';
      for (;;) {
        const page = await this.io.readAll(from, pageSize, 'backwards', 'headPosition');
        for (const raw of page) {
          const event = this.toLedgerEvent(raw);
          if (event) return event.position;
        }
        if (page.length < pageSize) return 0;
        from = page[page.length - 1].position;
      }
    });
  }

  subscribe(options: SubscribeOptions): AsyncIterable<RecordedEvent> {
    return this.subscription(options);
  }

  /** Waits for the calls under way, ends subscriptions, disposes the client. Later calls throw StoreUnavailableError. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closing.abort();
    await Promise.allSettled([...this.inFlight]);
    await this.io.dispose();
  }

  private async *subscription({ fromPosition, signal }: SubscribeOptions): AsyncGenerator<RecordedEvent> {
    this.assertOpen('subscribe');
    const start = readFrom(checkPosition(fromPosition, 'fromPosition'));
    const stop = new AbortController();
    const abort = (): void => stop.abort();
    if (signal?.aborted || this.closing.signal.aborted) return;
    signal?.addEventListener('abort', abort, { once: true });
    this.closing.signal.addEventListener('abort', abort, { once: true });
    try {
      yield* subscribeFrom(this.subscriptionContext, start, stop.signal);
    } finally {
      signal?.removeEventListener('abort', abort);
      this.closing.signal.removeEventListener('abort', abort);
    }
  }

  /** A raw $all event as a ledger event of this namespace, or null for anything else on the server. */
  private toLedgerEvent(raw: AllStreamEvent): RecordedEvent | null {
    if (this.names.portStream(raw.streamId) === null || isSystemType(raw.type)) return null;
    return this.fromServer(raw);
  }

  private fromServer(raw: ClientStoredEvent): RecordedEvent {
    return fromClientEvent(this.names, raw).event;
  }

  /** Runs one port call: refused once closed, and awaited by close(). */
  private track<T>(action: string, run: () => Promise<T>): Promise<T> {
    let work: Promise<T>;
    try {
      this.assertOpen(action);
      work = run();
    } catch (error) {
      return Promise.reject(error);
    }
    this.inFlight.add(work);
    const forget = (): void => {
      this.inFlight.delete(work);
    };
    work.then(forget, forget);
    return work;
  }

  private assertOpen(action: string): void {
    if (this.closed) {
      throw new StoreUnavailableError(
        `EventStoreDB event store (namespace ${this.namespace}) is closed (${action})`,
      );
    }
  }
}

/** `$`-prefixed types are EventStoreDB's own (stream deleted, metadata, links), never ledger events. */
function isSystemType(type: string): boolean {
  return type.startsWith('$');
}

/**
 * Opens the EventStoreDB event store at `url`, an EventStoreDB connection string such as
 * `esdb://localhost:2113?tls=false` (credentials, TLS and cluster settings go in it). Nothing is sent to the
 * server until the first call; a server that cannot be reached makes that call fail with StoreUnavailableError.
 */
export function openEventStoreDb(url: string, options?: EventStoreDbOptions): EventStoreDbEventStore {
  let client: EventStoreDBClient;
  try {
    client = EventStoreDBClient.connectionString(url);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EventStoreArgumentError(
      'url',
      `is not an EventStoreDB connection string (${redactCredentials(url)}): ${redactCredentials(reason)}`,
    );
  }
  return new EventStoreDbEventStore(client, options);
}

/** Hides the password of `esdb://user:password@host` in a message. */
export function redactCredentials(text: string): string {
  return text.replace(/(\/\/[^:/@\s]+):[^@/\s]*@/g, '$1:***@');
}
