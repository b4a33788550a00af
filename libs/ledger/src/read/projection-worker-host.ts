// Runs the projections in a worker thread of this process, so that their read-store commits (synchronous
// in better-sqlite3) never stall the thread that answers HTTP; the worker opens its own connections to the
// stores, and readers here see its commits (SQLite WAL). This is the api's side: it starts the worker, asks it
// for status and waitFor, restarts it when it dies (logged, with a growing delay; meanwhile every projection
// reports `failed`, so the api is not ready), and on stop lets it finish its batch and close its stores. While
// the worker boots, status is read from the stores (`catching_up`, with the lag readers see).
import { Worker } from 'node:worker_threads';
import type { EventStore } from '@ledger/event-store';
import {
  ProjectionRunnerStoppedError,
  type ProjectionStatus,
  type WaitForOptions,
} from '@ledger/projections';
import type { ReadStoreReader } from '@ledger/read-store';
import { fromWire, type FromWorker, type ToWorker } from './projection-worker-protocol';
import type { ProjectionsHandle } from './projections-handle';

export interface ProjectionWorkerLogger {
  log(message: string): void;
  error(message: string): void;
}

export interface ProjectionWorkerHostOptions {
  /** The worker's script (built JavaScript); it boots the runner and calls serveProjections. */
  script: string;
  projectionNames: string[];
  /** This thread's connections, for the status of a worker that is down. */
  eventStore: EventStore;
  readStore: ReadStoreReader;
  logger: ProjectionWorkerLogger;
  /** First delay before a restart; doubles up to restartMaxMs. Defaults 500 and 30000. */
  restartInitialMs?: number;
  restartMaxMs?: number;
  /** Longest a stop waits for the worker's batch and close before it is terminated. Default 15000. */
  stopTimeoutMs?: number;
  /** Longest start waits for the worker to boot. Default 60000. */
  bootTimeoutMs?: number;
}

interface Pending {
  resolve(value: ProjectionStatus[] | undefined): void;
  reject(error: Error): void;
}

/** A worker up this long before it died is restarted at once (the delay starts again from its first value). */
const STABLE_AFTER_MS = 30_000;

export class ProjectionWorkerHost implements ProjectionsHandle {
  private worker: Worker | undefined;
  /** The worker has booted and answers. */
  private booted = false;
  private startedAt = 0;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private running = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private restartDelay: number;
  private down: { message: string; at: string } | undefined;
  private exited: Promise<void> = Promise.resolve();
  private onBoot: (() => void) | undefined;

  constructor(private readonly options: ProjectionWorkerHostOptions) {
    this.restartDelay = options.restartInitialMs ?? 500;
  }

  get projectionNames(): string[] {
    return [...this.options.projectionNames];
  }

  /**
   * Starts the worker and returns once it has booted (or died trying, or after bootTimeoutMs): the api then
   * listens with its projections running, and the worker's boot does not compete with the first requests.
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const booted = new Promise<void>((resolve) => {
      this.onBoot = resolve;
      setTimeout(resolve, this.options.bootTimeoutMs ?? 60_000).unref();
    });
    this.spawn();
    await booted;
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    const worker = this.worker;
    if (worker) {
      const killer = setTimeout(() => void worker.terminate(), this.options.stopTimeoutMs ?? 15_000);
      worker.postMessage({ kind: 'stop' } satisfies ToWorker);
      await this.exited;
      clearTimeout(killer);
    }
    this.failPending(new ProjectionRunnerStoppedError('the projection worker was stopped'));
  }

  async status(): Promise<ProjectionStatus[]> {
    if (this.worker && this.booted) return (await this.request({ kind: 'status', id: 0 })) ?? [];
    return this.statusFromStores();
  }

  async waitFor(position: number, options: WaitForOptions = {}): Promise<void> {
    if (!this.worker) throw new ProjectionRunnerStoppedError(`waitFor(${position})`);
    await this.request({ kind: 'waitFor', id: 0, position, options });
  }

  private spawn(): void {
    const worker = new Worker(this.options.script, { stdout: false, stderr: false });
    this.worker = worker;
    this.booted = false;
    this.startedAt = Date.now();
    let reason = '';
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (error) => {
      reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    });
    this.exited = new Promise<void>((resolve) =>
      worker.once('exit', (code) => {
        this.worker = undefined;
        this.booted = false;
        this.onBoot?.();
        this.failPending(new ProjectionRunnerStoppedError('the projection worker exited'));
        if (this.running) this.restartAfterCrash(code, reason);
        resolve();
      }),
    );
  }

  private restartAfterCrash(code: number, reason: string): void {
    if (Date.now() - this.startedAt > STABLE_AFTER_MS)
      this.restartDelay = this.options.restartInitialMs ?? 500;
    const delay = this.restartDelay;
    this.restartDelay = Math.min(delay * 2, this.options.restartMaxMs ?? 30_000);
    const message = `the projection worker exited (code ${code})${reason ? `: ${reason}` : ''}; restarting in ${delay} ms`;
    this.down = { message, at: new Date().toISOString() };
    this.options.logger.error(message);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (this.running) this.spawn();
    }, delay);
  }

  private receive(message: FromWorker): void {
    switch (message.kind) {
      case 'ready':
        this.booted = true;
        this.onBoot?.();
        if (this.down) this.options.logger.log('the projection worker is running again');
        this.down = undefined;
        return;
      case 'reply': {
        const pending = this.pending.get(message.id);
        if (!pending) return;
        this.pending.delete(message.id);
        if (message.ok) pending.resolve(message.value);
        else pending.reject(fromWire(message.error));
        return;
      }
      case 'stopped':
        return;
    }
  }

  private request(message: Extract<ToWorker, { id: number }>): Promise<ProjectionStatus[] | undefined> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new ProjectionRunnerStoppedError(message.kind));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id } satisfies ToWorker);
    });
  }

  private failPending(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(error);
  }

  /**
   * Each projection's checkpoint as readers see it, while the worker cannot answer: `failed` while it is down
   * (until it is back after a crash), `catching_up` while it boots, `stopped` once stopped.
   */
  private async statusFromStores(): Promise<ProjectionStatus[]> {
    const state = !this.running ? 'stopped' : this.down || !this.worker ? 'failed' : 'catching_up';
    const headPosition = await this.options.eventStore.headPosition();
    return Promise.all(
      this.options.projectionNames.map(async (name): Promise<ProjectionStatus> => {
        const active = await this.options.readStore.activeGeneration(name);
        const checkpoint = active?.checkpoint ?? 0;
        return {
          name,
          version: active?.version ?? 0,
          state,
          checkpoint,
          headPosition,
          lag: Math.max(0, headPosition - checkpoint),
          ...(active ? { generation: active.generation } : {}),
          ...(this.down ? { lastError: { ...this.down } } : {}),
        };
      }),
    );
  }
}
