// The embedded ReadStore: one sqlite file (better-sqlite3), separate from the event log, in WAL mode.
// Reads are single statements, so each sees one snapshot: a reader never sees half a batch or half a
// switch-over, even from another process.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { openSqliteFile } from '@ledger/store-support';
import { decodeCursor, encodeCursor, querySignature, type CursorKey } from '../cursor';
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
  serializeDocument,
  type NormalizedOrder,
} from '../read-store.validation';
import { toReadStoreError } from './sqlite-errors';
import {
  collectionScope,
  compileAfter,
  compileOrder,
  compileWhere,
  literal,
  valueExpr,
  type SqlParam,
} from './sqlite-query';
import { SqliteBulkWriter } from './sqlite-bulk-writer';
import { configureConnection, migrate, READ_STORE_CACHE_KIB, SCHEMA_VERSION } from './sqlite-schema';
import { prepareStatements, type GenerationRow, type Statements } from './sqlite-statements';
import { WriteTurns } from './write-turns';

/** The file name of the read store inside the data directory (the event log is events.db beside it). */
export const SQLITE_READ_STORE_FILE = 'read.db';

export interface SqliteReadStoreOptions {
  /** How long a call waits for another process holding the file's write lock. Default 5000. */
  busyTimeoutMs?: number;
  /**
   * Whether bulkLoad writes on a thread of its own (see SqliteBulkWriter), so that a rebuild's sqlite work
   * overlaps its reducing. Default true; a store in memory always writes on the caller's thread.
   */
  bulkWriterThread?: boolean;
}

/** Settings of the open connection, for health checks and tests. */
export interface SqliteReadStoreDiagnostics {
  path: string;
  journalMode: string;
  /** 1 = NORMAL. */
  synchronous: number;
  busyTimeoutMs: number;
  schemaVersion: number;
}

/**
 * Rows deleted per statement when dropping a generation (about 30 µs a row with two expression indexes), so
 * that the background drop of a big generation never blocks the event loop for long.
 */
const PURGE_CHUNK = 500;
/** Query shapes are few (one per endpoint and filter combination); the bound only guards against a leak. */
const MAX_CACHED_STATEMENTS = 256;
const MAX_INDEX_FIELDS = 6;
/** Finds whose rows are kept until the file changes (see findRows), and the largest result kept. */
const MAX_CACHED_RESULTS = 512;
const MAX_CACHED_RESULT_CHARS = 256 * 1024;
/** The bulk writer's thread ends after this long without a load (a rebuild loads every few hundred ms). */
const BULK_WRITER_IDLE_MS = 10_000;

interface CompiledFind {
  sql: string;
  params: SqlParam[];
  signature: string;
  orderBy: NormalizedOrder[];
  limit: number;
}

type FindRow = { id: string; doc: string } & Record<`k${number}`, CursorKey>;

export class SqliteReadStore implements ReadStore {
  private readonly db: Database.Database;
  private readonly statements: Statements;
  private readonly cache = new Map<string, Database.Statement<SqlParam[], unknown>>();
  private readonly results = new Map<string, { compiled: CompiledFind; rows: FindRow[] }>();
  private resultStamp = { version: -1, changes: -1 };
  private readonly commitTransaction: Database.Transaction<
    (batch: CommitBatch, docs: (string | null)[]) => void
  >;
  private readonly bulkTransaction: Database.Transaction<
    (batch: CommitBatch, docs: (string | null)[]) => void
  >;
  private purging: Promise<void> = Promise.resolve();
  private closed = false;
  /** Writes bulk loads on a thread of its own; undefined for a store in memory or when the option is off. */
  private readonly bulkWriter: SqliteBulkWriter | undefined;
  /** Turns between the writes of this connection and those of the bulk writer. */
  private readonly turns = new WriteTurns();

  /** Opens (creating the directory, file and schema when missing) the store at `path`. */
  constructor(
    readonly path: string,
    options: SqliteReadStoreOptions = {},
  ) {
    try {
      const opened = openSqliteFile(path, (db, inMemory) => {
        configureConnection(db, { busyTimeoutMs: options.busyTimeoutMs ?? 5000 }, inMemory);
        migrate(db);
        return prepareStatements(db);
      });
      this.db = opened.db;
      this.statements = opened.prepared;
    } catch (error) {
      const mapped = toReadStoreError(error, `open ${path}`);
      throw mapped instanceof ReadStoreUnavailableError
        ? mapped
        : new ReadStoreUnavailableError(`cannot open read store ${path}: ${mapped.message}`, error);
    }
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    if (path !== ':memory:' && options.bulkWriterThread !== false) {
      this.bulkWriter = new SqliteBulkWriter({
        path,
        busyTimeoutMs,
        cacheKib: READ_STORE_CACHE_KIB,
        idleMs: BULK_WRITER_IDLE_MS,
      });
    }
    this.commitTransaction = this.db.transaction((batch: CommitBatch, docs: (string | null)[]) =>
      this.applyCommit(batch, docs),
    );
    this.bulkTransaction = this.db.transaction((batch: CommitBatch, docs: (string | null)[]) =>
      this.applyCommit(batch, docs, 'building'),
    );
    // Finishes a drop that a crash interrupted (switch-over done, documents not yet deleted). At once rather
    // than in the background: it is rare, and a caller closing right away would otherwise leave it again.
    try {
      while (this.purgeStep() !== 'none');
    } catch {
      // Busy with another process: the next drop or open finishes it; readers never see dropped documents.
    }
  }

  async get<T extends object = Record<string, unknown>>(collection: string, id: string): Promise<T | null> {
    this.assertOpen('get');
    checkCollection(collection);
    checkDocumentId(id);
    const row = this.query('get', () => this.statements.getActive.get(collection, id));
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  async find<T extends object = Record<string, unknown>>(
    collection: string,
    query?: FindQuery,
  ): Promise<Page<T>> {
    this.assertOpen('find');
    const { compiled, rows } = this.query('find', () => this.findRows(collection, query));
    const page = rows.slice(0, compiled.limit);
    const items = page.map((row) => ({ id: row.id, doc: JSON.parse(row.doc) as T }));
    if (rows.length <= compiled.limit) return { items };
    const last = page[page.length - 1];
    const keys = compiled.orderBy.map((_, i) => last[`k${i}`]);
    return { items, nextCursor: encodeCursor(compiled.signature, { keys, id: last.id }) };
  }

  /**
   * The rows of a find, from the result cache while the file is unchanged: a dashboard asks the same few
   * queries again and again (every indicator's months for /summary and /indicators), and between two
   * commits the answer is the same. Unchanged means: no commit by another connection (PRAGMA data_version)
   * and no row changed by this one (total_changes()), both read in one statement per find.
   */
  private findRows(
    collection: string,
    query: FindQuery | undefined,
  ): { compiled: CompiledFind; rows: FindRow[] } {
    const stamp = this.statements.dataStamp.get();
    if (!stamp || stamp.version !== this.resultStamp.version || stamp.changes !== this.resultStamp.changes) {
      this.results.clear();
      this.resultStamp = stamp ?? { version: -1, changes: -1 };
    }
    const key = `${collection}\u0000${JSON.stringify(query ?? null)}`;
    const cached = this.results.get(key);
    if (cached) return cached;
    const compiled = this.compileFind(collection, query);
    const rows = this.statement<FindRow>(compiled.sql).all(...compiled.params, compiled.limit + 1);
    let size = 0;
    for (const row of rows) size += row.doc.length;
    if (size <= MAX_CACHED_RESULT_CHARS) {
      if (this.results.size >= MAX_CACHED_RESULTS) this.results.clear();
      this.results.set(key, { compiled, rows });
    }
    return { compiled, rows };
  }

  async count(collection: string, where?: Filter): Promise<number> {
    this.assertOpen('count');
    checkCollection(collection);
    const filter = compileWhere(normalizeFilter(where));
    const sql =
      `SELECT COUNT(*) AS n FROM documents WHERE ${collectionScope(collection)}` +
      (filter.sql ? ` AND ${filter.sql}` : '');
    return this.query('count', () => this.statement<{ n: number }>(sql).get(...filter.params)?.n ?? 0);
  }

  async ensureIndexes(collection: string, indexes: readonly (readonly string[])[]): Promise<void> {
    this.assertOpen('ensureIndexes');
    checkCollection(collection);
    if (!Array.isArray(indexes))
      throw new ReadStoreArgumentError('indexes', 'must be an array of field lists');
    const statements = indexes.map((fields, i) => {
      if (!Array.isArray(fields) || fields.length === 0 || fields.length > MAX_INDEX_FIELDS) {
        throw new ReadStoreArgumentError(`indexes[${i}]`, `must list 1 to ${MAX_INDEX_FIELDS} fields`);
      }
      fields.forEach((field, j) => checkField(field, `indexes[${i}][${j}]`));
      const digest = createHash('sha256').update(fields.join(',')).digest('hex').slice(0, 12);
      const name = `"rs_${collection}_${digest}"`;
      const columns = ['generation', ...fields.map(valueExpr), 'id'].join(', ');
      return `CREATE INDEX IF NOT EXISTS ${name} ON documents (${columns}) WHERE collection = ${literal(collection)}`;
    });
    await this.write('ensureIndexes', () =>
      this.db.transaction(() => statements.forEach((s) => this.db.exec(s)))(),
    );
  }

  async activeGeneration(projection: string): Promise<GenerationInfo | null> {
    this.assertOpen('activeGeneration');
    checkProjectionName(projection);
    const row = this.query('activeGeneration', () => this.statements.activeGeneration.get(projection));
    return row ? toInfo(row) : null;
  }

  async getCheckpoint(projection: string, generation?: GenerationId): Promise<number> {
    this.assertOpen('getCheckpoint');
    checkProjectionName(projection);
    if (generation === undefined) return (await this.activeGeneration(projection))?.checkpoint ?? 0;
    checkNonNegativeInteger(generation, 'generation');
    return this.query('getCheckpoint', () => this.liveGeneration(projection, generation).checkpoint);
  }

  async loadDocuments(generation: GenerationId, refs: readonly DocumentRef[]): Promise<Array<object | null>> {
    this.assertOpen('loadDocuments');
    checkNonNegativeInteger(generation, 'generation');
    const checked = checkRefs(refs);
    // One read transaction: every document from the same snapshot.
    return this.query('loadDocuments', () =>
      this.db.transaction(() =>
        checked.map(({ collection, id }) => {
          const row = this.statements.getInGeneration.get(generation, collection, id);
          return row ? (JSON.parse(row.doc) as object) : null;
        }),
      )(),
    );
  }

  async commit(batch: CommitBatch): Promise<void> {
    this.assertOpen('commit');
    checkCommitBatch(batch);
    // Serialized before the transaction: a document that is not JSON refuses the batch with nothing written.
    const docs = batch.writes.map((write, i) =>
      write.doc === null ? null : serializeDocument(write.doc, `writes[${i}].doc`),
    );
    await this.write('commit', () => this.commitTransaction.immediate(batch, docs));
  }

  /**
   * One transaction for the whole chunk, as commit, with the writes in key order: the documents' unique
   * index (and the table, filled in that order) then takes them as an append rather than at random places.
   * The indexes made by ensureIndexes serve every generation of a collection in this one table, so they are
   * there during the load; a generation's index entries go after those of older generations (the leading
   * column), at the right edge of each index. On a file, the transaction runs on the bulk writer's thread
   * (SqliteBulkWriter), and the call resolves when it is committed there.
   */
  async bulkLoad(batch: CommitBatch): Promise<void> {
    this.assertOpen('bulkLoad');
    checkCommitBatch(batch);
    // Serialized before the transaction, as in commit: a document that is not JSON writes nothing.
    const docs = batch.writes.map((write, i) =>
      write.doc === null ? null : serializeDocument(write.doc, `writes[${i}].doc`),
    );
    const { bulkWriter } = this;
    if (bulkWriter) {
      const { projection, generation, expectedCheckpoint, checkpoint, writes } = batch;
      const job = {
        projection,
        generation,
        expectedCheckpoint,
        checkpoint,
        collections: writes.map((write) => write.collection),
        ids: writes.map((write) => write.id),
        docs,
      };
      return this.turns.shared(() => bulkWriter.load(job));
    }
    const keys = batch.writes.map((write) => `${write.collection}\u0000${write.id}`);
    const order = keys.map((_, i) => i);
    order.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
    const writes = order.map((i) => batch.writes[i]);
    const ordered = order.map((i) => docs[i]);
    await this.write('bulkLoad', () => this.bulkTransaction.immediate({ ...batch, writes }, ordered));
  }

  async beginRebuild(projection: string, version: number): Promise<GenerationId> {
    this.assertOpen('beginRebuild');
    checkProjectionName(projection);
    checkNonNegativeInteger(version, 'version');
    const id = await this.write('beginRebuild', () =>
      this.db
        .transaction(() => {
          this.statements.dropBuilding.run(projection);
          return Number(this.statements.insertGeneration.run(projection, version).lastInsertRowid);
        })
        .immediate(),
    );
    this.schedulePurge();
    return id;
  }

  async switchOver(projection: string, generation: GenerationId): Promise<void> {
    this.assertOpen('switchOver');
    checkProjectionName(projection);
    checkNonNegativeInteger(generation, 'generation');
    await this.write('switchOver', () =>
      this.db
        .transaction(() => {
          const row = this.liveGeneration(projection, generation);
          if (row.state === 'active') return;
          this.statements.dropActive.run(projection);
          this.statements.setState.run('active', generation);
        })
        .immediate(),
    );
    this.schedulePurge();
  }

  async discardRebuild(projection: string, generation: GenerationId): Promise<void> {
    this.assertOpen('discardRebuild');
    checkProjectionName(projection);
    checkNonNegativeInteger(generation, 'generation');
    await this.write('discardRebuild', () =>
      this.db
        .transaction(() => {
          const row = this.liveGeneration(projection, generation);
          if (row.state === 'active') {
            throw new ReadStoreArgumentError(
              'generation',
              `${generation} is active; only a rebuild can be discarded`,
            );
          }
          this.statements.setState.run('dropped', generation);
        })
        .immediate(),
    );
    this.schedulePurge();
  }

  /** Stops dropping generations (the rest is finished on the next open) and closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.purging;
    await this.turns.drained();
    await this.bulkWriter?.close();
    try {
      this.db.close();
    } catch (error) {
      throw toReadStoreError(error, 'close');
    }
  }

  diagnostics(): SqliteReadStoreDiagnostics {
    this.assertOpen('diagnostics');
    return this.query('diagnostics', () => ({
      path: this.path,
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: Number(this.db.pragma('synchronous', { simple: true })),
      busyTimeoutMs: Number(this.db.pragma('busy_timeout', { simple: true })),
      schemaVersion: SCHEMA_VERSION,
    }));
  }

  /** sqlite's plan for a find, one line per step: shows whether an index made by ensureIndexes is used. */
  queryPlan(collection: string, query?: FindQuery): string[] {
    this.assertOpen('queryPlan');
    const compiled = this.compileFind(collection, query);
    return this.query('queryPlan', () =>
      this.db
        .prepare<SqlParam[], { detail: string }>(`EXPLAIN QUERY PLAN ${compiled.sql}`)
        .all(...compiled.params, compiled.limit + 1)
        .map((row) => row.detail),
    );
  }

  /** `building`: only into a generation being rebuilt (bulkLoad). */
  private applyCommit(batch: CommitBatch, docs: (string | null)[], only?: 'building'): void {
    const row = this.liveGeneration(batch.projection, batch.generation);
    if (only && row.state !== only) {
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
    const owned = new Set<string>();
    batch.writes.forEach((write, i) => {
      if (!owned.has(write.collection)) {
        this.statements.claimCollection.run(write.collection, batch.projection);
        const owner = this.statements.collectionOwner.get(write.collection)?.projection;
        if (owner !== batch.projection) {
          throw new ReadStoreArgumentError(
            `writes[${i}].collection`,
            `${write.collection} is written by projection ${String(owner)}`,
          );
        }
        owned.add(write.collection);
      }
      const doc = docs[i];
      if (doc === null) this.statements.remove.run(batch.generation, write.collection, write.id);
      else this.statements.upsert.run(batch.generation, write.collection, write.id, doc);
    });
    this.statements.setCheckpoint.run(batch.checkpoint, batch.generation);
  }

  /** The generation, when it belongs to the projection and is not dropped; else GenerationNotFoundError. */
  private liveGeneration(projection: string, generation: GenerationId): GenerationRow {
    const row = this.statements.generation.get(generation);
    if (!row || row.projection !== projection || row.state === 'dropped') {
      throw new GenerationNotFoundError(projection, generation);
    }
    return row;
  }

  private compileFind(collection: string, query: FindQuery | undefined): CompiledFind {
    checkCollection(collection);
    const q = normalizeFind(query);
    const signature = querySignature(collection, q.orderBy);
    const where = compileWhere(q.where);
    const after = q.after
      ? compileAfter(q.orderBy, decodeCursor(q.after, signature, q.orderBy.length))
      : { sql: '', params: [] };
    const keys = q.orderBy.map((o, i) => `, ${valueExpr(o.field)} AS k${i}`).join('');
    const conditions = [collectionScope(collection), where.sql, after.sql].filter((s) => s.length > 0);
    return {
      sql:
        `SELECT id, doc${keys} FROM documents WHERE ${conditions.join(' AND ')} ` +
        `ORDER BY ${compileOrder(q.orderBy)} LIMIT ?`,
      params: [...where.params, ...after.params],
      signature,
      orderBy: q.orderBy,
      limit: q.limit,
    };
  }

  private statement<R>(sql: string): Database.Statement<SqlParam[], R> {
    let statement = this.cache.get(sql);
    if (!statement) {
      if (this.cache.size >= MAX_CACHED_STATEMENTS) this.cache.clear();
      statement = this.db.prepare<SqlParam[], unknown>(sql);
      this.cache.set(sql, statement);
    }
    return statement as Database.Statement<SqlParam[], R>;
  }

  /**
   * Deletes the documents of dropped generations in the background, a chunk at a time, one purge at a time.
   * Not awaited by the calls that drop: readers stopped seeing those documents when the drop committed, and
   * deleting a big generation takes seconds.
   */
  private schedulePurge(): void {
    this.purging = this.purging.then(() => this.purgeDropped());
  }

  private async purgeDropped(): Promise<void> {
    try {
      const step = (): Promise<'none' | 'chunk' | 'generation'> => this.turns.exclusive(() => this.purgeStep());
      for (let done = await step(); done !== 'none' && !this.closed; done = await step()) {
        if (done === 'chunk') await new Promise((resolve) => setImmediate(resolve));
      }
    } catch {
      // Dropped documents are invisible to readers already; whatever is left is purged on the next drop or open.
    }
  }

  /** Deletes up to PURGE_CHUNK documents of a dropped generation and forgets the generation once it is empty. */
  private purgeStep(): 'none' | 'chunk' | 'generation' {
    const dropped = this.statements.dropped.get();
    if (!dropped) return 'none';
    if (this.statements.purgeChunk.run(dropped.id, PURGE_CHUNK).changes === PURGE_CHUNK) return 'chunk';
    this.statements.forgetGeneration.run(dropped.id);
    return 'generation';
  }

  /** A write on this connection, in its turn among the bulk writer's (see WriteTurns). */
  private write<T>(action: string, run: () => T): Promise<T> {
    return this.turns.exclusive(() => this.query(action, run));
  }

  private query<T>(action: string, run: () => T): T {
    try {
      return run();
    } catch (error) {
      throw toReadStoreError(error, action);
    }
  }

  private assertOpen(action: string): void {
    if (this.closed) throw new ReadStoreUnavailableError(`read store ${this.path} is closed (${action})`);
  }
}

function toInfo(row: GenerationRow): GenerationInfo {
  return { projection: row.projection, generation: row.id, version: row.version, checkpoint: row.checkpoint };
}

/** Opens the sqlite read store at `path`, e.g. join(dataDir, SQLITE_READ_STORE_FILE) (see SqliteReadStore). */
export function openSqliteReadStore(path: string, options?: SqliteReadStoreOptions): SqliteReadStore {
  return new SqliteReadStore(path, options);
}
