// The ReadStore port (DESIGN.md, "Read side"): JSON documents by collection and id, written only by
// projections and read by query handlers. It comes in two halves with a token each: the reader that query
// handlers get (READ_STORE_READER) and the writer that only the projection runner gets (READ_STORE_WRITER).
// One adapter instance implements both, bound to READ_STORE for the code that opens and closes it. Every
// adapter implements exactly ReadStore and passes test/contract/read-store.contract.ts.
//
// Generations: the documents of a projection belong to one generation of it. Readers (get, find, count)
// always see the projection's active generation. A rebuild writes a fresh generation from position 0
// while readers keep the active one; switchOver then makes the new one active in one atomic step and
// drops the old one. Checkpoints are kept per generation and written in the same commit as the documents.
import type { Filter, FindQuery, Page } from './read-store.query';

/** The adapter instance (reader, writer and close): for the code that opens and closes it. */
export const READ_STORE = Symbol('READ_STORE');
/** The reader: query handlers and anything else that reads documents. */
export const READ_STORE_READER = Symbol('READ_STORE_READER');
/** The writer: the projection runner (batches with checkpoints, generations, indexes). */
export const READ_STORE_WRITER = Symbol('READ_STORE_WRITER');

/** Assigned by the store, never reused. */
export type GenerationId = number;

export interface DocumentRef {
  collection: string;
  id: string;
}

export interface DocumentWrite extends DocumentRef {
  /** A plain JSON object to store (replacing any previous one), or null to delete the document. */
  doc: object | null;
}

/** What one projection batch changed, written atomically with the checkpoint it reached. */
export interface CommitBatch {
  projection: string;
  generation: GenerationId;
  /** The generation's checkpoint this batch was computed on; a mismatch is a CheckpointConflictError. */
  expectedCheckpoint: number;
  /** Global position of the last event the batch applied; >= expectedCheckpoint. */
  checkpoint: number;
  /** Applied in order; a later write of the same document wins. */
  writes: readonly DocumentWrite[];
}

export interface GenerationInfo {
  projection: string;
  generation: GenerationId;
  /** Projection version that built it: a runner rebuilds when its projection's version differs. */
  version: number;
  checkpoint: number;
}

/** Which generation of a projection readers see, and how far it got: the reader and the writer both ask. */
export interface ActiveGenerations {
  /**
   * The active generation, or null when the projection was never built. Readers use its generation and
   * checkpoint as a stamp of the documents (an answer computed from them holds while the stamp stays).
   */
  activeGeneration(projection: string): Promise<GenerationInfo | null>;
}

/** What query handlers get: always the active generation of the projection that writes the collection. */
export interface ReadStoreReader extends ActiveGenerations {
  /** The document, or null when it does not exist (or the collection was never written). */
  get<T extends object = Record<string, unknown>>(collection: string, id: string): Promise<T | null>;
  find<T extends object = Record<string, unknown>>(collection: string, query?: FindQuery): Promise<Page<T>>;
  count(collection: string, where?: Filter): Promise<number>;
}

/** What only the projection runner gets: generations, their documents and checkpoints, and indexes. */
export interface ReadStoreWriter extends ActiveGenerations {
  /**
   * Makes sure the queries on these field lists (equality on leading fields, then a range or an order)
   * are served by an index. Idempotent; documents already stored are indexed too.
   */
  ensureIndexes(collection: string, indexes: readonly (readonly string[])[]): Promise<void>;
  /** Checkpoint of the active generation (0 when none), or of the given live generation. */
  getCheckpoint(projection: string, generation?: GenerationId): Promise<number>;
  /** Documents of one generation (active or being rebuilt), aligned with refs; null where missing. */
  loadDocuments(generation: GenerationId, refs: readonly DocumentRef[]): Promise<Array<object | null>>;
  /** All or nothing: the writes and the new checkpoint. */
  commit(batch: CommitBatch): Promise<void>;
  /**
   * A large chunk of a rebuild: the writes and the new checkpoint of a generation still being built (refused
   * for an active one), written as fast as the store allows. The same checks as commit (checkpoint, owner of
   * each collection, JSON documents) come before anything is written, but the writes need not be atomic: if
   * the call fails, the generation's documents are undefined and the caller discards it. Readers never see
   * it either way, as they never see a generation before switchOver.
   */
  bulkLoad(batch: CommitBatch): Promise<void>;
  /**
   * A new, empty generation at checkpoint 0, invisible to readers. Drops earlier unfinished rebuilds of the
   * projection (left by a crash). For a projection never built, switch it over at once to start live.
   */
  beginRebuild(projection: string, version: number): Promise<GenerationId>;
  /** Makes the generation active in one atomic step and drops the previously active one. Idempotent. */
  switchOver(projection: string, generation: GenerationId): Promise<void>;
  /** Drops an unfinished rebuild; readers never saw it. */
  discardRebuild(projection: string, generation: GenerationId): Promise<void>;
}

/** An adapter: the reader and the writer over one connection, and close. */
export interface ReadStore extends ReadStoreReader, ReadStoreWriter {
  close(): Promise<void>;
}
