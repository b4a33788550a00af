// Typed errors of the EventStore port. Adapters translate driver errors into these at the boundary.
import { LedgerError } from '@ledger/domain';

export abstract class EventStoreError extends LedgerError {}

export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  readonly kind = 'conflict';
  constructor(
    readonly stream: string,
    readonly expected: string | number,
    /** -1 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(
      `stream ${stream}: expected revision ${String(expected)}, actual ${actual < 0 ? 'no stream' : actual}`,
    );
  }

  override details() {
    return { stream: this.stream, currentRevision: this.actual };
  }
}

/** The same event id was appended before with a different payload, or to another stream. */
export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'DUPLICATE_EVENT_ID';
  readonly kind = 'conflict';
  override readonly field = 'id';
  constructor(
    readonly eventId: string,
    detail: string,
  ) {
    super(`event id ${eventId} is already recorded with a different payload: ${detail}`);
  }
}

export class StreamNotFoundError extends EventStoreError {
  readonly code = 'STREAM_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly stream: string) {
    super(`stream ${stream} not found`);
  }
}

/** Why the store cannot be used: a full disk and a read-only one need the operator, not just a retry. */
export type StoreUnavailableReason = 'disk_full' | 'read_only' | 'unavailable';

export class StoreUnavailableError extends EventStoreError {
  readonly code = 'STORE_UNAVAILABLE';
  readonly kind = 'unavailable';
  constructor(
    message: string,
    override readonly cause?: unknown,
    readonly reason: StoreUnavailableReason = 'unavailable',
  ) {
    super(message);
  }

  override get publicDetail(): string {
    if (this.reason === 'unavailable') return 'The ledger store cannot be reached; try again shortly.';
    const why =
      this.reason === 'disk_full'
        ? 'The disk of the ledger store is full'
        : 'The ledger store is on a read-only disk';
    return `${why}: nothing was recorded. Reads still work; writes resume once an operator frees space or makes it writable.`;
  }

  override details() {
    return this.reason === 'unavailable' ? {} : { reason: this.reason };
  }
}
