// Typed errors of the EventStore port. Adapters translate driver errors into these at the boundary.

export abstract class EventStoreError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly stream: string,
    readonly expected: string | number,
    /** -1 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(`stream ${stream}: expected revision ${String(expected)}, actual ${actual < 0 ? 'no stream' : actual}`);
  }
}

/** The same event id was appended before with a different payload, or to another stream. */
export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'DUPLICATE_EVENT_ID';
  constructor(readonly eventId: string, detail: string) {
    super(`event id ${eventId} is already recorded with a different payload: ${detail}`);
  }
}

export class StreamNotFoundError extends EventStoreError {
  readonly code = 'STREAM_NOT_FOUND';
  constructor(readonly stream: string) {
    super(`stream ${stream} not found`);
  }
}

/** Why the store cannot be used: a full disk and a read-only one need the operator, not just a retry. */
export type StoreUnavailableReason = 'disk_full' | 'read_only' | 'unavailable';

export class StoreUnavailableError extends EventStoreError {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(
    message: string,
    override readonly cause?: unknown,
    readonly reason: StoreUnavailableReason = 'unavailable',
  ) {
    super(message);
  }
}
