// The port's global `position` on EventStoreDB.
//
// EventStoreDB orders $all by the commit position of each event: a byte offset in its transaction log, a
// bigint. Every event written through gRPC is committed on its own record, so commit positions are unique
// and increasing, but far from contiguous (they grow by the size of each record, and the log holds other
// records: system events, our id claims, other namespaces).
//
// The port position is TWICE the commit position. The reason is that EventStoreDB can only start a read at
// the exact position of a record (a position in the middle of one is an error), while callers resume with
// `lastSeen.position + 1` (verify, the projection runner, the contract suite). Doubling keeps both kinds of
// argument exact and stateless:
//   - an even number 2c is the event at commit position c: read from c, inclusive;
//   - an odd number 2c + 1 means "just after the event at c": read from c and drop that event.
// Any other number (one that is neither an event's position nor one past it) makes the server refuse the read.
// Positions stay strictly increasing, never contiguous (verify runs with checkPositionGaps: false), and
// 0 and 1 mean "from the first event" as on every adapter.

/** A position in the server's transaction log, as the client takes and gives it. */
export interface LogPosition {
  commit: bigint;
  prepare: bigint;
}

export type ReadFrom =
  | { kind: 'start' }
  /** Read from the record at `commit`; deliver only events whose port position is >= minPosition. */
  | { kind: 'at'; at: LogPosition; minPosition: number };

const MAX_COMMIT = BigInt(Math.floor(Number.MAX_SAFE_INTEGER / 2));

/** Port position of an event at the given commit position. Throws past 2^52 bytes of log (4 PiB). */
export function toPortPosition(commit: bigint): number {
  if (commit < 0n) throw new RangeError(`EventStoreDB commit position ${commit} is negative`);
  if (commit > MAX_COMMIT) {
    throw new RangeError(
      `EventStoreDB commit position ${commit} is beyond ${MAX_COMMIT}, the largest the ledger can number safely`,
    );
  }
  return Number(commit) * 2;
}

/** The log position an event's port position stands for (the inverse of toPortPosition for even numbers). */
export function toLogPosition(position: number): LogPosition {
  const commit = BigInt(Math.floor(position / 2));
  return { commit, prepare: commit };
}

/** Where a read must start for an inclusive port position already checked by checkPosition (>= 1). */
export function readFrom(position: number): ReadFrom {
  if (position <= 1) return { kind: 'start' };
  return { kind: 'at', at: toLogPosition(position), minPosition: position };
}
