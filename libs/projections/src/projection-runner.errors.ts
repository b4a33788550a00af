// Typed errors of the projection runner. None is caused by a request: reaching HTTP, they are a 500.
import { LedgerError } from '@ledger/domain';

export abstract class ProjectionRunnerError extends LedgerError {
  readonly kind = 'internal';
}

export class UnknownProjectionError extends ProjectionRunnerError {
  readonly code = 'PROJECTION_UNKNOWN';
  constructor(readonly projection: string) {
    super(`no projection named ${projection} is registered with this runner`);
  }
}

export class RebuildInProgressError extends ProjectionRunnerError {
  readonly code = 'PROJECTION_REBUILD_IN_PROGRESS';
  constructor(readonly projection: string) {
    super(`projection ${projection} is already being rebuilt`);
  }
}

/** The projection stopped on an event it could not apply (or a document it could not store). */
export class ProjectionFailedError extends ProjectionRunnerError {
  readonly code = 'PROJECTION_FAILED';
  constructor(
    readonly projection: string,
    readonly detail: string,
    readonly position?: number,
  ) {
    super(
      `projection ${projection} failed${position === undefined ? '' : ` at position ${position}`}: ${detail}`,
    );
  }
}

export class WaitForTimeoutError extends ProjectionRunnerError {
  readonly code = 'PROJECTION_WAIT_TIMEOUT';
  constructor(
    readonly position: number,
    /** Projections still behind the position, with their checkpoints. */
    readonly behind: ReadonlyArray<{ name: string; checkpoint: number }>,
    timeoutMs: number,
  ) {
    super(
      `projections did not reach position ${position} within ${timeoutMs} ms: ` +
        behind.map((p) => `${p.name} at ${p.checkpoint}`).join(', '),
    );
  }
}

/** The runner was stopped (or never started) while someone waited for it. */
export class ProjectionRunnerStoppedError extends ProjectionRunnerError {
  readonly code = 'PROJECTION_RUNNER_STOPPED';
  constructor(action: string) {
    super(`the projection runner is not running (${action})`);
  }
}

/** A rebuild was cut short by stop(); the projection keeps the generation it had. */
export class RebuildAbortedError extends ProjectionRunnerError {
  readonly code = 'PROJECTION_REBUILD_ABORTED';
  constructor(readonly projection: string) {
    super(`rebuild of projection ${projection} was aborted by stop()`);
  }
}

/** The set of projections given to the runner is inconsistent (duplicate names, shared collections, ...). */
export class ProjectionDefinitionError extends ProjectionRunnerError {
  readonly code = 'PROJECTION_DEFINITION_INVALID';
  constructor(detail: string) {
    super(`invalid projection definitions: ${detail}`);
  }
}
