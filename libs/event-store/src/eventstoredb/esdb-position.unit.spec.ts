import { readFrom, toLogPosition, toPortPosition } from './esdb-position';

describe('toPortPosition', () => {
  it('doubles the commit position, so positions increase but are never contiguous', () => {
    expect(toPortPosition(1n)).toBe(2);
    expect(toPortPosition(123_456n)).toBe(246_912);
    const commits = [1_000n, 1_187n, 1_400n];
    const positions = commits.map(toPortPosition);
    for (let i = 1; i < positions.length; i++) expect(positions[i]).toBeGreaterThan(positions[i - 1] + 1);
  });

  it('is exact up to the largest safe commit position and throws past it', () => {
    const max = BigInt(Math.floor(Number.MAX_SAFE_INTEGER / 2));
    expect(toPortPosition(max)).toBe(Number(max) * 2);
    expect(Number.isSafeInteger(toPortPosition(max))).toBe(true);
    expect(() => toPortPosition(max + 1n)).toThrow(RangeError);
    expect(() => toPortPosition(-1n)).toThrow(RangeError);
  });

  it('round-trips through toLogPosition', () => {
    for (const commit of [1n, 4_096n, 987_654_321n]) {
      expect(toLogPosition(toPortPosition(commit))).toEqual({ commit, prepare: commit });
    }
  });
});

describe('readFrom', () => {
  it('reads from the first event for 0 and 1 (checkPosition turns 0 into 1)', () => {
    expect(readFrom(1)).toEqual({ kind: 'start' });
    expect(readFrom(0)).toEqual({ kind: 'start' });
  });

  it("an event's position reads from that event, inclusive", () => {
    expect(readFrom(2_000)).toEqual({
      kind: 'at',
      at: { commit: 1_000n, prepare: 1_000n },
      minPosition: 2_000,
    });
  });

  it("an event's position + 1 reads from that event and skips it", () => {
    const start = readFrom(2_001);
    expect(start).toEqual({ kind: 'at', at: { commit: 1_000n, prepare: 1_000n }, minPosition: 2_001 });
    // The event at commit 1000 (port position 2000) is below minPosition; the next one is not.
    expect(toPortPosition(1_000n)).toBeLessThan(2_001);
    expect(toPortPosition(1_001n)).toBeGreaterThanOrEqual(2_001);
  });
});
