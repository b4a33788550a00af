import type { RecordedEvent } from '@ledger/domain';
import type { DocumentRef } from '@ledger/read-store';
import { applyBatch } from './apply-batch';
import type { Projection, RunningCount } from './projection';
import { addCountChanges, changedCount, type CountChanges } from './running-counts';

describe('running counts', () => {
  const byHolder: RunningCount = {
    of: 'steps',
    into: 'counts',
    countedIn: (doc) => {
      const { holder, due } = doc as { holder: string; due: string };
      return [{ id: holder, bucket: due }];
    },
  };
  const changes = (...pairs: Array<[object | null, object | null]>): CountChanges => {
    const out: CountChanges = new Map();
    for (const [before, after] of pairs) addCountChanges(out, byHolder, before, after);
    return out;
  };
  const bucketsOf = (all: CountChanges, id: string) =>
    Object.fromEntries(all.get(`counts\u0000${id}`)?.buckets ?? []);

  it('takes a document out of where it stood and adds it where it stands now', () => {
    const moved = changes(
      [
        { holder: 'A', due: '2026-01-01' },
        { holder: 'B', due: '2026-02-01' },
      ],
      [null, { holder: 'A', due: '2026-03-01' }],
      [{ holder: 'B', due: '2026-04-01' }, null],
    );
    expect(bucketsOf(moved, 'A')).toEqual({ '2026-01-01': -1, '2026-03-01': 1 });
    expect(bucketsOf(moved, 'B')).toEqual({ '2026-02-01': 1, '2026-04-01': -1 });
  });

  it('changes nothing for a document left as it was', () => {
    const same = { holder: 'A', due: '2026-01-01' };
    expect(changes([same, same]).size).toBe(0);
  });

  it('keeps the buckets in order, drops an empty one, and the document once it counts nothing', () => {
    const doc = changedCount(
      null,
      new Map([
        ['2026-05-01', 2],
        ['2026-01-01', 1],
      ]),
    );
    expect(doc).toEqual({ total: 3, buckets: { '2026-01-01': 1, '2026-05-01': 2 } });
    expect(Object.keys(doc?.buckets ?? {})).toEqual(['2026-01-01', '2026-05-01']);
    expect(changedCount(doc, new Map([['2026-05-01', -2]]))).toEqual({
      total: 1,
      buckets: { '2026-01-01': 1 },
    });
    expect(changedCount({ total: 1, buckets: { x: 1 } }, new Map([['x', -1]]))).toBeNull();
  });

  it('refuses a count below zero: a document taken out that was never counted is a bug', () => {
    expect(() => changedCount({ total: 1, buckets: { x: 1 } }, new Map([['y', -1]]))).toThrow(RangeError);
  });

  describe('in a batch of the runner', () => {
    const event = (position: number, holder: string, due: string) =>
      ({
        position,
        stream: `s-${position}`,
        type: 'Step',
        data: { holder, due },
      }) as unknown as RecordedEvent;
    const projection = (countedIn: RunningCount['countedIn']): Projection => ({
      name: 'steps',
      version: 1,
      collections: ['steps', 'counts'],
      counts: [{ of: 'steps', into: 'counts', countedIn }],
      keys: (e) => [{ collection: 'steps', id: (e.data as { holder: string }).holder }],
      reduce: (_doc, e) => ({ ...(e.data as object), lastPosition: e.position }),
    });
    const store = new Map<string, object>();
    const load = async (refs: readonly DocumentRef[]) =>
      refs.map((r) => store.get(`${r.collection}/${r.id}`) ?? null);

    it('commits the counts with the documents, from each document before the batch and after it', async () => {
      store.clear();
      store.set('steps/A', { holder: 'A', due: '2026-01-01' });
      store.set('counts/A', { total: 1, buckets: { '2026-01-01': 1 } });
      const applied = await applyBatch(
        projection(byHolder.countedIn),
        [event(1, 'A', '2026-02-01'), event(2, 'B', '2026-02-01'), event(3, 'A', '2026-03-01')],
        { checkpoint: 0, load },
      );
      expect(applied.failure).toBeUndefined();
      expect(applied.writes.filter((w) => w.collection === 'counts')).toEqual([
        { collection: 'counts', id: 'A', doc: { total: 1, buckets: { '2026-03-01': 1 } } },
        { collection: 'counts', id: 'B', doc: { total: 1, buckets: { '2026-02-01': 1 } } },
      ]);
    });

    it("stops at the batch's first event, writing nothing, when the counting code throws", async () => {
      store.clear();
      const applied = await applyBatch(
        projection(() => {
          throw new Error('no holder');
        }),
        [event(7, 'A', '2026-02-01'), event(8, 'B', '2026-02-01')],
        { checkpoint: 6, load },
      );
      expect(applied).toMatchObject({ writes: [], checkpoint: 6, applied: 0 });
      expect(applied.failure?.event.position).toBe(7);
    });

    it('refuses a key naming a count document: only the runner writes those', async () => {
      const p = { ...projection(byHolder.countedIn), keys: () => [{ collection: 'counts', id: 'A' }] };
      const applied = await applyBatch(p, [event(1, 'A', '2026-02-01')], { checkpoint: 0, load });
      expect(applied.failure?.error).toBeInstanceOf(Error);
      expect(applied.writes).toEqual([]);
    });
  });
});
