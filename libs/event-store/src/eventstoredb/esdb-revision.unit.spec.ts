import {
  exactly,
  expectationHolds,
  fromClientCurrentRevision,
  fromClientExpectedRevision,
  toClientExpectedRevision,
  toRevisionNumber,
} from './esdb-revision';

describe('expected revisions', () => {
  it('maps the port to the client and back', () => {
    expect(toClientExpectedRevision('no_stream')).toBe('no_stream');
    expect(toClientExpectedRevision('any')).toBe('any');
    expect(toClientExpectedRevision('stream_exists')).toBe('stream_exists');
    expect(toClientExpectedRevision(0)).toBe(0n);
    expect(toClientExpectedRevision(41)).toBe(41n);
    for (const expected of ['no_stream', 'any', 'stream_exists', 0, 41] as const) {
      expect(fromClientExpectedRevision(toClientExpectedRevision(expected))).toBe(expected);
    }
  });

  it('states a tip exactly: -1 is no_stream', () => {
    expect(exactly(-1)).toBe('no_stream');
    expect(exactly(0)).toBe(0);
    expect(exactly(7)).toBe(7);
  });

  it.each([
    ['any', -1, true],
    ['any', 3, true],
    ['no_stream', -1, true],
    ['no_stream', 0, false],
    ['stream_exists', -1, false],
    ['stream_exists', 0, true],
    [2, 2, true],
    [2, 3, false],
    [0, -1, false],
  ] as const)('%s holds for actual %s: %s', (expected, actual, holds) => {
    expect(expectationHolds(expected, actual)).toBe(holds);
  });
});

describe('current revisions', () => {
  it("'no_stream' is -1, as WrongExpectedRevisionError.actual", () => {
    expect(fromClientCurrentRevision('no_stream')).toBe(-1);
    expect(fromClientCurrentRevision(12n)).toBe(12);
  });

  it('refuses revisions a number cannot hold', () => {
    expect(toRevisionNumber(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toRevisionNumber(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(RangeError);
    expect(() => toRevisionNumber(-1n)).toThrow(RangeError);
  });
});
