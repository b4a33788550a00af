// The ReadStore contract (DESIGN.md, "Read side"): every adapter runs this suite with one line, e.g.
// `readStoreContract('SqliteReadStore', async () => ({ store, cleanup }))`. The factory gives a fresh, empty store.
import {
  CheckpointConflictError,
  GenerationNotFoundError,
  MAX_FIND_LIMIT,
  ReadStoreArgumentError,
  type DocumentWrite,
  type Filter,
  type OrderBy,
  type ReadStore,
} from '@ledger/read-store';
import { activeGeneration, allPages, commitDocs } from './read-store.fixtures';

export interface ReadStoreUnderTest {
  store: ReadStore;
  cleanup(): Promise<void>;
}

type Doc = Record<string, unknown>;

const AGENCIES = ['LDTBXH-BAC-AI', 'YTE-BAC-AI', 'GDDT-BAC-AI', 'NHCSXH-BAC-AI'];
const DAY = 86_400_000;

/** An accountability trail entry per event position, inserted in a scrambled order. */
function trailEntries(count: number): DocumentWrite[] {
  const entries = Array.from({ length: count }, (_, k) => {
    const i = k + 1;
    const doc: Doc = {
      position: i,
      agency: AGENCIES[i % AGENCIES.length],
      occurredAt: new Date(Date.UTC(2025, 0, 1) + i * DAY).toISOString(),
      type: i % 3 === 0 ? 'HouseCompleted' : 'SubsidyPaid',
      amount: (i % 7) * 1000,
      actor: { officer: `can-bo-${i % 5}`, agency: AGENCIES[i % AGENCIES.length] },
      corrected: i % 10 === 0,
    };
    if (i % 6 !== 0) doc.commune = i % 2 === 1 ? 'PHUOC-DAI' : 'PHUOC-TIEN';
    return { collection: 'trail', id: `evt-${String(i).padStart(3, '0')}`, doc };
  });
  return scramble(entries);
}

/** Deterministic shuffle, so that no adapter can pass by returning insertion order. */
function scramble<T>(items: T[]): T[] {
  const out = [...items];
  let seed = 42;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function pick(doc: unknown, field: string): unknown {
  let value: unknown = doc;
  for (const segment of field.split('.')) {
    if (typeof value !== 'object' || value === null) return null;
    value = (value as Doc)[segment];
  }
  return value ?? null;
}

/** The order the contract promises, for numbers or strings: null/missing first in asc, last in desc; ties by id. */
function expectedOrder(writes: readonly DocumentWrite[], orderBy: readonly OrderBy[]): string[] {
  const last = orderBy.length > 0 ? (orderBy[orderBy.length - 1].direction ?? 'asc') : 'asc';
  const compareValues = (a: unknown, b: unknown): number => {
    if (a === b) return 0;
    if (a === null) return -1;
    if (b === null) return 1;
    return (a as number | string) < (b as number | string) ? -1 : 1;
  };
  return [...writes]
    .sort((x, y) => {
      for (const { field, direction } of orderBy) {
        const c = compareValues(pick(x.doc, field), pick(y.doc, field));
        if (c !== 0) return direction === 'desc' ? -c : c;
      }
      const c = x.id < y.id ? -1 : 1;
      return last === 'desc' ? -c : c;
    })
    .map((w) => w.id);
}

const idsWhere = (writes: readonly DocumentWrite[], keep: (doc: Doc) => boolean): string[] =>
  writes
    .filter((w) => keep(w.doc as Doc))
    .map((w) => w.id)
    .sort();

export function readStoreContract(name: string, factory: () => Promise<ReadStoreUnderTest>): void {
  describe(`ReadStore contract: ${name}`, () => {
    let store: ReadStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await factory());
    });

    afterEach(async () => {
      await cleanup();
    });

    const findIds = async (collection: string, where?: Filter, orderBy?: OrderBy[]): Promise<string[]> =>
      (await allPages(store, collection, { where, orderBy, limit: MAX_FIND_LIMIT })).ids;
    const sortedIds = async (collection: string, where?: Filter): Promise<string[]> =>
      (await findIds(collection, where)).sort();

    describe('documents', () => {
      it('upserts, gets, replaces and deletes documents, with every JSON value intact', async () => {
        const doc = {
          beneficiary: 'hmac:7f3a',
          commune: 'Xã Phước Đại',
          note: 'Hộ nghèo đồng bào Raglai — ưu tiên',
          amount: 60_000_000,
          ratio: 0.375,
          negative: -12.5,
          flags: [true, false, null],
          nested: { empty: {}, list: [], deeper: { at: '2025-06-30T00:00:00.000Z' } },
        };
        await commitDocs(store, 'p', [{ collection: 'houses', id: 'h/1 ü', doc }]);
        expect(await store.get('houses', 'h/1 ü')).toEqual(doc);

        await commitDocs(store, 'p', [{ collection: 'houses', id: 'h/1 ü', doc: { replaced: true } }]);
        expect(await store.get('houses', 'h/1 ü')).toEqual({ replaced: true });

        await commitDocs(store, 'p', [
          { collection: 'houses', id: 'h/1 ü', doc: null },
          { collection: 'houses', id: 'never-existed', doc: null },
        ]);
        expect(await store.get('houses', 'h/1 ü')).toBeNull();
        expect(await store.count('houses')).toBe(0);
      });

      it('keeps collections apart and answers an unknown collection with nothing', async () => {
        await commitDocs(store, 'p', [
          { collection: 'a', id: 'x', doc: { in: 'a' } },
          { collection: 'b', id: 'x', doc: { in: 'b' } },
        ]);
        expect(await store.get('a', 'x')).toEqual({ in: 'a' });
        expect(await store.get('b', 'x')).toEqual({ in: 'b' });
        expect(await store.get('unknown', 'x')).toBeNull();
        expect(await store.find('unknown')).toEqual({ items: [] });
        expect(await store.count('unknown')).toBe(0);
      });

      it('applies the writes of one batch in order: a later write of the same document wins', async () => {
        await commitDocs(store, 'p', [
          { collection: 'c', id: 'x', doc: { n: 1 } },
          { collection: 'c', id: 'x', doc: { n: 2 } },
          { collection: 'c', id: 'y', doc: { n: 1 } },
          { collection: 'c', id: 'y', doc: null },
        ]);
        expect(await store.get('c', 'x')).toEqual({ n: 2 });
        expect(await store.get('c', 'y')).toBeNull();
      });

      it('refuses malformed names and documents that JSON would change, naming the argument', async () => {
        await expect(store.get('no spaces', 'x')).rejects.toBeInstanceOf(ReadStoreArgumentError);
        await expect(store.get('c', '')).rejects.toBeInstanceOf(ReadStoreArgumentError);
        for (const bad of [[1], new Date(), { n: NaN }, { list: [1, undefined] }, { when: new Date() }]) {
          const error = await commitDocs(store, 'p', [{ collection: 'c', id: 'x', doc: bad }]).catch(
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(ReadStoreArgumentError);
          expect((error as ReadStoreArgumentError).argument).toMatch(/^writes\[0\]\.doc/);
        }
        expect(await store.count('c')).toBe(0);
      });
    });

    describe('filters', () => {
      const entries = trailEntries(60);
      beforeEach(async () => {
        await commitDocs(store, 'trail', entries);
      });

      it('equality on top-level and dotted fields, several fields together', async () => {
        expect(await sortedIds('trail', { agency: 'YTE-BAC-AI' })).toEqual(
          idsWhere(entries, (d) => d.agency === 'YTE-BAC-AI'),
        );
        expect(await sortedIds('trail', { 'actor.officer': 'can-bo-3', type: 'HouseCompleted' })).toEqual(
          idsWhere(entries, (d) => pick(d, 'actor.officer') === 'can-bo-3' && d.type === 'HouseCompleted'),
        );
        expect(await sortedIds('trail', { corrected: true, amount: 0 })).toEqual(
          idsWhere(entries, (d) => d.corrected === true && d.amount === 0),
        );
        expect(await sortedIds('trail', { position: { eq: 7 } })).toEqual(['evt-007']);
        expect(await sortedIds('trail', { agency: 'NOBODY' })).toEqual([]);
      });

      it('null matches a field that is null or missing', async () => {
        expect(await sortedIds('trail', { commune: null })).toEqual(
          idsWhere(entries, (d) => !('commune' in d)),
        );
        expect(await sortedIds('trail', { 'actor.missing': null })).toHaveLength(60);
      });

      it('in, over strings and numbers; an empty list matches nothing', async () => {
        expect(await sortedIds('trail', { agency: { in: ['LDTBXH-BAC-AI', 'GDDT-BAC-AI'] } })).toEqual(
          idsWhere(entries, (d) => d.agency === 'LDTBXH-BAC-AI' || d.agency === 'GDDT-BAC-AI'),
        );
        expect(await sortedIds('trail', { position: { in: [3, 5, 999] } })).toEqual(['evt-003', 'evt-005']);
        expect(await sortedIds('trail', { position: { in: [] } })).toEqual([]);
      });

      it('ranges over numbers and ISO dates, inclusive and exclusive', async () => {
        expect(await sortedIds('trail', { position: { gt: 10, lte: 15 } })).toEqual(
          idsWhere(entries, (d) => (d.position as number) > 10 && (d.position as number) <= 15),
        );
        expect(await sortedIds('trail', { amount: { gte: 5000 } })).toEqual(
          idsWhere(entries, (d) => (d.amount as number) >= 5000),
        );
        const from = '2025-01-20T00:00:00.000Z';
        const to = '2025-02-10T00:00:00.000Z';
        expect(await sortedIds('trail', { occurredAt: { gte: from, lt: to } })).toEqual(
          idsWhere(entries, (d) => (d.occurredAt as string) >= from && (d.occurredAt as string) < to),
        );
        expect(await sortedIds('trail', { occurredAt: { lt: '2025-01-03' } })).toEqual(['evt-001']);
      });

      it('answers "trail of agency X between two dates ordered by position", with or without an index', async () => {
        const query = {
          where: { agency: 'GDDT-BAC-AI', occurredAt: { gte: '2025-01-15', lte: '2025-02-20T23:59:59Z' } },
          orderBy: [{ field: 'position' }],
        };
        const expected = entries
          .filter((w) => {
            const d = w.doc as Doc;
            const at = d.occurredAt as string;
            return d.agency === 'GDDT-BAC-AI' && at >= '2025-01-15' && at <= '2025-02-20T23:59:59Z';
          })
          .sort((a, b) => (pick(a.doc, 'position') as number) - (pick(b.doc, 'position') as number))
          .map((w) => w.id);
        expect(expected.length).toBeGreaterThan(3);
        expect((await allPages(store, 'trail', { ...query, limit: 2 })).ids).toEqual(expected);
        await store.ensureIndexes('trail', [
          ['agency', 'position'],
          ['agency', 'occurredAt'],
        ]);
        await store.ensureIndexes('trail', [['agency', 'position']]);
        expect((await allPages(store, 'trail', { ...query, limit: 2 })).ids).toEqual(expected);
      });

      it('compares typed: a number never matches a string, a boolean never matches a number', async () => {
        const values: unknown[] = [5, '5', true, 1, null, undefined, 'b', 2.5, { x: 1 }, [1]];
        await commitDocs(
          store,
          'mixed',
          values.map((v, i) => ({ collection: 'mixed', id: `m${i}`, doc: v === undefined ? {} : { v } })),
        );
        const ids = (...indexes: number[]): string[] => indexes.map((i) => `m${i}`).sort();
        expect(await sortedIds('mixed', { v: 5 })).toEqual(ids(0));
        expect(await sortedIds('mixed', { v: '5' })).toEqual(ids(1));
        expect(await sortedIds('mixed', { v: true })).toEqual(ids(2));
        expect(await sortedIds('mixed', { v: 1 })).toEqual(ids(3));
        expect(await sortedIds('mixed', { v: null })).toEqual(ids(4, 5));
        expect(await sortedIds('mixed', { v: { in: [5, 'b', true, null] } })).toEqual(ids(0, 2, 4, 5, 6));
        expect(await sortedIds('mixed', { v: { gte: 1 } })).toEqual(ids(0, 3, 7));
        expect(await sortedIds('mixed', { v: { gte: 'a' } })).toEqual(ids(6));
        expect(await sortedIds('mixed', { v: { lt: 'z' } })).toEqual(ids(1, 6));
        expect(await store.count('mixed', { v: { gt: 0, lt: 100 } })).toBe(3);
      });

      it('refuses malformed filters', async () => {
        const bad: unknown[] = [
          { 'no spaces': 1 },
          { $where: 1 },
          { a: { like: 'x' } },
          { a: {} },
          { a: { gte: 1, lt: 'z' } },
          { a: { gt: 1, gte: 2 } },
          { a: { in: 'x' } },
          { a: [1, 2] },
          { a: NaN },
        ];
        for (const where of bad) {
          await expect(store.find('trail', { where: where as Filter })).rejects.toBeInstanceOf(
            ReadStoreArgumentError,
          );
          await expect(store.count('trail', where as Filter)).rejects.toBeInstanceOf(ReadStoreArgumentError);
        }
      });
    });

    describe('order and pages', () => {
      const items: DocumentWrite[] = scramble(
        Array.from({ length: 137 }, (_, i) => {
          const doc: Doc = { bucket: i % 5, group: i % 2 === 1 ? 'odd' : 'even', name: `n-${(i * 7) % 13}` };
          if (i % 4 !== 0) doc.score = (i * 37) % 11;
          return { collection: 'items', id: `item-${(i * 7919) % 1000}`, doc };
        }),
      );
      beforeEach(async () => {
        await commitDocs(store, 'items', items);
      });

      const queries: Array<{ title: string; where?: Filter; orderBy: OrderBy[]; limit: number }> = [
        { title: 'by id only', orderBy: [], limit: 10 },
        {
          title: 'two keys, mixed directions, filtered',
          where: { group: 'odd' },
          orderBy: [{ field: 'bucket' }, { field: 'score', direction: 'desc' }],
          limit: 7,
        },
        {
          title: 'a key with missing values, asc',
          orderBy: [{ field: 'score', direction: 'asc' }],
          limit: 9,
        },
        {
          title: 'a key with missing values, desc',
          orderBy: [{ field: 'score', direction: 'desc' }],
          limit: 9,
        },
        {
          title: 'strings desc then numbers asc',
          orderBy: [{ field: 'name', direction: 'desc' }, { field: 'score' }],
          limit: 13,
        },
        {
          title: 'pages that end exactly on the last document',
          where: { bucket: { in: [0, 1] } },
          orderBy: [{ field: 'bucket', direction: 'desc' }],
          limit: 5,
        },
      ];

      for (const query of queries) {
        it(`sorts and pages without duplicates or gaps: ${query.title}`, async () => {
          const matching = items.filter((w) =>
            Object.entries(query.where ?? {}).every(([field, condition]) => {
              const value = pick(w.doc, field);
              return typeof condition === 'object' && condition !== null && 'in' in condition
                ? (condition.in ?? []).includes(value as number)
                : value === condition;
            }),
          );
          const expected = expectedOrder(matching, query.orderBy);
          const { ids, pages } = await allPages(store, 'items', query);
          expect(ids).toEqual(expected);
          expect(new Set(ids).size).toBe(ids.length);
          expect(pages).toBe(Math.max(1, Math.ceil(expected.length / query.limit)));
          const firstPage = await store.find('items', query);
          expect(firstPage.items.length).toBe(Math.min(query.limit, expected.length));
        });
      }

      it('a document that stays unchanged while pages are read appears exactly once', async () => {
        const orderBy: OrderBy[] = [{ field: 'bucket' }, { field: 'score', direction: 'desc' }];
        const seen: string[] = [];
        let after: string | undefined;
        let round = 0;
        const removed = new Set<string>();
        do {
          const page = await store.find('items', { orderBy, limit: 10, ...(after ? { after } : {}) });
          seen.push(...page.items.map((item) => item.id));
          after = page.nextCursor;
          // Between pages: insert documents on both sides of the cursor and delete one already read and
          // one not read yet; offset paging would then skip or repeat documents.
          round++;
          if (round > 100) throw new Error('more than 100 pages of 10: the cursor does not advance');
          const unread = items.find((w) => !seen.includes(w.id) && !removed.has(w.id));
          const writes: DocumentWrite[] = [
            { collection: 'items', id: `new-${round}-a`, doc: { bucket: 0, score: 99 } },
            { collection: 'items', id: `new-${round}-b`, doc: { bucket: 4, score: -1 } },
            { collection: 'items', id: seen[0], doc: null },
          ];
          if (unread) {
            writes.push({ collection: 'items', id: unread.id, doc: null });
            removed.add(unread.id);
          }
          await commitDocs(store, 'items', writes);
        } while (after !== undefined);

        const stable = items.map((w) => w.id).filter((id) => !removed.has(id));
        const counts = new Map<string, number>();
        for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + 1);
        for (const id of stable) expect([id, counts.get(id)]).toEqual([id, 1]);
        expect(Math.max(...counts.values())).toBe(1);
      });

      it('defaults to 50 documents a page, allows up to 500 and refuses more', async () => {
        const first = await store.find('items');
        expect(first.items).toHaveLength(50);
        expect(first.nextCursor).toEqual(expect.any(String));
        expect((await store.find('items', { limit: MAX_FIND_LIMIT })).items).toHaveLength(137);
        for (const limit of [0, -1, 1.5, MAX_FIND_LIMIT + 1]) {
          await expect(store.find('items', { limit })).rejects.toBeInstanceOf(ReadStoreArgumentError);
        }
      });

      it('refuses a cursor from another query or that is not a cursor', async () => {
        const page = await store.find('items', { orderBy: [{ field: 'bucket' }], limit: 5 });
        const cursor = page.nextCursor as string;
        await expect(
          store.find('items', { orderBy: [{ field: 'score' }], limit: 5, after: cursor }),
        ).rejects.toBeInstanceOf(ReadStoreArgumentError);
        await expect(
          store.find('other', { orderBy: [{ field: 'bucket' }], after: cursor }),
        ).rejects.toBeInstanceOf(ReadStoreArgumentError);
        for (const after of ['not-a-cursor', 'e30', Buffer.from('{"q":1}').toString('base64url')]) {
          await expect(store.find('items', { after })).rejects.toBeInstanceOf(ReadStoreArgumentError);
        }
        await expect(store.find('items', { orderBy: [{ field: 'bad field' }] })).rejects.toBeInstanceOf(
          ReadStoreArgumentError,
        );
      });

      it('counts a collection, with and without a filter', async () => {
        expect(await store.count('items')).toBe(137);
        expect(await store.count('items', { group: 'odd', bucket: { gte: 3 } })).toBe(
          items.filter((w) => pick(w.doc, 'group') === 'odd' && (pick(w.doc, 'bucket') as number) >= 3)
            .length,
        );
        expect(await store.count('items', { score: null })).toBe(35);
      });
    });

    describe('checkpoints and atomic batches', () => {
      it('a projection never built has checkpoint 0 and no active generation', async () => {
        expect(await store.getCheckpoint('new-projection')).toBe(0);
        expect(await store.activeGeneration('new-projection')).toBeNull();
      });

      it('commits documents together with the checkpoint', async () => {
        const generation = await activeGeneration(store, 'p');
        await store.commit({
          projection: 'p',
          generation,
          expectedCheckpoint: 0,
          checkpoint: 17,
          writes: [{ collection: 'c', id: 'x', doc: { n: 1 } }],
        });
        expect(await store.getCheckpoint('p')).toBe(17);
        expect(await store.activeGeneration('p')).toEqual({
          projection: 'p',
          generation,
          version: 1,
          checkpoint: 17,
        });
        // A batch of events that touched no document still moves the checkpoint.
        await store.commit({
          projection: 'p',
          generation,
          expectedCheckpoint: 17,
          checkpoint: 40,
          writes: [],
        });
        expect(await store.getCheckpoint('p')).toBe(40);
        expect(await store.get('c', 'x')).toEqual({ n: 1 });
      });

      it('refuses a batch computed on another checkpoint, and writes none of it', async () => {
        const generation = await activeGeneration(store, 'p');
        await store.commit({ projection: 'p', generation, expectedCheckpoint: 0, checkpoint: 5, writes: [] });
        for (const expectedCheckpoint of [0, 4, 6]) {
          const error = await store
            .commit({
              projection: 'p',
              generation,
              expectedCheckpoint,
              checkpoint: 9,
              writes: [{ collection: 'c', id: 'x', doc: { n: 1 } }],
            })
            .catch((e: unknown) => e);
          expect(error).toBeInstanceOf(CheckpointConflictError);
          expect(error).toMatchObject({ projection: 'p', expected: expectedCheckpoint, actual: 5 });
        }
        expect(await store.getCheckpoint('p')).toBe(5);
        expect(await store.get('c', 'x')).toBeNull();
        await expect(
          store.commit({ projection: 'p', generation, expectedCheckpoint: 5, checkpoint: 4, writes: [] }),
        ).rejects.toBeInstanceOf(ReadStoreArgumentError);
      });

      it('a batch that fails part-way leaves neither its documents nor its checkpoint', async () => {
        await commitDocs(store, 'other', [{ collection: 'theirs', id: 't', doc: { n: 1 } }]);
        await commitDocs(store, 'p', [{ collection: 'c', id: 'kept', doc: { n: 1 } }]);
        const generation = await activeGeneration(store, 'p');
        const attempt = (writes: DocumentWrite[]) =>
          store
            .commit({ projection: 'p', generation, expectedCheckpoint: 1, checkpoint: 10, writes })
            .catch((e: unknown) => e);

        // Fails inside the write: a collection that another projection writes.
        const owned = await attempt([
          { collection: 'c', id: 'kept', doc: { n: 2 } },
          { collection: 'c', id: 'new', doc: { n: 1 } },
          { collection: 'theirs', id: 't', doc: { n: 666 } },
        ]);
        expect(owned).toBeInstanceOf(ReadStoreArgumentError);
        expect((owned as ReadStoreArgumentError).argument).toBe('writes[2].collection');
        // Fails on a document: nothing of the batch either.
        const notJson = await attempt([
          { collection: 'c', id: 'kept', doc: { n: 2 } },
          { collection: 'c', id: 'new', doc: { n: Infinity } },
        ]);
        expect(notJson).toBeInstanceOf(ReadStoreArgumentError);
        expect((notJson as ReadStoreArgumentError).argument).toBe('writes[1].doc.n');

        expect(await store.getCheckpoint('p')).toBe(1);
        expect(await store.get('c', 'kept')).toEqual({ n: 1 });
        expect(await store.get('c', 'new')).toBeNull();
        expect(await store.get('theirs', 't')).toEqual({ n: 1 });
        expect(await attempt([{ collection: 'c', id: 'new', doc: { n: 1 } }])).toBeUndefined();
        expect(await store.getCheckpoint('p')).toBe(10);
      });

      it('refuses a generation that does not exist or belongs to another projection', async () => {
        const generation = await activeGeneration(store, 'p');
        const commit = (projection: string, g: number) =>
          store.commit({ projection, generation: g, expectedCheckpoint: 0, checkpoint: 1, writes: [] });
        await expect(commit('p', generation + 1000)).rejects.toBeInstanceOf(GenerationNotFoundError);
        await expect(commit('q', generation)).rejects.toBeInstanceOf(GenerationNotFoundError);
        await expect(store.getCheckpoint('q', generation)).rejects.toBeInstanceOf(GenerationNotFoundError);
        await expect(store.switchOver('q', generation)).rejects.toBeInstanceOf(GenerationNotFoundError);
      });

      it('loadDocuments reads one generation, aligned with the refs', async () => {
        await commitDocs(store, 'p', [
          { collection: 'a', id: '1', doc: { a: 1 } },
          { collection: 'b', id: '1', doc: { b: 1 } },
        ]);
        const generation = await activeGeneration(store, 'p');
        expect(
          await store.loadDocuments(generation, [
            { collection: 'b', id: '1' },
            { collection: 'a', id: 'missing' },
            { collection: 'a', id: '1' },
          ]),
        ).toEqual([{ b: 1 }, null, { a: 1 }]);
        expect(await store.loadDocuments(generation, [])).toEqual([]);
      });
    });

    describe('rebuild generations', () => {
      const old: DocumentWrite[] = Array.from({ length: 30 }, (_, i) => ({
        collection: 'totals',
        id: `t${i}`,
        doc: { generation: 'old', i },
      }));
      beforeEach(async () => {
        await commitDocs(store, 'p', old);
      });

      const snapshot = async () => ({
        count: await store.count('totals'),
        ids: await sortedIds('totals'),
        first: await store.get('totals', 't0'),
        checkpoint: await store.getCheckpoint('p'),
      });

      it('a rebuild is invisible to readers until switchOver, then replaces the old generation whole', async () => {
        const before = await snapshot();
        const oldGeneration = await activeGeneration(store, 'p');
        const generation = await store.beginRebuild('p', 2);
        expect(generation).not.toBe(oldGeneration);
        expect(await store.getCheckpoint('p', generation)).toBe(0);

        const rebuilt: DocumentWrite[] = Array.from({ length: 20 }, (_, i) => ({
          collection: 'totals',
          id: `t${i * 2}`,
          doc: { generation: 'new', i },
        }));
        await store.commit({
          projection: 'p',
          generation,
          expectedCheckpoint: 0,
          checkpoint: 50,
          writes: rebuilt.slice(0, 10),
        });
        await store.commit({
          projection: 'p',
          generation,
          expectedCheckpoint: 50,
          checkpoint: 90,
          writes: [...rebuilt.slice(10), { collection: 'only-in-v2', id: 'x', doc: { v: 2 } }],
        });

        expect(await snapshot()).toEqual(before);
        expect(await store.get('only-in-v2', 'x')).toBeNull();
        expect(await store.find('only-in-v2')).toEqual({ items: [] });
        expect(await store.activeGeneration('p')).toMatchObject({
          generation: oldGeneration,
          version: 1,
          checkpoint: 1,
        });
        expect(await store.getCheckpoint('p', generation)).toBe(90);
        expect(
          await store.loadDocuments(generation, [
            { collection: 'totals', id: 't0' },
            { collection: 'totals', id: 't1' },
          ]),
        ).toEqual([{ generation: 'new', i: 0 }, null]);
        expect(await store.loadDocuments(oldGeneration, [{ collection: 'totals', id: 't1' }])).toEqual([
          { generation: 'old', i: 1 },
        ]);

        await store.switchOver('p', generation);
        expect(await sortedIds('totals')).toEqual(rebuilt.map((w) => w.id).sort());
        expect(await store.get('totals', 't0')).toEqual({ generation: 'new', i: 0 });
        expect(await store.get('totals', 't1')).toBeNull();
        expect(await store.get('only-in-v2', 'x')).toEqual({ v: 2 });
        expect(await store.getCheckpoint('p')).toBe(90);
        expect(await store.activeGeneration('p')).toEqual({
          projection: 'p',
          generation,
          version: 2,
          checkpoint: 90,
        });

        // The old generation is gone for writers too; the switch is idempotent.
        await expect(
          store.commit({
            projection: 'p',
            generation: oldGeneration,
            expectedCheckpoint: 1,
            checkpoint: 2,
            writes: [],
          }),
        ).rejects.toBeInstanceOf(GenerationNotFoundError);
        await expect(store.switchOver('p', oldGeneration)).rejects.toBeInstanceOf(GenerationNotFoundError);
        await store.switchOver('p', generation);
        expect(await store.getCheckpoint('p')).toBe(90);
      });

      it('readers see either the whole old generation or the whole new one, never a mix', async () => {
        const generation = await store.beginRebuild('p', 2);
        const rebuilt = Array.from({ length: 25 }, (_, i) => ({
          collection: 'totals',
          id: `t${i}`,
          doc: { generation: 'new', i },
        }));
        await store.commit({
          projection: 'p',
          generation,
          expectedCheckpoint: 0,
          checkpoint: 7,
          writes: rebuilt,
        });

        let switched = false;
        const observations: string[] = [];
        const reader = async (): Promise<void> => {
          let afterSwitch = 0;
          for (let round = 0; afterSwitch < 5; round++) {
            if (round > 10_000) throw new Error('the switch-over never completed');
            if (switched) afterSwitch++;
            // A macrotask turn between reads, as network I/O would give, so the switch can interleave.
            await new Promise((resolve) => setImmediate(resolve));
            const [page, count] = [
              await store.find('totals', { limit: MAX_FIND_LIMIT }),
              await store.count('totals'),
            ];
            const generations = new Set(page.items.map((item) => item.doc.generation));
            expect(generations.size).toBe(1);
            const seen = [...generations][0] as string;
            expect(page.items).toHaveLength(seen === 'old' ? 30 : 25);
            expect([30, 25]).toContain(count);
            observations.push(seen);
          }
        };
        await Promise.all([
          reader(),
          reader(),
          (async () => {
            // Let the readers see the old generation first.
            while (observations.length < 6) await new Promise((resolve) => setImmediate(resolve));
            await store.switchOver('p', generation);
            switched = true;
          })(),
        ]);
        expect(observations.slice(0, 6)).toEqual(Array(6).fill('old'));
        expect(observations.slice(-2)).toEqual(['new', 'new']);
      });

      it('a new rebuild drops an unfinished one; discardRebuild drops one without touching readers', async () => {
        const before = await snapshot();
        const first = await store.beginRebuild('p', 2);
        await store.commit({
          projection: 'p',
          generation: first,
          expectedCheckpoint: 0,
          checkpoint: 3,
          writes: [{ collection: 'totals', id: 'z', doc: {} }],
        });
        const second = await store.beginRebuild('p', 2);
        expect([first]).not.toContain(second);
        await expect(store.getCheckpoint('p', first)).rejects.toBeInstanceOf(GenerationNotFoundError);
        await expect(
          store.commit({
            projection: 'p',
            generation: first,
            expectedCheckpoint: 3,
            checkpoint: 4,
            writes: [],
          }),
        ).rejects.toBeInstanceOf(GenerationNotFoundError);

        await store.commit({
          projection: 'p',
          generation: second,
          expectedCheckpoint: 0,
          checkpoint: 3,
          writes: [{ collection: 'totals', id: 'z', doc: {} }],
        });
        await store.discardRebuild('p', second);
        await expect(store.switchOver('p', second)).rejects.toBeInstanceOf(GenerationNotFoundError);
        expect(await snapshot()).toEqual(before);

        const active = await activeGeneration(store, 'p');
        await expect(store.discardRebuild('p', active)).rejects.toBeInstanceOf(ReadStoreArgumentError);
        const third = await store.beginRebuild('p', 3);
        expect(new Set([active, first, second, third]).size).toBe(4);
      });

      it('bulkLoad writes large chunks of a rebuild with their checkpoint, seen by readers only after switchOver', async () => {
        const before = await snapshot();
        const generation = await store.beginRebuild('p', 2);
        const chunk = (from: number, to: number): DocumentWrite[] =>
          Array.from({ length: to - from }, (_, i) => ({
            collection: 'totals',
            id: `t${from + i}`,
            doc: { generation: 'bulk', i: from + i },
          }));
        // Out of key order, a document written twice in one chunk (the later wins) and one deleted later.
        await store.bulkLoad({
          projection: 'p',
          generation,
          expectedCheckpoint: 0,
          checkpoint: 700,
          writes: [...chunk(500, 1200).reverse(), { collection: 'totals', id: 't600', doc: { twice: true } }],
        });
        await store.bulkLoad({
          projection: 'p',
          generation,
          expectedCheckpoint: 700,
          checkpoint: 1200,
          writes: [...chunk(0, 500), { collection: 'totals', id: 't1199', doc: null }],
        });
        expect(await snapshot()).toEqual(before);
        expect(await store.getCheckpoint('p', generation)).toBe(1200);

        await store.switchOver('p', generation);
        expect(await store.count('totals')).toBe(1199);
        expect(await store.get('totals', 't600')).toEqual({ twice: true });
        expect(await store.get('totals', 't1198')).toEqual({ generation: 'bulk', i: 1198 });
        expect(await store.get('totals', 't1199')).toBeNull();
        expect(await store.getCheckpoint('p')).toBe(1200);
      });

      it("bulkLoad refuses an active generation, another checkpoint, another projection's collection and non-JSON, writing nothing", async () => {
        const active = await activeGeneration(store, 'p');
        const write = (id: string): DocumentWrite => ({ collection: 'totals', id, doc: { v: id } });
        await expect(
          store.bulkLoad({
            projection: 'p',
            generation: active,
            expectedCheckpoint: 1,
            checkpoint: 2,
            writes: [write('a')],
          }),
        ).rejects.toBeInstanceOf(ReadStoreArgumentError);
        await commitDocs(store, 'q', [{ collection: 'q-docs', id: 'x', doc: { v: 1 } }]);
        const generation = await store.beginRebuild('p', 2);
        await expect(
          store.bulkLoad({
            projection: 'p',
            generation,
            expectedCheckpoint: 3,
            checkpoint: 4,
            writes: [write('b')],
          }),
        ).rejects.toBeInstanceOf(CheckpointConflictError);
        await expect(
          store.bulkLoad({
            projection: 'p',
            generation,
            expectedCheckpoint: 0,
            checkpoint: 4,
            writes: [write('c'), { collection: 'q-docs', id: 'y', doc: { v: 2 } }],
          }),
        ).rejects.toBeInstanceOf(ReadStoreArgumentError);
        await expect(
          store.bulkLoad({
            projection: 'p',
            generation,
            expectedCheckpoint: 0,
            checkpoint: 4,
            writes: [write('d'), { collection: 'totals', id: 'e', doc: { n: Number.NaN } }],
          }),
        ).rejects.toBeInstanceOf(ReadStoreArgumentError);
        await expect(
          store.bulkLoad({
            projection: 'p',
            generation: generation + 1000,
            expectedCheckpoint: 0,
            checkpoint: 1,
            writes: [],
          }),
        ).rejects.toBeInstanceOf(GenerationNotFoundError);
        expect(await store.getCheckpoint('p', generation)).toBe(0);
        expect(
          await store.loadDocuments(
            generation,
            ['a', 'b', 'c', 'd', 'e'].map((id) => ({ collection: 'totals', id })),
          ),
        ).toEqual([null, null, null, null, null]);
        expect(await store.loadDocuments(active, [{ collection: 'totals', id: 'a' }])).toEqual([null]);
        expect(await store.get('q-docs', 'y')).toBeNull();
      });

      it('rebuilding one projection leaves the others alone', async () => {
        await commitDocs(store, 'q', [{ collection: 'q-docs', id: 'a', doc: { q: 1 } }]);
        const generation = await store.beginRebuild('p', 2);
        await store.switchOver('p', generation);
        expect(await store.count('totals')).toBe(0);
        expect(await store.get('q-docs', 'a')).toEqual({ q: 1 });
        expect(await store.getCheckpoint('q')).toBe(1);
      });
    });
  });
}
