import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  CheckpointConflictError,
  type DocumentWrite,
  ReadStoreUnavailableError,
  SQLITE_READ_STORE_FILE,
  SqliteReadStore,
  type SqliteReadStoreOptions,
} from '@ledger/read-store';
import { readStoreContract } from './read-store.contract';
import { allPages, commitDocs } from './read-store.fixtures';

const tempDirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-read-store-'));
  tempDirs.push(dir);
  return join(dir, 'data', 'read.db');
}
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

readStoreContract('SqliteReadStore', async () => {
  const store = new SqliteReadStore(tempFile());
  return { store, cleanup: () => store.close() };
});

describe('SqliteReadStore', () => {
  const open: SqliteReadStore[] = [];
  const openStore = (path: string, options?: SqliteReadStoreOptions): SqliteReadStore => {
    const store = new SqliteReadStore(path, options);
    open.push(store);
    return store;
  };
  /** A second connection to the file, as an operator with sqlite3 would have. */
  const raw = (path: string): Database.Database => new Database(path);
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });

  it('creates its own file in WAL mode with synchronous=NORMAL (1)', () => {
    const path = tempFile();
    const store = openStore(path, { busyTimeoutMs: 1234 });
    expect(existsSync(path)).toBe(true);
    expect(SQLITE_READ_STORE_FILE).toBe('read.db');
    expect(store.diagnostics()).toMatchObject({
      journalMode: 'wal',
      synchronous: 1,
      busyTimeoutMs: 1234,
      schemaVersion: 1,
    });
  });

  it('refuses a file written by a newer schema version', async () => {
    const path = tempFile();
    await openStore(path).close();
    const db = raw(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => new SqliteReadStore(path)).toThrow(ReadStoreUnavailableError);
  });

  it('keeps documents, checkpoints, generations and indexes across close and reopen', async () => {
    const path = tempFile();
    const store = openStore(path);
    await store.ensureIndexes('trail', [['agency', 'position']]);
    for (let batch = 0; batch < 5; batch++) {
      await commitDocs(
        store,
        'trail',
        Array.from({ length: 100 }, (_, i) => ({
          collection: 'trail',
          id: `e-${batch}-${i}`,
          doc: { agency: `A${i % 3}`, position: batch * 100 + i },
        })),
      );
    }
    const rebuild = await store.beginRebuild('trail', 2);
    await store.commit({
      projection: 'trail',
      generation: rebuild,
      expectedCheckpoint: 0,
      checkpoint: 3,
      writes: [{ collection: 'trail', id: 'r', doc: { agency: 'A0', position: 0 } }],
    });
    await store.close();

    const reopened = openStore(path);
    expect(await reopened.getCheckpoint('trail')).toBe(5);
    expect(await reopened.getCheckpoint('trail', rebuild)).toBe(3);
    expect(await reopened.count('trail')).toBe(500);
    expect(await reopened.get('trail', 'e-4-99')).toEqual({ agency: 'A0', position: 499 });
    const query = { where: { agency: 'A1' }, orderBy: [{ field: 'position', direction: 'desc' as const }] };
    expect((await allPages(reopened, 'trail', { ...query, limit: 100 })).ids).toHaveLength(165);
    expect(reopened.queryPlan('trail', query).join('\n')).toMatch(/USING INDEX rs_trail_/);
    await reopened.switchOver('trail', rebuild);
    expect(await reopened.count('trail')).toBe(1);
  });

  it('serves "agency X between two dates ordered by position" from the expression index, no sort', async () => {
    const store = openStore(tempFile());
    await store.ensureIndexes('trail', [['agency', 'position']]);
    const plan = store
      .queryPlan('trail', {
        where: { agency: 'A1', occurredAt: { gte: '2025-01-01', lt: '2026-01-01' } },
        orderBy: [{ field: 'position' }],
        after: undefined,
      })
      .join('\n');
    expect(plan).toMatch(/SEARCH documents USING INDEX rs_trail_\w+ \(generation=\? AND <expr>=\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('finishes dropping a generation that a crash left behind, on the next open', async () => {
    const path = tempFile();
    const store = openStore(path);
    await commitDocs(
      store,
      'p',
      Array.from({ length: 5000 }, (_, i) => ({ collection: 'c', id: `d${i}`, doc: { i } })),
    );
    await store.close();
    // What a crash between the switch and the purge leaves: a dropped generation that still has documents.
    const db = raw(path);
    db.exec(`UPDATE generations SET state = 'dropped'`);
    db.close();

    const reopened = openStore(path);
    expect(await reopened.count('c')).toBe(0);
    await reopened.close();
    const check = raw(path);
    expect(check.prepare('SELECT COUNT(*) AS n FROM documents').get()).toEqual({ n: 0 });
    expect(check.prepare('SELECT COUNT(*) AS n FROM generations').get()).toEqual({ n: 0 });
    check.close();
  });

  it('a switch-over by one connection is seen whole by another (as the API reads while the projector writes)', async () => {
    const path = tempFile();
    const writer = openStore(path);
    const reader = openStore(path);
    await commitDocs(writer, 'p', [{ collection: 'c', id: 'a', doc: { v: 1 } }]);
    expect(await reader.get('c', 'a')).toEqual({ v: 1 });
    const generation = await writer.beginRebuild('p', 2);
    await writer.commit({
      projection: 'p',
      generation,
      expectedCheckpoint: 0,
      checkpoint: 9,
      writes: [{ collection: 'c', id: 'b', doc: { v: 2 } }],
    });
    expect(await reader.find('c')).toEqual({ items: [{ id: 'a', doc: { v: 1 } }] });
    await writer.switchOver('p', generation);
    expect(await reader.find('c')).toEqual({ items: [{ id: 'b', doc: { v: 2 } }] });
    expect(await reader.getCheckpoint('p')).toBe(9);
  });

  it('maps a locked file to ReadStoreUnavailableError and writes nothing', async () => {
    const path = tempFile();
    const store = openStore(path, { busyTimeoutMs: 50 });
    await commitDocs(store, 'p', [{ collection: 'c', id: 'a', doc: { v: 1 } }]);
    const db = raw(path);
    db.exec('BEGIN IMMEDIATE');
    const error = await commitDocs(store, 'p', [{ collection: 'c', id: 'a', doc: { v: 2 } }]).catch(
      (e: unknown) => e,
    );
    db.exec('ROLLBACK');
    db.close();
    expect(error).toBeInstanceOf(ReadStoreUnavailableError);
    expect(await store.get('c', 'a')).toEqual({ v: 1 });
    expect(await store.getCheckpoint('p')).toBe(1);
  });

  it('refuses every call once closed, with ReadStoreUnavailableError', async () => {
    const store = new SqliteReadStore(tempFile());
    await store.close();
    await expect(store.get('c', 'a')).rejects.toBeInstanceOf(ReadStoreUnavailableError);
    await expect(store.find('c')).rejects.toBeInstanceOf(ReadStoreUnavailableError);
    await expect(store.count('c')).rejects.toBeInstanceOf(ReadStoreUnavailableError);
    await expect(store.getCheckpoint('p')).rejects.toBeInstanceOf(ReadStoreUnavailableError);
    await expect(store.beginRebuild('p', 1)).rejects.toBeInstanceOf(ReadStoreUnavailableError);
    await expect(store.close()).resolves.toBeUndefined();
  });

  describe('bulk loads on the bulk writer thread', () => {
    const chunk = (from: number, to: number): DocumentWrite[] =>
      Array.from({ length: to - from }, (_, i) => ({
        collection: 'totals',
        id: `t${from + i}`,
        doc: { i: from + i },
      }));

    it("takes turns with the store's own writes: a commit and a switch-over queued behind loads in flight", async () => {
      const store = openStore(tempFile(), { busyTimeoutMs: 50 });
      const generation = await store.beginRebuild('p', 1);
      const loads = [0, 1, 2].map((n) =>
        store.bulkLoad({
          projection: 'p',
          generation,
          expectedCheckpoint: n * 100,
          checkpoint: (n + 1) * 100,
          writes: chunk(n * 2000, (n + 1) * 2000),
        }),
      );
      // Another projection commits on the store's own connection while the loads are written on the other.
      const committed = commitDocs(store, 'q', [{ collection: 'q-docs', id: 'a', doc: { q: 1 } }]);
      const switched = Promise.all(loads).then(() => store.switchOver('p', generation));
      await Promise.all([...loads, committed, switched]);
      expect(await store.count('totals')).toBe(6000);
      expect(await store.get('totals', 't5999')).toEqual({ i: 5999 });
      expect(await store.get('q-docs', 'a')).toEqual({ q: 1 });
      expect(await store.getCheckpoint('p')).toBe(300);
    });

    it('close waits for the loads in flight, and another store on the file sees them', async () => {
      const path = tempFile();
      const store = new SqliteReadStore(path);
      const generation = await store.beginRebuild('p', 1);
      const load = store.bulkLoad({
        projection: 'p',
        generation,
        expectedCheckpoint: 0,
        checkpoint: 7,
        writes: chunk(0, 3000),
      });
      await store.close();
      await expect(load).resolves.toBeUndefined();
      const reopened = openStore(path);
      expect(await reopened.getCheckpoint('p', generation)).toBe(7);
      expect(await reopened.loadDocuments(generation, [{ collection: 'totals', id: 't2999' }])).toEqual([
        { i: 2999 },
      ]);
    });

    it('gives the same answers on the caller thread (bulkWriterThread: false)', async () => {
      const store = openStore(tempFile(), { bulkWriterThread: false });
      const generation = await store.beginRebuild('p', 1);
      await store.bulkLoad({
        projection: 'p',
        generation,
        expectedCheckpoint: 0,
        checkpoint: 5,
        writes: [...chunk(0, 10).reverse(), { collection: 'totals', id: 't3', doc: null }],
      });
      await expect(
        store.bulkLoad({ projection: 'p', generation, expectedCheckpoint: 0, checkpoint: 6, writes: [] }),
      ).rejects.toBeInstanceOf(CheckpointConflictError);
      await store.switchOver('p', generation);
      expect(await store.count('totals')).toBe(9);
      expect(await store.get('totals', 't3')).toBeNull();
    });
  });
});
