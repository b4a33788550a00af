// The ReadStore on MongoDB (official driver), for the production setup where API instances are stateless and
// the projector runs alone.
//
// Layout: one MongoDB collection per logical collection (`docs.<collection>`) holding the documents of every
// generation as { _id: "<generation>:<id>", g: generation, i: id, d: document }, plus three small metadata
// collections (mongo-layout.ts). Chosen over one MongoDB collection per (collection, generation) because:
// indexes made by ensureIndexes apply to every generation, future ones included, with no bookkeeping; no
// collection is created or dropped on a rebuild or switch-over (both take exclusive locks and would have to
// happen outside the transaction); and a switch-over is one metadata update in one transaction. The price is
// that dropping a generation deletes its documents (in the background, in chunks) instead of dropping a
// collection.
//
// Transactions: commit, beginRebuild, switchOver and discardRebuild each run in one multi-document
// transaction (snapshot read concern, majority write concern), so documents and checkpoint are written
// together, and the expected checkpoint is checked inside it. Transactions need a replica set (one node is
// enough) or a sharded cluster: a standalone server is refused with ReadStoreUnavailableError on first use.
//
// Readers look up the active generation, then query its documents: two reads. A switch-over between them
// would leave the reader on the old generation, so a dropped generation's documents are kept for a grace period
// (far longer than our deadline on any read) before they are deleted; a reader thus sees one whole generation.
import {
  MongoClient,
  type AnyBulkWriteOperation,
  type ClientSession,
  type Collection,
  type Db,
  type Document,
  type Filter as MongoQuery,
} from 'mongodb';
import { decodeCursor, encodeCursor, querySignature } from '../cursor';
import {
  CheckpointConflictError,
  GenerationNotFoundError,
  ReadStoreArgumentError,
  ReadStoreUnavailableError,
} from '../read-store.errors';
import type { CommitBatch, DocumentRef, GenerationId, GenerationInfo, ReadStore } from '../read-store.port';
import type { Filter, FindQuery, Page } from '../read-store.query';
import {
  checkCollection,
  checkCommitBatch,
  checkDocumentId,
  checkField,
  checkNonNegativeInteger,
  checkProjectionName,
  checkRefs,
  normalizeFilter,
  normalizeFind,
} from '../read-store.validation';
import { DEFAULT_MONGO_TIMEOUT_MS, withDeadline } from './mongo-deadline';
import { REPLICA_SET_REQUIRED, toReadStoreError } from './mongo-errors';
import {
  COLLECTIONS,
  COUNTERS,
  databaseName,
  documentsCollection,
  GENERATIONS,
  indexKey,
  storedId,
  toStoredDocument,
  type CollectionDoc,
  type CounterDoc,
  type GenerationDoc,
  type StoredDoc,
} from './mongo-layout';
import { and, compileAfter, compileSort, compileWhere, cursorKeys } from './mongo-query';

export interface MongoReadStoreOptions {
  /** Database name; default: the one in the URL's path, else `ledger`. */
  database?: string;
  /** Our deadline on every call, and the driver's server selection and connect timeouts. Default 5000. */
  timeoutMs?: number;
  /**
   * How long a dropped generation's documents are kept before deletion, so that a reader that looked up the
   * old generation just before a switch-over still reads it whole. Default max(60 s, 4 x timeoutMs).
   */
  dropGraceMs?: number;
}

const MAX_INDEX_FIELDS = 6;
const PURGE_CHUNK = 1000;
/** MongoDB's "NamespaceExists": creating a collection that another process has just created. */
const NAMESPACE_EXISTS = 48;

/** Marks generations dropped, with the server's clock (so that the grace period does not depend on clients'). */
const DROP: Document[] = [{ $set: { state: 'dropped', droppedAt: '$$NOW' } }];

/** Set by our deadline so that a transaction being retried by the driver gives up. */
interface Attempt {
  expired: boolean;
}

export class MongoReadStore implements ReadStore {
  private readonly client: MongoClient;
  private readonly db: Db;
  private readonly timeoutMs: number;
  private readonly dropGraceMs: number;
  private ready: Promise<void> | null = null;
  /** Which projection writes a collection: once claimed, never changes, so it is safe to remember. */
  private readonly owners = new Map<string, string>();
  /** Document collections known to exist with their base index. */
  private readonly prepared = new Set<string>();
  private purgeTimer: NodeJS.Timeout | undefined;
  private purging: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(url: string, options: MongoReadStoreOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_MONGO_TIMEOUT_MS;
    checkNonNegativeInteger(this.timeoutMs, 'timeoutMs');
    this.dropGraceMs = options.dropGraceMs ?? Math.max(60_000, 4 * this.timeoutMs);
    try {
      // No connection yet: the driver connects on the first operation, so the API can start while MongoDB is down.
      this.client = new MongoClient(url, {
        serverSelectionTimeoutMS: this.timeoutMs,
        connectTimeoutMS: this.timeoutMs,
        appName: 'policy-ledger-read-store',
      });
      this.db = this.client.db(databaseName(url, options.database));
    } catch (error) {
      // The message of a parse error names the problem, never the URL (which may hold a password).
      throw new ReadStoreArgumentError('url', toReadStoreError(error, 'open').message);
    }
  }

  async get<T extends object = Record<string, unknown>>(collection: string, id: string): Promise<T | null> {
    checkCollection(collection);
    checkDocumentId(id);
    return this.call('get', async () => {
      const generation = await this.activeFor(collection);
      if (generation === null) return null;
      const row = await this.documents(collection).findOne(
        { _id: storedId(generation, id) },
        { projection: { _id: 0, d: 1 }, maxTimeMS: this.timeoutMs },
      );
      return row ? (row.d as T) : null;
    });
  }

  async find<T extends object = Record<string, unknown>>(
    collection: string,
    query?: FindQuery,
  ): Promise<Page<T>> {
    checkCollection(collection);
    const q = normalizeFind(query);
    const signature = querySignature(collection, q.orderBy);
    // Decoded before any I/O: a cursor of another query is refused even for a collection never written.
    const after = q.after
      ? compileAfter(q.orderBy, decodeCursor(q.after, signature, q.orderBy.length))
      : undefined;
    const where = compileWhere(q.where);
    return this.call('find', async () => {
      const generation = await this.activeFor(collection);
      if (generation === null) return { items: [] };
      const filter = and([{ g: generation }, ...where, ...(after ? [after] : [])]);
      const rows = await this.documents(collection)
        .find(filter as MongoQuery<StoredDoc>, {
          sort: compileSort(q.orderBy),
          limit: q.limit + 1,
          projection: { _id: 0, i: 1, d: 1 },
          maxTimeMS: this.timeoutMs,
        })
        .toArray();
      const page = rows.slice(0, q.limit);
      const items = page.map((row) => ({ id: row.i, doc: row.d as T }));
      if (rows.length <= q.limit) return { items };
      const last = page[page.length - 1];
      const keys = cursorKeys(last.d, q.orderBy, last.i);
      return { items, nextCursor: encodeCursor(signature, { keys, id: last.i }) };
    });
  }

  async count(collection: string, where?: Filter): Promise<number> {
    checkCollection(collection);
    const clauses = compileWhere(normalizeFilter(where));
    return this.call('count', async () => {
      const generation = await this.activeFor(collection);
      if (generation === null) return 0;
      const filter = and([{ g: generation }, ...clauses]);
      return this.documents(collection).countDocuments(filter as MongoQuery<StoredDoc>, {
        maxTimeMS: this.timeoutMs,
      });
    });
  }

  async ensureIndexes(collection: string, indexes: readonly (readonly string[])[]): Promise<void> {
    checkCollection(collection);
    if (!Array.isArray(indexes))
      throw new ReadStoreArgumentError('indexes', 'must be an array of field lists');
    const specs = indexes.map((fields, i) => {
      if (!Array.isArray(fields) || fields.length === 0 || fields.length > MAX_INDEX_FIELDS) {
        throw new ReadStoreArgumentError(`indexes[${i}]`, `must list 1 to ${MAX_INDEX_FIELDS} fields`);
      }
      fields.forEach((field, j) => checkField(field, `indexes[${i}][${j}]`));
      return { key: indexKey(fields) };
    });
    await this.call('ensureIndexes', async () => {
      await this.prepareCollection(collection);
      // Idempotent: an index with the same keys is left as it is; existing documents are indexed.
      if (specs.length > 0) await this.documents(collection).createIndexes(specs);
    });
  }

  async activeGeneration(projection: string): Promise<GenerationInfo | null> {
    checkProjectionName(projection);
    return this.call('activeGeneration', async () => {
      const row = await this.generations().findOne({ projection, state: 'active' });
      return row ? toInfo(row) : null;
    });
  }

  async getCheckpoint(projection: string, generation?: GenerationId): Promise<number> {
    checkProjectionName(projection);
    if (generation === undefined) return (await this.activeGeneration(projection))?.checkpoint ?? 0;
    checkNonNegativeInteger(generation, 'generation');
    return this.call(
      'getCheckpoint',
      async () => (await this.liveGeneration(projection, generation)).checkpoint,
    );
  }

  async loadDocuments(generation: GenerationId, refs: readonly DocumentRef[]): Promise<Array<object | null>> {
    checkNonNegativeInteger(generation, 'generation');
    const checked = checkRefs(refs);
    return this.call('loadDocuments', async () => {
      const found = new Map<string, object>();
      for (const collection of new Set(checked.map((ref) => ref.collection))) {
        const ids = checked
          .filter((ref) => ref.collection === collection)
          .map((ref) => storedId(generation, ref.id));
        const rows = await this.documents(collection)
          .find({ _id: { $in: ids } }, { projection: { _id: 1, d: 1 }, maxTimeMS: this.timeoutMs })
          .toArray();
        for (const row of rows) found.set(`${collection}\u0000${row._id}`, row.d);
      }
      return checked.map(
        ({ collection, id }) => found.get(`${collection}\u0000${storedId(generation, id)}`) ?? null,
      );
    });
  }

  async commit(batch: CommitBatch): Promise<void> {
    checkCommitBatch(batch);
    // Converted before the transaction: a document that is not JSON refuses the batch with nothing written.
    const docs = batch.writes.map((write, i) =>
      write.doc === null ? null : toStoredDocument(write.doc, `writes[${i}].doc`),
    );
    const firstIndex = new Map<string, number>();
    batch.writes.forEach((write, i) => {
      if (!firstIndex.has(write.collection)) firstIndex.set(write.collection, i);
    });
    await this.call('commit', async (attempt) => {
      for (const collection of firstIndex.keys()) await this.prepareCollection(collection);
      await this.transaction(attempt, async (session) => {
        const row = await this.liveGeneration(batch.projection, batch.generation, session);
        if (row.checkpoint !== batch.expectedCheckpoint) {
          throw new CheckpointConflictError(
            batch.projection,
            batch.generation,
            batch.expectedCheckpoint,
            row.checkpoint,
          );
        }
        for (const [collection, i] of firstIndex) await this.claim(collection, batch.projection, i, session);
        for (const collection of firstIndex.keys()) {
          const operations: AnyBulkWriteOperation<StoredDoc>[] = [];
          batch.writes.forEach((write, i) => {
            if (write.collection !== collection) return;
            const _id = storedId(batch.generation, write.id);
            const doc = docs[i];
            operations.push(
              doc === null
                ? { deleteOne: { filter: { _id } } }
                : {
                    replaceOne: {
                      filter: { _id },
                      replacement: { g: batch.generation, i: write.id, d: doc },
                      upsert: true,
                    },
                  },
            );
          });
          // Ordered: a later write of the same document wins.
          await this.documents(collection).bulkWrite(operations, { ordered: true, session });
        }
        await this.generations().updateOne(
          { _id: batch.generation, checkpoint: batch.expectedCheckpoint },
          { $set: { checkpoint: batch.checkpoint } },
          { session },
        );
      });
      for (const collection of firstIndex.keys()) this.owners.set(collection, batch.projection);
    });
  }

  /**
   * A chunk of a rebuild without a transaction: a generation being built is invisible to readers, and a
   * rebuild that fails is discarded, so its documents need not change all at once. The checks come first (the
   * generation is building at the expected checkpoint, each collection is the projection's), then one
   * unordered bulkWrite per collection (the driver sends it in batches of up to 100,000 operations, the
   * server applies them in parallel), then the checkpoint, conditional on the expected one. The deadline grows
   * with the chunk: one timeout per 1,000 writes.
   */
  async bulkLoad(batch: CommitBatch): Promise<void> {
    checkCommitBatch(batch);
    const docs = batch.writes.map((write, i) =>
      write.doc === null ? null : toStoredDocument(write.doc, `writes[${i}].doc`),
    );
    // Unordered writes may apply in any order: only the last write of a document is sent.
    const last = new Map<string, number>();
    batch.writes.forEach((write, i) => last.set(`${write.collection}\u0000${write.id}`, i));
    const byCollection = new Map<string, number[]>();
    for (const i of last.values()) {
      const { collection } = batch.writes[i];
      const list = byCollection.get(collection) ?? [];
      if (list.length === 0) byCollection.set(collection, list);
      list.push(i);
    }
    const firstIndex = new Map<string, number>();
    batch.writes.forEach((write, i) => {
      if (!firstIndex.has(write.collection)) firstIndex.set(write.collection, i);
    });
    const deadlineMs = this.timeoutMs * (1 + Math.ceil(batch.writes.length / 1000));
    await this.call(
      'bulkLoad',
      async () => {
        const row = await this.liveGeneration(batch.projection, batch.generation);
        if (row.state !== 'building') {
          throw new ReadStoreArgumentError(
            'generation',
            `${batch.generation} is ${row.state}, not being rebuilt`,
          );
        }
        if (row.checkpoint !== batch.expectedCheckpoint) {
          throw new CheckpointConflictError(
            batch.projection,
            batch.generation,
            batch.expectedCheckpoint,
            row.checkpoint,
          );
        }
        for (const [collection, i] of firstIndex) {
          await this.prepareCollection(collection);
          await this.claim(collection, batch.projection, i);
        }
        for (const [collection, indexes] of byCollection) {
          const operations = indexes.map((i): AnyBulkWriteOperation<StoredDoc> => {
            const { id } = batch.writes[i];
            const _id = storedId(batch.generation, id);
            const doc = docs[i];
            return doc === null
              ? { deleteOne: { filter: { _id } } }
              : {
                  replaceOne: {
                    filter: { _id },
                    replacement: { g: batch.generation, i: id, d: doc },
                    upsert: true,
                  },
                };
          });
          await this.documents(collection).bulkWrite(operations, { ordered: false });
        }
        const moved = await this.generations().updateOne(
          { _id: batch.generation, state: 'building', checkpoint: batch.expectedCheckpoint },
          { $set: { checkpoint: batch.checkpoint } },
        );
        if (moved.matchedCount === 0) {
          const now = await this.liveGeneration(batch.projection, batch.generation);
          throw new CheckpointConflictError(
            batch.projection,
            batch.generation,
            batch.expectedCheckpoint,
            now.checkpoint,
          );
        }
        for (const collection of firstIndex.keys()) this.owners.set(collection, batch.projection);
      },
      deadlineMs,
    );
  }

  async beginRebuild(projection: string, version: number): Promise<GenerationId> {
    checkProjectionName(projection);
    checkNonNegativeInteger(version, 'version');
    const id = await this.call('beginRebuild', (attempt) =>
      this.transaction(attempt, async (session) => {
        await this.generations().updateMany({ projection, state: 'building' }, DROP, { session });
        const counter = await this.db
          .collection<CounterDoc>(COUNTERS)
          .findOneAndUpdate(
            { _id: 'generation' },
            { $inc: { seq: 1 } },
            { upsert: true, returnDocument: 'after', session },
          );
        if (!counter) throw new Error('the generation counter was not returned by its upsert');
        await this.generations().insertOne(
          { _id: counter.seq, projection, version, state: 'building', checkpoint: 0 },
          { session },
        );
        return counter.seq;
      }),
    );
    this.schedulePurge();
    return id;
  }

  async switchOver(projection: string, generation: GenerationId): Promise<void> {
    checkProjectionName(projection);
    checkNonNegativeInteger(generation, 'generation');
    await this.call('switchOver', (attempt) =>
      this.transaction(attempt, async (session) => {
        const row = await this.liveGeneration(projection, generation, session);
        if (row.state === 'active') return;
        await this.generations().updateMany({ projection, state: 'active' }, DROP, { session });
        await this.generations().updateOne({ _id: generation }, { $set: { state: 'active' } }, { session });
      }),
    );
    this.schedulePurge();
  }

  async discardRebuild(projection: string, generation: GenerationId): Promise<void> {
    checkProjectionName(projection);
    checkNonNegativeInteger(generation, 'generation');
    await this.call('discardRebuild', (attempt) =>
      this.transaction(attempt, async (session) => {
        const row = await this.liveGeneration(projection, generation, session);
        if (row.state === 'active') {
          throw new ReadStoreArgumentError(
            'generation',
            `${generation} is active; only a rebuild can be discarded`,
          );
        }
        await this.generations().updateOne({ _id: generation }, DROP, { session });
      }),
    );
    this.schedulePurge();
  }

  /** Stops purging (the rest is finished by the next store that drops or opens) and closes the connections. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.purgeTimer);
    await this.purging;
    try {
      await withDeadline(this.client.close(), this.timeoutMs, 'close');
    } catch (error) {
      throw toReadStoreError(error, 'close');
    }
  }

  /** Makes the projection the writer of the collection, or refuses write `i` when another projection is. */
  private async claim(
    collection: string,
    projection: string,
    i: number,
    session?: ClientSession,
  ): Promise<void> {
    const owner = await this.db
      .collection<CollectionDoc>(COLLECTIONS)
      .findOneAndUpdate(
        { _id: collection },
        { $setOnInsert: { projection } },
        { upsert: true, returnDocument: 'after', ...(session ? { session } : {}) },
      );
    if (owner?.projection !== projection) {
      throw new ReadStoreArgumentError(
        `writes[${i}].collection`,
        `${collection} is written by projection ${String(owner?.projection)}`,
      );
    }
  }

  /** The active generation of the projection that writes the collection, or null. */
  private async activeFor(collection: string): Promise<number | null> {
    let owner = this.owners.get(collection);
    if (owner === undefined) {
      const row = await this.db
        .collection<CollectionDoc>(COLLECTIONS)
        .findOne({ _id: collection }, { maxTimeMS: this.timeoutMs });
      if (!row) return null;
      owner = row.projection;
      this.owners.set(collection, owner);
    }
    const active = await this.generations().findOne(
      { projection: owner, state: 'active' },
      { projection: { _id: 1 }, maxTimeMS: this.timeoutMs },
    );
    return active ? active._id : null;
  }

  /** The generation, when it belongs to the projection and is not dropped; else GenerationNotFoundError. */
  private async liveGeneration(
    projection: string,
    generation: GenerationId,
    session?: ClientSession,
  ): Promise<GenerationDoc> {
    const row = await this.generations().findOne({ _id: generation }, session ? { session } : {});
    if (!row || row.projection !== projection || row.state === 'dropped') {
      throw new GenerationNotFoundError(projection, generation);
    }
    return row;
  }

  private generations(): Collection<GenerationDoc> {
    return this.db.collection<GenerationDoc>(GENERATIONS);
  }

  private documents(collection: string): Collection<StoredDoc> {
    return this.db.collection<StoredDoc>(documentsCollection(collection));
  }

  /** Creates the collection and its (generation, id) index outside any transaction, once per process. */
  private async prepareCollection(collection: string): Promise<void> {
    if (this.prepared.has(collection)) return;
    await createCollection(this.db, documentsCollection(collection));
    await this.documents(collection).createIndex({ g: 1, i: 1 }, { unique: true });
    this.prepared.add(collection);
  }

  /**
   * Runs `work` in one transaction. The driver retries transient errors (write conflicts, elections); once our
   * deadline has passed, the next retry gives up instead, and the commit itself is bounded by maxCommitTimeMS.
   */
  private async transaction<T>(attempt: Attempt, work: (session: ClientSession) => Promise<T>): Promise<T> {
    const session = this.client.startSession();
    try {
      return await session.withTransaction(
        async (s) => {
          if (attempt.expired)
            throw new ReadStoreUnavailableError('transaction abandoned after the deadline');
          return work(s);
        },
        {
          readConcern: { level: 'snapshot' },
          writeConcern: { w: 'majority' },
          readPreference: 'primary',
          maxCommitTimeMS: this.timeoutMs,
        },
      );
    } finally {
      await session.endSession().catch(() => undefined);
    }
  }

  /** Every call: refused once closed, connected and checked on first use, bounded by our deadline, errors mapped. */
  private async call<T>(
    action: string,
    work: (attempt: Attempt) => Promise<T>,
    deadlineMs = this.timeoutMs,
  ): Promise<T> {
    if (this.closed) throw new ReadStoreUnavailableError(`MongoDB read store is closed (${action})`);
    const attempt: Attempt = { expired: false };
    try {
      return await withDeadline(
        this.initialize().then(() => work(attempt)),
        deadlineMs,
        action,
        () => (attempt.expired = true),
      );
    } catch (error) {
      throw toReadStoreError(error, action);
    }
  }

  private initialize(): Promise<void> {
    if (!this.ready) {
      this.ready = this.setUp().catch((error: unknown) => {
        this.ready = null;
        throw error;
      });
    }
    return this.ready;
  }

  /** Checks that the server can run transactions, then creates the metadata collections and their indexes. */
  private async setUp(): Promise<void> {
    const hello = await this.db.admin().command({ hello: 1 });
    if (typeof hello.setName !== 'string' && hello.msg !== 'isdbgrid') {
      throw new ReadStoreUnavailableError(REPLICA_SET_REQUIRED);
    }
    for (const name of [GENERATIONS, COLLECTIONS, COUNTERS]) await createCollection(this.db, name);
    await this.generations().createIndexes([
      // One active generation per projection, enforced by the server as well as by switchOver.
      { key: { projection: 1 }, unique: true, partialFilterExpression: { state: 'active' } },
      { key: { projection: 1, state: 1 } },
      { key: { state: 1, droppedAt: 1 } },
    ]);
    await this.db.collection<CollectionDoc>(COLLECTIONS).createIndex({ projection: 1 });
    // Finishes drops that a crash or a closed store left behind.
    this.schedulePurge(0);
  }

  private schedulePurge(delayMs = this.dropGraceMs + 1000): void {
    if (this.closed || this.purgeTimer) return;
    this.purgeTimer = setTimeout(() => {
      this.purgeTimer = undefined;
      this.purging = this.purging.then(() => this.purgeDropped());
    }, delayMs);
    this.purgeTimer.unref();
  }

  /** Deletes the documents of generations dropped longer than the grace period ago, a chunk at a time. */
  private async purgeDropped(): Promise<void> {
    const bounded = <R>(work: Promise<R>): Promise<R> => withDeadline(work, this.timeoutMs, 'purge');
    try {
      while (!this.closed) {
        const ripe = await bounded(
          this.generations().findOne({
            state: 'dropped',
            $expr: { $lte: ['$droppedAt', { $subtract: ['$$NOW', this.dropGraceMs] }] },
          }),
        );
        if (!ripe) break;
        const owned = await bounded(
          this.db.collection<CollectionDoc>(COLLECTIONS).find({ projection: ripe.projection }).toArray(),
        );
        for (const { _id: collection } of owned) {
          for (let deleted = PURGE_CHUNK; deleted === PURGE_CHUNK && !this.closed;) {
            const ids = await bounded(
              this.documents(collection)
                .find({ g: ripe._id }, { projection: { _id: 1 }, limit: PURGE_CHUNK })
                .toArray(),
            );
            if (ids.length > 0) {
              await bounded(
                this.documents(collection).deleteMany({ _id: { $in: ids.map((row) => row._id) } }),
              );
            }
            deleted = ids.length;
          }
        }
        if (this.closed) return;
        await bounded(this.generations().deleteOne({ _id: ripe._id, state: 'dropped' }));
      }
      if (!this.closed && (await bounded(this.generations().countDocuments({ state: 'dropped' }))) > 0) {
        this.schedulePurge();
      }
    } catch {
      // Dropped documents are invisible to readers already; the next drop or open purges what is left.
    }
  }
}

async function createCollection(db: Db, name: string): Promise<void> {
  try {
    await db.createCollection(name);
  } catch (error) {
    if ((error as { code?: unknown }).code !== NAMESPACE_EXISTS) throw error;
  }
}

function toInfo(row: GenerationDoc): GenerationInfo {
  return {
    projection: row.projection,
    generation: row._id,
    version: row.version,
    checkpoint: row.checkpoint,
  };
}

/** Opens (lazily: the first call connects) the MongoDB read store at `url`; see MongoReadStore. */
export function openMongoReadStore(url: string, options?: MongoReadStoreOptions): MongoReadStore {
  return new MongoReadStore(url, options);
}
