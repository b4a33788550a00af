// The embedded EventStore: one sqlite file (better-sqlite3), WAL, fsync on every commit, and group commit:
// appends made while the event loop is busy are written together in one transaction with one fsync.
import type Database from 'better-sqlite3';
import { resolve } from 'node:path';
import { BroadcastChannel } from 'node:worker_threads';
import { openSqliteFile } from '@ledger/store-support';
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
  inOrderAsked,
  EventStoreArgumentError,
  prepareEvents,
} from '../event-store.validation';
import { CommitSignal } from './commit-signal';
import { appendInBatch, type AppendOutcome, type AppendRequest, type BatchCursor } from './sqlite-append';
import { toEventStoreError } from './sqlite-errors';
import { configureConnection, migrate, SCHEMA_VERSION } from './sqlite-schema';
import { prepareStatements, toRecordedEvent, type Statements } from './sqlite-statements';

export interface SqliteEventStoreOptions {
  /** Source of recordedAt. Default `() => new Date()`. */
  clock?: () => Date;
  /** How long a write waits for another process holding the file's write lock. Default 5000. */
  busyTimeoutMs?: number;
  /** Most appends committed in one transaction; the rest go in the next one. Default 500. */
  maxBatchSize?: number;
  /** How often live subscriptions look for commits made by other processes. Default 250. */
  pollIntervalMs?: number;
  /** Events read per query while a subscription catches up. Default 500. */
  subscriptionPageSize?: number;
}

/** Settings of the open connection, for health checks and tests. */
export interface SqliteEventStoreDiagnostics {
  path: string;
  journalMode: string;
  /** 2 = FULL. */
  synchronous: number;
  busyTimeoutMs: number;
  schemaVersion: number;
}

interface QueuedAppend extends AppendRequest {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly statements: Statements;
  private readonly commitBatch: Database.Transaction<(batch: readonly AppendRequest[]) => AppendOutcome[]>;
  private readonly clock: () => Date;
  private readonly maxBatchSize: number;
  private readonly pollIntervalMs: number;
  private readonly pageSize: number;
  private readonly commits = new CommitSignal();
  /** The stores open on the same file in other threads of this process (the api's projection worker). */
  private readonly neighbours: BroadcastChannel | undefined;
  private queue: QueuedAppend[] = [];
  private flushScheduled = false;
  private closed = false;

  /** Opens (creating the directory, file and schema when missing) the store at `path`. */
  constructor(
    readonly path: string,
    options: SqliteEventStoreOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.maxBatchSize = options.maxBatchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.pageSize = options.subscriptionPageSize ?? 500;
    try {
      const opened = openSqliteFile(path, (db, inMemory) => {
        configureConnection(db, { busyTimeoutMs: options.busyTimeoutMs ?? 5000 }, inMemory);
        migrate(db);
        return prepareStatements(db);
      });
      this.db = opened.db;
      this.statements = opened.prepared;
      // Made once: the function that evaluates a batch of appends in one transaction.
      this.commitBatch = this.db.transaction((batch: readonly AppendRequest[]): AppendOutcome[] => {
        const cursor: BatchCursor = {
          head: this.statements.head.get()?.head ?? 0,
          recordedAt: this.clock().toISOString(),
        };
        return batch.map((request) => appendInBatch(this.statements, request, cursor));
      });
      if (path !== ':memory:') {
        // A commit here wakes the live subscriptions of the other threads at once, not at their next poll.
        this.neighbours = new BroadcastChannel(`ledger-sqlite-event-store:${resolve(path)}`);
        this.neighbours.onmessage = () => this.commits.notify();
        this.neighbours.unref();
      }
    } catch (error) {
      const mapped = toEventStoreError(error, `open ${path}`);
      throw mapped instanceof StoreUnavailableError
        ? mapped
        : new StoreUnavailableError(`cannot open event store ${path}: ${mapped.message}`, error);
    }
  }

  append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    try {
      this.assertOpen('append');
      checkStream(stream);
      const request: AppendRequest = {
        stream,
        expected: checkExpectedRevision(expected),
        events: prepareEvents(stream, events),
      };
      return new Promise((resolve, reject) => {
        this.queue.push({ ...request, resolve, reject });
        this.scheduleFlush();
      });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * One transaction for the whole batch, with one fsync: each item is checked as an append of its own (a
   * failed check leaves its stream untouched and the other items stored); an I/O error stores nothing.
   */
  async appendBatch(items: readonly AppendBatchItem[]): Promise<AppendBatchOutcome[]> {
    this.assertOpen('appendBatch');
    const outcomes: (AppendBatchOutcome | AppendRequest)[] = items.map((item) => {
      try {
        checkStream(item.stream);
        return {
          stream: item.stream,
          expected: checkExpectedRevision(item.expected),
          events: prepareEvents(item.stream, item.events),
        };
      } catch (error) {
        return { ok: false, error: error as Error };
      }
    });
    const requests = outcomes.filter((o): o is AppendRequest => !('ok' in o));
    if (requests.length === 0) return outcomes as AppendBatchOutcome[];
    // Appends queued before this batch commit first, as they would have had it come a moment later.
    while (this.queue.length > 0) this.flushBatch();
    let results: AppendOutcome[];
    try {
      results = this.commitBatch.immediate(requests);
    } catch (error) {
      throw toEventStoreError(error, `appendBatch (${requests.length} streams)`);
    }
    if (results.some((outcome) => outcome.ok && outcome.appended > 0)) {
      this.commits.notify();
      this.neighbours?.postMessage('committed');
    }
    let next = 0;
    return outcomes.map((outcome) => {
      if ('ok' in outcome) return outcome;
      const result = results[next++];
      return result.ok ? { ok: true, result: result.result } : { ok: false, error: result.error };
    });
  }

  async readStream(stream: string): Promise<RecordedEvent[]> {
    this.assertOpen('readStream');
    checkStream(stream);
    const rows = this.query('readStream', () => this.statements.byStream.all(stream));
    if (rows.length === 0) throw new StreamNotFoundError(stream);
    return rows.map(toRecordedEvent);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen('readAll');
    const { fromPosition, maxCount } = checkReadAllOptions(options);
    return this.readPage(fromPosition, maxCount);
  }

  async getEvent(id: string): Promise<RecordedEvent | null> {
    this.assertOpen('getEvent');
    if (typeof id !== 'string') throw new EventStoreArgumentError('id', 'must be a string');
    const row = this.query('getEvent', () => this.statements.byId.get(id));
    return row ? toRecordedEvent(row) : null;
  }

  async readByPositions(positions: readonly number[]): Promise<RecordedEvent[]> {
    this.assertOpen('readByPositions');
    checkPositions(positions);
    if (positions.length === 0) return [];
    const rows = this.query('readByPositions', () =>
      this.statements.byPositions.all(JSON.stringify(positions)),
    );
    return inOrderAsked(positions, rows.map(toRecordedEvent));
  }

  async headPosition(): Promise<number> {
    this.assertOpen('headPosition');
    return this.query('headPosition', () => this.statements.head.get()?.head ?? 0);
  }

  subscribe(options: SubscribeOptions): AsyncIterable<RecordedEvent> {
    return this.subscription(options);
  }

  /** Commits what is queued, ends live subscriptions, closes the file. Later calls throw StoreUnavailableError. */
  async close(): Promise<void> {
    if (this.closed) return;
    while (this.queue.length > 0) this.flushBatch();
    this.closed = true;
    this.commits.notify();
    this.neighbours?.close();
    try {
      this.db.close();
    } catch (error) {
      throw toEventStoreError(error, 'close');
    }
  }

  diagnostics(): SqliteEventStoreDiagnostics {
    this.assertOpen('diagnostics');
    return this.query('diagnostics', () => ({
      path: this.path,
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: Number(this.db.pragma('synchronous', { simple: true })),
      busyTimeoutMs: Number(this.db.pragma('busy_timeout', { simple: true })),
      schemaVersion: SCHEMA_VERSION,
    }));
  }

  private async *subscription({ fromPosition, signal }: SubscribeOptions): AsyncGenerator<RecordedEvent> {
    this.assertOpen('subscribe');
    let next = checkPosition(fromPosition, 'fromPosition');
    while (!signal?.aborted && !this.closed) {
      const seen = this.commits.current;
      const page = this.readPage(next, this.pageSize);
      for (const event of page) {
        if (signal?.aborted || this.closed) return;
        yield event;
        next = event.position + 1;
      }
      if (page.length < this.pageSize) await this.commits.wait(seen, this.pollIntervalMs, signal);
    }
  }

  private readPage(fromPosition: number, maxCount: number): RecordedEvent[] {
    return this.query('readAll', () => this.statements.fromPosition.all(fromPosition, maxCount)).map(
      toRecordedEvent,
    );
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // setImmediate runs after pending I/O callbacks: every append issued by the requests the event loop
    // is handling now joins this batch.
    setImmediate(() => {
      this.flushScheduled = false;
      if (this.closed) return;
      this.flushBatch();
      if (this.queue.length > 0) this.scheduleFlush();
    });
  }

  /** Commits up to maxBatchSize queued appends in one transaction, then settles their promises. */
  private flushBatch(): void {
    const batch = this.queue.splice(0, this.maxBatchSize);
    if (batch.length === 0) return;
    let outcomes: AppendOutcome[];
    try {
      outcomes = this.commitBatch.immediate(batch);
    } catch (error) {
      const mapped = toEventStoreError(error, `append (batch of ${batch.length})`);
      for (const request of batch) request.reject(mapped);
      return;
    }
    if (outcomes.some((outcome) => outcome.ok && outcome.appended > 0)) {
      this.commits.notify();
      this.neighbours?.postMessage('committed');
    }
    outcomes.forEach((outcome, i) =>
      outcome.ok ? batch[i].resolve(outcome.result) : batch[i].reject(outcome.error),
    );
  }

  private query<T>(action: string, run: () => T): T {
    try {
      return run();
    } catch (error) {
      throw toEventStoreError(error, action);
    }
  }

  private assertOpen(action: string): void {
    if (this.closed) throw new StoreUnavailableError(`event store ${this.path} is closed (${action})`);
  }
}

/** Opens the sqlite event store at `path` (see SqliteEventStore). */
export function openSqliteEventStore(path: string, options?: SqliteEventStoreOptions): SqliteEventStore {
  return new SqliteEventStore(path, options);
}
