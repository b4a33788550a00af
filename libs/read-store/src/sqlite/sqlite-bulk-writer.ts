// The bulk loads of a rebuild, written by a thread of their own with its own connection to the read store
// file: sqlite's work of a chunk (the upserts into every index, the commit) then runs on one core while this
// thread goes on reducing the next events of the other projections on the other. The documents come already
// serialized (strings copy cheaply between threads; objects would be cloned at the cost of a JSON.stringify).
// The thread starts with the first load and ends after a while without any (or when the store closes).
import { Worker } from 'node:worker_threads';
import {
  CheckpointConflictError,
  GenerationNotFoundError,
  ReadStoreArgumentError,
  ReadStoreUnavailableError,
} from '../read-store.errors';
import { BULK_WORKER_SOURCE } from './sqlite-bulk-worker-source';
import { toReadStoreError } from './sqlite-errors';
import { BULK_LOAD_SQL } from './sqlite-statements';

export interface BulkWriterSettings {
  path: string;
  busyTimeoutMs: number;
  cacheKib: number;
  /** The thread ends after this long without a load. */
  idleMs: number;
}

/** One chunk of a rebuild, as the thread takes it: documents serialized, null to delete. */
export interface BulkJob {
  projection: string;
  generation: number;
  expectedCheckpoint: number;
  checkpoint: number;
  collections: string[];
  ids: string[];
  docs: (string | null)[];
}

type Refusal =
  | { kind: 'not-found' }
  | { kind: 'not-building'; state: string }
  | { kind: 'conflict'; actual: number }
  | { kind: 'owner'; index: number; collection: string; owner: string | null };

type Reply = { id: number; ok: true } | { id: number; ok: false; refusal?: Refusal; code?: string; message: string };

/** What an answer needs of its job: not the documents, which may then be collected at once. */
type JobHead = Pick<BulkJob, 'projection' | 'generation' | 'expectedCheckpoint'>;

interface Pending {
  job: JobHead;
  resolve(): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  /** Loads sent and not answered yet, by id. */
  pending: Map<number, Pending>;
  exited: Promise<void>;
}

export class SqliteBulkWriter {
  private thread: Thread | undefined;
  /** Threads asked to end and not yet gone. */
  private readonly ending = new Set<Promise<void>>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly settings: BulkWriterSettings) {}

  /** Resolves once the chunk is committed; rejects with the typed error the store's own write would throw. */
  load(job: BulkJob): Promise<void> {
    const thread = this.thread ?? this.spawn();
    clearTimeout(this.idleTimer);
    if (thread.pending.size === 0) thread.worker.ref();
    const id = this.nextId++;
    const { projection, generation, expectedCheckpoint } = job;
    return new Promise<void>((resolve, reject) => {
      thread.pending.set(id, { job: { projection, generation, expectedCheckpoint }, resolve, reject });
      thread.worker.postMessage({ kind: 'load', id, ...job });
    });
  }

  /** Ends the thread once the loads sent are done (their promises settle first). */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    this.end();
    await Promise.all(this.ending);
  }

  private end(): void {
    const thread = this.thread;
    if (!thread) return;
    this.thread = undefined;
    thread.worker.ref();
    thread.worker.postMessage({ kind: 'close' });
    this.ending.add(thread.exited);
    void thread.exited.then(() => this.ending.delete(thread.exited));
  }

  private spawn(): Thread {
    const { path, busyTimeoutMs, cacheKib } = this.settings;
    const worker = new Worker(BULK_WORKER_SOURCE, {
      eval: true,
      workerData: {
        driver: require.resolve('better-sqlite3'),
        path,
        busyTimeoutMs,
        cacheKib,
        sql: BULK_LOAD_SQL,
      },
      stdout: false,
      stderr: false,
    });
    const pending = new Map<number, Pending>();
    let failure: Error | undefined;
    worker.on('message', (reply: Reply) => this.receive(thread, reply));
    worker.on('error', (error) => (failure = error));
    const exited = new Promise<void>((resolve) =>
      worker.once('exit', (code) => {
        if (this.thread === thread) this.thread = undefined;
        const reason = failure ? `: ${failure.message}` : ` with code ${code}`;
        const error = new ReadStoreUnavailableError(`the read store's bulk writer stopped${reason}`, failure);
        for (const { reject } of pending.values()) reject(error);
        pending.clear();
        resolve();
      }),
    );
    const thread: Thread = { worker, pending, exited };
    this.thread = thread;
    return thread;
  }

  private receive(thread: Thread, reply: Reply): void {
    const pending = thread.pending.get(reply.id);
    if (!pending) return;
    thread.pending.delete(reply.id);
    if (thread.pending.size === 0) this.idle(thread);
    if (reply.ok) pending.resolve();
    else pending.reject(toTypedError(reply, pending.job));
  }

  /** Lets the process exit while the thread waits for work, and ends the thread if none comes. */
  private idle(thread: Thread): void {
    if (this.thread !== thread) return;
    thread.worker.unref();
    this.idleTimer = setTimeout(() => {
      if (this.thread === thread && thread.pending.size === 0) this.end();
    }, this.settings.idleMs);
    this.idleTimer.unref();
  }
}

/** The error SqliteReadStore.applyCommit throws for the same refusal, or the driver's error mapped as there. */
function toTypedError(reply: Extract<Reply, { ok: false }>, job: JobHead): Error {
  const { refusal } = reply;
  switch (refusal?.kind) {
    case 'not-found':
      return new GenerationNotFoundError(job.projection, job.generation);
    case 'not-building':
      return new ReadStoreArgumentError('generation', `${job.generation} is ${refusal.state}, not being rebuilt`);
    case 'conflict':
      return new CheckpointConflictError(job.projection, job.generation, job.expectedCheckpoint, refusal.actual);
    case 'owner':
      return new ReadStoreArgumentError(
        `writes[${refusal.index}].collection`,
        `${refusal.collection} is written by projection ${String(refusal.owner ?? undefined)}`,
      );
    default:
      return toReadStoreError(Object.assign(new Error(reply.message), { code: reply.code }), 'bulkLoad');
  }
}
