// What a projection is (DESIGN.md, "Read side"; STYLE.md practice 10): pure functions from events to
// documents. No I/O, no clock: the runner loads and stores documents, and everything a reducer needs comes
// from the event. The same events in the same order must give the same documents, so that a rebuild
// from position 0 reproduces what the live run wrote.
import type { RecordedEvent } from '@ledger/domain';
import type { DocumentRef, DocumentWrite } from '@ledger/read-store';

/** A document an event touches: the read store's collection and the document's id in it. */
export interface DocumentKey {
  collection: string;
  id: string;
}

export interface Projection<D extends object = object> {
  /** Stable name; the read store keeps the checkpoint and generations under it. */
  readonly name: string;
  /**
   * Bump whenever reduce or keys would give other documents: the runner then rebuilds from position 0.
   * Projections that read the plan (rules, org-unit tree, norms) use projectionVersion(base, plan parts) so
   * that a change of the plan's rules is a new version too.
   */
  readonly version: number;
  /** Every collection keys() may name; the runner refuses any other (a typo would write a stray collection). */
  readonly collections: readonly string[];
  /** Event types this projection reads; absent means every event. Others only move the checkpoint. */
  readonly eventTypes?: readonly string[];
  /** Field lists queries filter or sort on, per collection; the runner hands them to ensureIndexes. */
  readonly indexes?: Readonly<Record<string, readonly (readonly string[])[]>>;
  /**
   * Running counts of some of its documents (see RunningCount), kept by the runner as the documents change,
   * so that a read gets a count from one document instead of counting an index range.
   */
  readonly counts?: readonly RunningCount[];
  /** The documents this event touches, possibly several (a commune and its district roll-up); [] for none. */
  keys(event: RecordedEvent): DocumentKey[];
  /**
   * Pure. The document after the event, or null to delete it. Called once per distinct key of the event, in
   * position order; idempotent per position: a document keeps the last applied position and comes back
   * unchanged for an event at or below it (alreadyApplied). Events come at today's schema version (the runner
   * reads them through the upcasters, as every reader of the store does). Must not mutate `doc`: return a new
   * object (the runner may still hold the old one).
   */
  reduce(doc: D | null, event: RecordedEvent, key: DocumentKey): D | null;
}

/**
 * How many documents of a collection stand where: a document is counted in each place `countedIn` names
 * (a count document of `into`, and a bucket within it). The runner keeps the counts itself, from each
 * document before and after a batch (a reducer sees one document and cannot know what the one it replaces
 * was counted in), and commits them with the documents: a count is exactly what counting the documents would
 * give, at every checkpoint. `into` is one of the projection's collections that keys() never names.
 */
export interface RunningCount {
  readonly of: string;
  readonly into: string;
  /** Pure; each (id, bucket) at most once. */
  countedIn(doc: object): ReadonlyArray<{ id: string; bucket: string }>;
}

/** A document of a RunningCount's `into` collection. */
export interface CountDoc {
  /** Documents counted here, in all buckets. */
  total: number;
  /** Per bucket; a bucket that falls to 0 is removed. */
  buckets: Record<string, number>;
}

export function handlesEvent(projection: Projection, eventType: string): boolean {
  return projection.eventTypes === undefined || projection.eventTypes.includes(eventType);
}

export interface BatchFailure {
  event: RecordedEvent;
  error: unknown;
}

/** What applying a batch gives: the writes to commit together with the checkpoint reached. */
export interface AppliedBatch {
  writes: DocumentWrite[];
  /** Position of the last event applied; the incoming checkpoint when none was. */
  checkpoint: number;
  /** Events applied, those the projection ignores included. */
  applied: number;
  /** Set when the projection threw: the event, and what it threw. */
  failure?: BatchFailure;
}

/**
 * A projection whose documents depend on one another within an event, which a per-document reducer cannot
 * express: the Merkle tree of the verifiable log, where appending a leaf writes the nodes it completes,
 * computed from the tree's right edge (its frontier, itself a document of the projection), and where the
 * ids of those nodes depend on how many leaves came before, not on the event alone. It gets whole batches
 * and reads its own documents through `load`; the runner does the rest as for any projection (generations,
 * checkpoint committed with the writes, rebuild, retry, status, waitFor). It must still be a pure function
 * of its documents and the events, skip events at or below `checkpoint`, and on an error of its own report
 * a `failure` with the writes of the events before it. It sees events as stored (never upcast).
 */
export interface BatchProjection {
  readonly name: string;
  readonly version: number;
  readonly collections: readonly string[];
  readonly indexes?: Readonly<Record<string, readonly (readonly string[])[]>>;
  applyBatch(
    events: readonly RecordedEvent[],
    context: { checkpoint: number; load(refs: readonly DocumentRef[]): Promise<Array<object | null>> },
  ): Promise<AppliedBatch>;
}

export type AnyProjection = Projection | BatchProjection;

export function isBatchProjection(projection: AnyProjection): projection is BatchProjection {
  return typeof (projection as Partial<BatchProjection>).applyBatch === 'function';
}
