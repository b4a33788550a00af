// Runs a set of projections from an EventStore into a ReadStore (DESIGN.md, "Read side"). A plain class:
// the app wraps it in a Nest provider (start on module init, stop on shutdown). Each projection has its own
// lane, so that one failing or rebuilding projection never holds up the others.
import type { RecordedEvent } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import type { ReadStoreWriter } from '@ledger/read-store';
import type { AnyProjection } from './projection';
import { ProjectionLane, type ProjectionRunnerLogger } from './projection-lane';
import { SharedPages } from './shared-pages';
import {
  ProjectionDefinitionError,
  ProjectionFailedError,
  ProjectionRunnerStoppedError,
  UnknownProjectionError,
  WaitForTimeoutError,
} from './projection-runner.errors';
import type { ProjectionStatus, RebuildOptions, RebuildProgress } from './projection-status';

export interface ProjectionRunnerOptions {
  eventStore: EventStore;
  readStore: ReadStoreWriter;
  /** Reducer projections, and batch projections (see BatchProjection) such as the Merkle tree. */
  projections: readonly AnyProjection[];
  /** Most events applied and committed together while following. Default 500. */
  batchSize?: number;
  /** Longest a batch keeps collecting events that keep arriving. Default 50. */
  maxBatchWaitMs?: number;
  /** Events read and committed together during a rebuild. Default 5000. */
  rebuildBatchSize?: number;
  /**
   * During a rebuild, documents of each projection kept in memory from one page of events to the next (the
   * most recently touched), so that those many events touch are not read back from the store. Default 10000.
   */
  rebuildCacheDocs?: number;
  /** First delay before retrying after a store error; doubles up to retryMaxMs. Defaults 100 and 5000. */
  retryInitialMs?: number;
  retryMaxMs?: number;
  /** Brings stored events to today's schema before projections see them (the domain's upcasters). */
  upcast?: (event: RecordedEvent) => RecordedEvent;
  /** Clock for the time of errors in status(). Default `() => new Date()`. */
  clock?: () => Date;
  /** Where state changes and errors are reported. Default: nowhere (status() always tells). */
  logger?: ProjectionRunnerLogger;
}

export interface WaitForOptions {
  /** Default 10000. */
  timeoutMs?: number;
  /** Only these projections; default all. */
  projections?: readonly string[];
}

const SILENT: ProjectionRunnerLogger = {
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export class ProjectionRunner {
  private readonly lanes = new Map<string, ProjectionLane>();
  private readonly listeners = new Set<() => void>();
  private running = false;
  private holds = 0;
  private free: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(private readonly options: ProjectionRunnerOptions) {
    checkDefinitions(options.projections);
    const settings = {
      eventStore: options.eventStore,
      readStore: options.readStore,
      batchSize: options.batchSize ?? 500,
      maxBatchWaitMs: options.maxBatchWaitMs ?? 50,
      rebuildBatchSize: options.rebuildBatchSize ?? 5000,
      rebuildCacheDocs: options.rebuildCacheDocs ?? 10_000,
      retryInitialMs: options.retryInitialMs ?? 100,
      retryMaxMs: options.retryMaxMs ?? 5000,
      ...(options.upcast ? { upcast: options.upcast } : {}),
      clock: options.clock ?? (() => new Date()),
      logger: options.logger ?? SILENT,
      changed: () => this.listeners.forEach((listener) => listener()),
      whenFree: () => this.free?.promise,
    };
    for (const projection of options.projections) {
      this.lanes.set(projection.name, new ProjectionLane(projection, settings));
    }
  }

  get projectionNames(): string[] {
    return [...this.lanes.keys()];
  }

  /**
   * Starts every projection in the background and returns at once: each catches up from its checkpoint
   * (rebuilding first when its version changed), then follows live. Store errors are retried; a projection
   * whose code throws stops alone. Calling start on a running runner does nothing.
   */
  async start(): Promise<void> {
    this.running = true;
    for (const lane of this.lanes.values()) lane.start();
  }

  /**
   * Holds the live lanes until the returned release is called: a bulk write (an upload of thousands of rows)
   * then commits without a projection batch after each of its commits, and the projections catch up after it
   * in a few large batches. Holds nest; release is idempotent. A rebuild is not held.
   */
  hold(): () => void {
    if (this.holds++ === 0) {
      let resolve = (): void => undefined;
      const promise = new Promise<void>((done) => (resolve = done));
      this.free = { promise, resolve };
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.holds > 0) return;
      const free = this.free;
      this.free = undefined;
      free?.resolve();
    };
  }

  /** Stops every projection after the batch each has in hand is committed. Closes no store. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all([...this.lanes.values()].map((lane) => lane.stop()));
    this.notify();
  }

  async status(): Promise<ProjectionStatus[]> {
    const headPosition = await this.options.eventStore.headPosition();
    return Promise.all(
      [...this.lanes.values()].map(async (lane): Promise<ProjectionStatus> => {
        const checkpoint = lane.checkpoint ?? (await this.options.readStore.getCheckpoint(lane.name));
        return {
          name: lane.name,
          version: lane.projection.version,
          state: lane.state,
          checkpoint,
          headPosition,
          lag: Math.max(0, headPosition - checkpoint),
          ...(lane.generation !== undefined ? { generation: lane.generation } : {}),
          ...(lane.rebuilding ? { rebuild: { ...lane.rebuilding } } : {}),
          ...(lane.lastError ? { lastError: { ...lane.lastError } } : {}),
        };
      }),
    );
  }

  /**
   * Replays the projection from position 0 into a new generation while readers keep the current one, then
   * switches readers over in one step. When the runner is running, the projection then goes on live from
   * the rebuilt checkpoint. Rejects with ProjectionFailedError if the projection throws (the current
   * generation stays), RebuildInProgressError, or RebuildAbortedError when stop() cuts it short.
   */
  async rebuild(projection: string, options: RebuildOptions = {}): Promise<RebuildProgress> {
    return this.lane(projection).rebuild(options, this.running);
  }

  /**
   * Rebuilds every projection (see rebuild) in one pass over the log: each page of events is read once and
   * applied by every projection, each into its own new generation with its own checkpoint, and each switches
   * over when it is done. Rejects like rebuild with the first projection's failure, once all have settled (the
   * others still switch over).
   */
  async rebuildAll(options: RebuildOptions = {}): Promise<RebuildProgress[]> {
    const lanes = [...this.lanes.values()];
    // Indexes first, while the new generations are empty: an index made later is built over every row.
    for (const lane of lanes) await lane.prepare().catch(() => undefined);
    const { eventStore } = this.options;
    const pages = new SharedPages(
      lanes.map((lane) => lane.name),
      (fromPosition, maxCount) => eventStore.readAll({ fromPosition, maxCount }),
    );
    const settled = await Promise.allSettled(lanes.map((lane) => lane.rebuild(options, this.running, pages)));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.map((s) => (s as PromiseFulfilledResult<RebuildProgress>).value);
  }

  /**
   * Resolves once every projection (or the ones named) shows readers the effects of all events up to
   * `position`: read-your-writes for a caller that got that position from an append. Rejects with
   * ProjectionFailedError when one of them has failed, WaitForTimeoutError, or ProjectionRunnerStoppedError.
   */
  waitFor(position: number, options: WaitForOptions = {}): Promise<void> {
    const lanes = (options.projections ?? this.projectionNames).map((name) => this.lane(name));
    const timeoutMs = options.timeoutMs ?? 10_000;
    return new Promise<void>((resolve, reject) => {
      const finish = (error?: Error): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
        if (error) reject(error);
        else resolve();
      };
      const check = (): void => {
        const failed = lanes.find((lane) => lane.state === 'failed');
        if (failed) {
          return finish(
            new ProjectionFailedError(
              failed.name,
              failed.lastError?.message ?? 'failed',
              failed.lastError?.position,
            ),
          );
        }
        if (lanes.every((lane) => (lane.checkpoint ?? 0) >= position)) return finish();
        if (!this.running) return finish(new ProjectionRunnerStoppedError(`waitFor(${position})`));
      };
      const timer = setTimeout(() => {
        const behind = lanes
          .filter((lane) => (lane.checkpoint ?? 0) < position)
          .map((lane) => ({ name: lane.name, checkpoint: lane.checkpoint ?? 0 }));
        finish(new WaitForTimeoutError(position, behind, timeoutMs));
      }, timeoutMs);
      this.listeners.add(check);
      check();
    });
  }

  private lane(name: string): ProjectionLane {
    const lane = this.lanes.get(name);
    if (!lane) throw new UnknownProjectionError(name);
    return lane;
  }

  private notify(): void {
    this.listeners.forEach((listener) => listener());
  }
}

function checkDefinitions(projections: readonly AnyProjection[]): void {
  const names = new Set<string>();
  const owners = new Map<string, string>();
  for (const projection of projections) {
    const { name, version, collections } = projection;
    if (typeof name !== 'string' || name.length === 0)
      throw new ProjectionDefinitionError('a projection has no name');
    if (names.has(name)) throw new ProjectionDefinitionError(`two projections are named ${name}`);
    names.add(name);
    if (!Number.isSafeInteger(version) || version < 0) {
      throw new ProjectionDefinitionError(`${name}: version must be an integer >= 0`);
    }
    if (!Array.isArray(collections) || collections.length === 0) {
      throw new ProjectionDefinitionError(`${name}: declares no collection`);
    }
    for (const collection of collections) {
      const owner = owners.get(collection);
      if (owner !== undefined) {
        throw new ProjectionDefinitionError(
          `collection ${collection} is written by both ${owner} and ${name}`,
        );
      }
      owners.set(collection, name);
    }
  }
}
