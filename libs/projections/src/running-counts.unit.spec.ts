import type { RunningCount } from './projection';
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
});
