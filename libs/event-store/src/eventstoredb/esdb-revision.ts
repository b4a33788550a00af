// Stream revisions between the port (numbers, -1 or 'no_stream' for a missing stream) and the client (bigints,
// 'no_stream'). Both count from 0, so a revision is the same number on both sides.
import type { ExpectedRevision } from '../event-store.port';

/** The client's expected revision of an append (its AppendExpectedRevision). */
export type ClientExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;
/** The client's current revision of a stream (its CurrentRevision). */
export type ClientCurrentRevision = 'no_stream' | bigint;

export function toRevisionNumber(revision: bigint): number {
  if (revision < 0n || revision > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`EventStoreDB stream revision ${revision} is out of range`);
  }
  return Number(revision);
}

export function toClientExpectedRevision(expected: ExpectedRevision): ClientExpectedRevision {
  return typeof expected === 'number' ? BigInt(expected) : expected;
}

export function fromClientExpectedRevision(expected: ClientExpectedRevision): ExpectedRevision {
  return typeof expected === 'bigint' ? toRevisionNumber(expected) : expected;
}

/** -1 for a missing stream, as WrongExpectedRevisionError.actual. */
export function fromClientCurrentRevision(current: ClientCurrentRevision): number {
  return current === 'no_stream' ? -1 : toRevisionNumber(current);
}

/** The exact expectation that a stream is still at `revision` (-1: still missing). */
export function exactly(revision: number): ExpectedRevision {
  return revision < 0 ? 'no_stream' : revision;
}

export function expectationHolds(expected: ExpectedRevision, actual: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === -1;
    case 'stream_exists':
      return actual >= 0;
    default:
      return actual === expected;
  }
}
