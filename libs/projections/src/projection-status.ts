// What the runner reports about each projection (GET /health, the CLI's rebuild progress).

/**
 * - stopped: the runner is not running it (not started, or stopped).
 * - catching_up: applying stored events, behind the head it saw when it (re)started.
 * - live: caught up, applying events as they are committed.
 * - rebuilding: building a new generation from position 0; readers still see the previous one.
 * - failed: stopped on an event it cannot apply; other projections go on. Fix the code, then restart
 *   the runner (it retries from the checkpoint) or rebuild the projection.
 */
export type ProjectionState = 'stopped' | 'catching_up' | 'live' | 'rebuilding' | 'failed';

export interface ProjectionErrorInfo {
  message: string;
  /** When the runner saw it (runner clock, ISO 8601). */
  at: string;
  /** The event it could not apply, when the error came from the projection's code. */
  position?: number;
  eventId?: string;
  eventType?: string;
}

export interface ProjectionStatus {
  name: string;
  version: number;
  state: ProjectionState;
  /** Position of the last event in the documents readers see (the active generation). */
  checkpoint: number;
  headPosition: number;
  /**
   * headPosition - checkpoint: how far readers of this projection are behind the log, in positions (the
   * number of events where positions are contiguous, as in the sqlite event store).
   */
  lag: number;
  /** The active generation, once known. */
  generation?: number;
  /** While rebuilding: the generation being built and how far it has got. */
  rebuild?: { generation: number; checkpoint: number };
  /** The last error: the cause of `failed`, or a store error being retried. */
  lastError?: ProjectionErrorInfo;
}

export interface RebuildProgress {
  projection: string;
  generation: number;
  eventsDone: number;
  /** Position reached in the new generation. */
  position: number;
  /** Head of the event store when the rebuild started: where it switches over. */
  targetPosition: number;
  elapsedMs: number;
  eventsPerSecond: number;
}

export interface RebuildOptions {
  /** Called after each committed batch of the new generation; the rebuild waits for a returned promise. */
  onProgress?: (progress: RebuildProgress) => void | Promise<void>;
}
