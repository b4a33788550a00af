// Typed errors of the ReadStore port. Adapters translate driver errors into these at the boundary.
import { LedgerError } from '@ledger/domain';

export abstract class ReadStoreError extends LedgerError {}

/** The store cannot be used right now (I/O, lock, closed): a 503, worth a retry later. */
export class ReadStoreUnavailableError extends ReadStoreError {
  readonly code = 'READ_STORE_UNAVAILABLE';
  readonly kind = 'unavailable';
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }

  override get publicDetail(): string {
    return 'The ledger store cannot be reached; try again shortly.';
  }
}

/**
 * A malformed call: bad collection or field name, filter, limit, cursor, or a document that is not JSON.
 * Queries pass a client's page size and cursor through, so this is a 400 naming the query parameter.
 */
export class ReadStoreArgumentError extends ReadStoreError {
  readonly code = 'INVALID_QUERY';
  readonly kind = 'invalid';
  /** The argument as a client names it: the page cursor (`after` here) is `cursor` in every query string. */
  override readonly field: string;
  constructor(
    /** Which argument, e.g. `where.occurredAt.gte` or `writes[3].doc.total`. */
    readonly argument: string,
    reason: string,
  ) {
    super(`invalid ${argument}: ${reason}`);
    this.field = argument === 'after' ? 'cursor' : argument;
  }
}

/**
 * A commit expected the generation to be at one checkpoint and it is at another: someone else (another
 * runner on the same store) applied events meanwhile. Nothing of the batch was written.
 */
export class CheckpointConflictError extends ReadStoreError {
  readonly code = 'READ_STORE_CHECKPOINT_CONFLICT';
  /** Two runners on one store: the runner handles it; it never answers a request. */
  readonly kind = 'internal';
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
  readonly kind = 'internal';
  constructor(
    readonly projection: string,
    readonly generation: number,
  ) {
    super(`projection ${projection} has no live generation ${generation}`);
  }
}
