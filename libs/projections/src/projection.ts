// What a projection is (DESIGN.md, "Read side"; STYLE.md practice 10): pure functions from events to
// documents. No I/O, no clock: the runner loads and stores documents, and everything a reducer needs comes
// from the event. The same events in the same order must give the same documents, so that a rebuild
// from position 0 reproduces what the live run wrote.
import type { RecordedEvent } from '@ledger/domain';

/** A document an event touches: the read store's collection and the document's id in it. */
export interface DocumentKey {
  collection: string;
  id: string;
}

export interface Projection<D extends object = object> {
  /** Stable name; the read store keeps the checkpoint and generations under it. */
  readonly name: string;
  /** Bump whenever reduce or keys would give other documents: the runner then rebuilds from position 0. */
  readonly version: number;
  /** Every collection keys() may name; the runner refuses any other (a typo would write a stray collection). */
  readonly collections: readonly string[];
  /** Event types this projection reads; absent means every event. Others only move the checkpoint. */
  readonly eventTypes?: readonly string[];
  /** Field lists queries filter or sort on, per collection; the runner passes them to ReadStore.ensureIndexes. */
  readonly indexes?: Readonly<Record<string, readonly (readonly string[])[]>>;
  /** The documents this event touches, possibly several (a commune and its district roll-up); [] for none. */
  keys(event: RecordedEvent): DocumentKey[];
  /**
   * The document after the event, or null to delete it. Called once per distinct key of the event, in
   * position order. Must not mutate `doc`: return a new object (the runner may still hold the old one).
   */
  reduce(doc: D | null, event: RecordedEvent, key: DocumentKey): D | null;
}

export function handlesEvent(projection: Projection, eventType: string): boolean {
  return projection.eventTypes === undefined || projection.eventTypes.includes(eventType);
}
