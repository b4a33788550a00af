// The EventStore port (DESIGN.md, "Event store port"). Every adapter (sqlite, eventstoredb) implements
// exactly this and passes test/contract/event-store.contract.ts.
import type { NewEvent, RecordedEvent } from '@ledger/domain';

export const EVENT_STORE = Symbol('EVENT_STORE');

/**
 * - 'no_stream': the stream must not exist yet.
 * - 'any': no check.
 * - 'stream_exists': the stream must have at least one event.
 * - a number: the revision of the stream's last event must be exactly this.
 */
export type ExpectedRevision = 'no_stream' | 'any' | 'stream_exists' | number;

export interface AppendedEventRef {
  id: string;
  revision: number;
  position: number;
}

export interface AppendResult {
  stream: string;
  events: AppendedEventRef[];
  /** Revision of the stream's last event after this append. */
  nextExpectedRevision: number;
  /** True when every event id was already stored with the same payload: nothing was appended. */
  replayed: boolean;
}

/** One stream's part of a batch append: what `append` takes. */
export interface AppendBatchItem {
  stream: string;
  events: NewEvent[];
  expected: ExpectedRevision;
}

/** What became of one item of a batch append: its result, or the error `append` would have rejected with. */
export type AppendBatchOutcome = { ok: true; result: AppendResult } | { ok: false; error: Error };

export interface ReadAllOptions {
  /** Inclusive. Positions start at 1. Default 1. */
  fromPosition?: number;
  /** Default 1000. */
  maxCount?: number;
}

export interface SubscribeOptions {
  /** Inclusive; events with position >= fromPosition are delivered in order, first the stored ones then live. */
  fromPosition: number;
  signal?: AbortSignal;
}

export interface EventStore {
  append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /**
   * Appends to many streams at once, each item exactly as `append` would (its expected revision, idempotent
   * ids, all of its events or none): an item that fails its checks fails alone, in its outcome, and the
   * others are stored. Items apply in the order given, so a later item on the same stream sees the earlier.
   * An outcome per item, in the order given; the promise rejects only when the store itself fails.
   */
  appendBatch(items: readonly AppendBatchItem[]): Promise<AppendBatchOutcome[]>;
  /** Events of one stream in revision order. Throws StreamNotFoundError when the stream has no event. */
  readStream(stream: string): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** One event by id, or null. */
  getEvent(id: string): Promise<RecordedEvent | null>;
  /**
   * The events at these positions, in the order asked (a read side that indexes positions reads the bodies
   * here instead of copying them). A position with no event of the store is left out.
   */
  readByPositions(positions: readonly number[]): Promise<RecordedEvent[]>;
  /** Position of the newest event; 0 when the store is empty. */
  headPosition(): Promise<number>;
  /** Catch up from fromPosition, then deliver live events as they commit. Ends when signal aborts. */
  subscribe(options: SubscribeOptions): AsyncIterable<RecordedEvent>;
  close(): Promise<void>;
}
