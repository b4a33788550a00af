// Typed errors of the ReadStore port. Adapters translate driver errors into these at the boundary.

export abstract class ReadStoreError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The store cannot be used right now (I/O, lock, closed): a 503, worth a retry later. */
export class ReadStoreUnavailableError extends ReadStoreError {
  readonly code = 'READ_STORE_UNAVAILABLE';
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/** A malformed call: bad collection or field name, filter, limit, cursor, or a document that is not JSON. */
export class ReadStoreArgumentError extends ReadStoreError {
  readonly code = 'READ_STORE_INVALID_ARGUMENT';
  constructor(
    /** Which argument, e.g. `where.occurredAt.gte` or `writes[3].doc.total`. */
    readonly argument: string,
    reason: string,
  ) {
    super(`invalid ${argument}: ${reason}`);
  }
}

/**
 * A commit expected the generation to be at one checkpoint and it is at another: someone else (another
 * runner on the same store) applied events meanwhile. Nothing of the batch was written.
 */
export class CheckpointConflictError extends ReadStoreError {
  readonly code = 'READ_STORE_CHECKPOINT_CONFLICT';
  constructor(
    readonly projection: string,
    readonly generation: number,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(
      `projection ${projection} generation ${generation}: expected checkpoint ${expected}, actual ${actual}`,
    );
  }
}

/** The generation does not exist (any more) for that projection: dropped by a switch-over or a newer rebuild. */
export class GenerationNotFoundError extends ReadStoreError {
  readonly code = 'READ_STORE_GENERATION_NOT_FOUND';
  constructor(
    readonly projection: string,
    readonly generation: number,
  ) {
    super(`projection ${projection} has no live generation ${generation}`);
  }
}
