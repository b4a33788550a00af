// One projection's life in the runner: attach to its active generation, follow the event store from the
// checkpoint in batches, rebuild into a new generation when asked (or when its version changed), retry
// store errors with a growing delay, and stop for good on an error of its own code.
import type { RecordedEvent } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import {
  ReadStoreArgumentError,
  type DocumentRef,
  type DocumentWrite,
  type GenerationId,
  type ReadStoreWriter,
} from '@ledger/read-store';
import { applyBatch } from './apply-batch';
import { eventBatches } from './event-batches';
import { GenerationBuffer } from './generation-buffer';
import { isBatchProjection, type AnyProjection, type AppliedBatch } from './projection';
import type { SharedPages } from './shared-pages';
import {
  ProjectionFailedError,
  RebuildAbortedError,
  RebuildInProgressError,
} from './projection-runner.errors';
import type {
  ProjectionErrorInfo,
  ProjectionState,
  RebuildOptions,
  RebuildProgress,
} from './projection-status';

export interface ProjectionRunnerLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface LaneSettings {
  eventStore: EventStore;
  readStore: ReadStoreWriter;
  batchSize: number;
  maxBatchWaitMs: number;
  rebuildBatchSize: number;
  rebuildCacheDocs: number;
  retryInitialMs: number;
  retryMaxMs: number;
  upcast?: (event: RecordedEvent) => RecordedEvent;
  clock: () => Date;
  logger: ProjectionRunnerLogger;
  /** Called whenever a checkpoint or a state changes (waitFor listens). */
  changed(): void;
  /** While a bulk write holds the live lanes (ProjectionRunner.hold): resolves when it lets go. */
  whenFree(): Promise<void> | undefined;
}

/** An error of the projection's own code (or a document it made that cannot be stored): retrying cannot help. */
export class LaneFailure extends Error {
  constructor(
    readonly info: Omit<ProjectionErrorInfo, 'at'>,
    override readonly cause?: unknown,
  ) {
    super(info.message);
    this.name = 'LaneFailure';
  }
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class ProjectionLane {
  state: ProjectionState = 'stopped';
  /** Checkpoint of the generation readers see; undefined until attached. */
  checkpoint: number | undefined;
  generation: GenerationId | undefined;
  rebuilding: { generation: GenerationId; checkpoint: number } | undefined;
  lastError: ProjectionErrorInfo | undefined;
  private needsRebuild = false;
  private rebuildRequested = false;
  private activity: Promise<void> | undefined;
  private controller: AbortController | undefined;
  private retryDelayMs: number;

  constructor(
    readonly projection: AnyProjection,
    private readonly settings: LaneSettings,
  ) {
    this.retryDelayMs = settings.retryInitialMs;
  }

  get name(): string {
    return this.projection.name;
  }

  start(): void {
    if (this.activity) return;
    this.launch((signal) => this.run(signal));
  }

  /** Stops following (or rebuilding) after the batch in hand is committed. */
  async stop(): Promise<void> {
    this.controller?.abort();
    await this.activity;
  }

  /**
   * Replays from position 0 into a new generation and switches readers over to it; with `follow`, goes on
   * live from the rebuilt checkpoint afterwards. Resolves when the switch-over is done.
   */
  async rebuild(options: RebuildOptions, follow: boolean, pages?: SharedPages): Promise<RebuildProgress> {
    if (this.rebuildRequested || this.state === 'rebuilding') {
      pages?.leave(this.name);
      throw new RebuildInProgressError(this.name);
    }
    this.rebuildRequested = true;
    try {
      await this.stop();
    } finally {
      this.rebuildRequested = false;
    }
    return new Promise<RebuildProgress>((resolve, reject) => {
      this.launch(async (signal) => {
        try {
          await this.attach();
          resolve(await this.rebuildGeneration(signal, options, pages));
        } catch (error) {
          pages?.leave(this.name);
          if (error instanceof LaneFailure) {
            reject(new ProjectionFailedError(this.name, error.message, error.info.position));
            return this.fail(error);
          }
          reject(error);
          if (signal.aborted) return;
          this.recordError(error);
        }
        if (follow) await this.run(signal);
      });
    });
  }

  /** Makes sure the projection's indexes and first generation exist (before several rebuild together). */
  async prepare(): Promise<void> {
    await this.attach();
  }

  private launch(work: (signal: AbortSignal) => Promise<void>): void {
    const controller = new AbortController();
    this.controller = controller;
    this.activity = work(controller.signal)
      .catch((error: unknown) => {
        this.settings.logger.error(`projection ${this.name}: unexpected error: ${errorMessage(error)}`);
      })
      .finally(() => {
        this.activity = undefined;
        this.controller = undefined;
        if (this.state !== 'failed') this.setState('stopped');
      });
  }

  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await this.attach();
        if (this.needsRebuild) {
          this.settings.logger.log(
            `projection ${this.name}: version ${this.projection.version} is new, rebuilding`,
          );
          await this.rebuildGeneration(signal, {});
        }
        await this.follow(signal);
      } catch (error) {
        if (error instanceof LaneFailure) return this.fail(error);
        if (signal.aborted) return;
        this.recordError(error);
        // Re-read generation and checkpoint from the store: that is where a retry resumes, as after a crash.
        this.generation = undefined;
        await sleep(this.retryDelayMs, signal);
        this.retryDelayMs = Math.min(this.retryDelayMs * 2, this.settings.retryMaxMs);
      }
    }
  }

  /** Learns the active generation and its checkpoint; creates the first generation of a new projection. */
  private async attach(): Promise<void> {
    if (this.generation !== undefined) return;
    const { readStore } = this.settings;
    const { name, version, indexes } = this.projection;
    await this.definitionStep(async () => {
      for (const [collection, fields] of Object.entries(indexes ?? {})) {
        await readStore.ensureIndexes(collection, fields);
      }
    });
    const active = await readStore.activeGeneration(name);
    if (active) {
      this.generation = active.generation;
      this.checkpoint = active.checkpoint;
      this.needsRebuild = active.version !== version;
    } else {
      // Nothing to hide from readers yet: the first generation is active from the start and fills as it catches up.
      const generation = await readStore.beginRebuild(name, version);
      await readStore.switchOver(name, generation);
      this.generation = generation;
      this.checkpoint = 0;
      this.needsRebuild = false;
    }
    this.settings.changed();
  }

  private async follow(signal: AbortSignal): Promise<void> {
    const generation = this.generation as GenerationId;
    const head = await this.settings.eventStore.headPosition();
    this.setState((this.checkpoint ?? 0) >= head ? 'live' : 'catching_up');
    const subscription = new AbortController();
    const abort = (): void => subscription.abort();
    signal.addEventListener('abort', abort, { once: true });
    // A stop during the await above aborted before the listener was there: it would never fire, and the live
    // subscription would keep the lane (and stop()) waiting for good.
    if (signal.aborted) subscription.abort();
    try {
      const events = this.settings.eventStore.subscribe({
        fromPosition: (this.checkpoint ?? 0) + 1,
        signal: subscription.signal,
      });
      const batches = eventBatches(events, {
        maxEvents: this.settings.batchSize,
        maxWaitMs: this.settings.maxBatchWaitMs,
      });
      for await (const batch of batches) {
        await this.settings.whenFree();
        const applied = await this.applyAndCommit(generation, batch, this.checkpoint ?? 0);
        this.checkpoint = applied.checkpoint;
        this.settings.changed();
        throwIfFailed(applied);
        this.retryDelayMs = this.settings.retryInitialMs;
        if (this.state === 'catching_up' && applied.checkpoint >= head) this.setState('live');
      }
    } finally {
      signal.removeEventListener('abort', abort);
      subscription.abort();
    }
  }

  private async rebuildGeneration(
    signal: AbortSignal,
    options: RebuildOptions,
    pages?: SharedPages,
  ): Promise<RebuildProgress> {
    const { eventStore, readStore, rebuildBatchSize, rebuildCacheDocs } = this.settings;
    const read = (fromPosition: number): Promise<RecordedEvent[]> =>
      pages
        ? pages.take(this.name, fromPosition, rebuildBatchSize)
        : eventStore.readAll({ fromPosition, maxCount: rebuildBatchSize });
    const { name, version } = this.projection;
    this.setState('rebuilding');
    const started = Date.now();
    const targetPosition = await eventStore.headPosition();
    const generation = await readStore.beginRebuild(name, version);
    this.rebuilding = { generation, checkpoint: 0 };
    let checkpoint = 0;
    let eventsDone = 0;
    const progress = (): RebuildProgress => {
      const elapsedMs = Date.now() - started;
      return {
        projection: name,
        generation,
        eventsDone,
        position: checkpoint,
        targetPosition,
        elapsedMs,
        eventsPerSecond: elapsedMs > 0 ? Math.round((eventsDone * 1000) / elapsedMs) : eventsDone,
      };
    };
    // A bulk load: each page of events is reduced against documents kept in memory from page to page (a
    // document is read from the store at most once while it stays there, and not at all when it was never
    // written), and what the page changed is written in one large commit (GenerationBuffer).
    const buffer = new GenerationBuffer(readStore, generation, { keepDocs: rebuildCacheDocs });
    try {
      while (checkpoint < targetPosition) {
        if (signal.aborted) throw new RebuildAbortedError(name);
        const events = await read(checkpoint + 1);
        if (events.length === 0) break;
        const applied = await this.apply(events, checkpoint, (refs) => buffer.load(refs));
        throwIfFailed(applied);
        buffer.put(applied.writes);
        const from = checkpoint;
        await buffer.flush((writes) =>
          this.commitWrites(generation, from, applied.checkpoint, writes, 'bulk'),
        );
        checkpoint = applied.checkpoint;
        eventsDone += applied.applied;
        this.rebuilding = { generation, checkpoint };
        await options.onProgress?.(progress());
      }
      pages?.leave(name);
      await readStore.switchOver(name, generation);
    } catch (error) {
      pages?.leave(name);
      this.rebuilding = undefined;
      // Best effort: a generation left behind is dropped by the next rebuild anyway.
      await readStore.discardRebuild(name, generation).catch(() => undefined);
      throw error;
    }
    this.rebuilding = undefined;
    this.generation = generation;
    this.checkpoint = checkpoint;
    this.needsRebuild = false;
    this.settings.changed();
    const done = progress();
    this.settings.logger.log(
      `projection ${name}: rebuilt ${done.eventsDone} events in ${done.elapsedMs} ms (${done.eventsPerSecond}/s)`,
    );
    return done;
  }

  /**
   * One batch: apply in memory, then commit documents and checkpoint together. When the projection threw,
   * what is committed are the events before the one it threw on; the caller records it, then fails.
   */
  private async applyAndCommit(
    generation: GenerationId,
    events: readonly RecordedEvent[],
    checkpoint: number,
  ): Promise<AppliedBatch> {
    const { readStore } = this.settings;
    const applied = await this.apply(events, checkpoint, (refs) => readStore.loadDocuments(generation, refs));
    if (applied.checkpoint > checkpoint) {
      await this.commitWrites(generation, checkpoint, applied.checkpoint, applied.writes);
    }
    return applied;
  }

  /** Applies events in memory to documents read through `load`; nothing is written. */
  private apply(
    events: readonly RecordedEvent[],
    checkpoint: number,
    load: (refs: readonly DocumentRef[]) => Promise<Array<object | null>>,
  ): Promise<AppliedBatch> {
    const { upcast } = this.settings;
    return isBatchProjection(this.projection)
      ? this.projection.applyBatch(events, { checkpoint, load })
      : applyBatch(this.projection, events, { checkpoint, load, ...(upcast ? { upcast } : {}) });
  }

  /**
   * Commits documents and checkpoint together (`bulk`: a chunk of a generation being rebuilt, see
   * ReadStoreWriter.bulkLoad); a document the store refuses is the projection's fault.
   */
  private commitWrites(
    generation: GenerationId,
    expectedCheckpoint: number,
    checkpoint: number,
    writes: DocumentWrite[],
    mode: 'commit' | 'bulk' = 'commit',
  ): Promise<void> {
    const { readStore } = this.settings;
    const batch = { projection: this.name, generation, expectedCheckpoint, checkpoint, writes };
    return this.definitionStep(
      () => (mode === 'bulk' ? readStore.bulkLoad(batch) : readStore.commit(batch)),
      `events ${expectedCheckpoint + 1}..${checkpoint}`,
    );
  }

  /** Runs a store call whose argument errors are the projection's fault (its indexes, its documents). */
  private async definitionStep<T>(step: () => Promise<T>, what?: string): Promise<T> {
    try {
      return await step();
    } catch (error) {
      if (error instanceof ReadStoreArgumentError) {
        throw new LaneFailure({ message: `${what ? `${what}: ` : ''}${error.message}` }, error);
      }
      throw error;
    }
  }

  private fail(failure: LaneFailure): void {
    this.lastError = { ...failure.info, at: this.settings.clock().toISOString() };
    this.setState('failed');
    const where = failure.info.position === undefined ? '' : ` at position ${failure.info.position}`;
    this.settings.logger.error(`projection ${this.name} stopped${where}: ${failure.message}`);
  }

  private recordError(error: unknown): void {
    this.lastError = { message: errorMessage(error), at: this.settings.clock().toISOString() };
    this.settings.logger.warn(
      `projection ${this.name}: ${this.lastError.message}; retrying in ${this.retryDelayMs} ms`,
    );
  }

  private setState(state: ProjectionState): void {
    this.state = state;
    this.settings.changed();
  }
}

function throwIfFailed(applied: AppliedBatch): void {
  if (!applied.failure) return;
  const { event, error } = applied.failure;
  throw new LaneFailure(
    { message: errorMessage(error), position: event.position, eventId: event.id, eventType: event.type },
    error,
  );
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
