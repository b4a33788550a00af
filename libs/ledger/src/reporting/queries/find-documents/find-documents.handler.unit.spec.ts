import { rangeFirst } from './find-documents.handler';

describe('rangeFirst', () => {
  const byPosition = [{ field: 'position', direction: 'desc' as const }];

  it('leaves the order alone without a range', () => {
    expect(rangeFirst({ agency: 'A', type: { in: ['X'] } }, byPosition)).toBe(byPosition);
  });

  it("puts a range's field first, in the direction of the first sort key", () => {
    expect(
      rangeFirst({ agency: 'A', occurredOn: { gte: '2026-03-01', lte: '2026-03-31' } }, byPosition),
    ).toEqual([{ field: 'occurredOn', direction: 'desc' }, ...byPosition]);
    expect(rangeFirst({ month: { lte: '2026-03' } }, [])).toEqual([{ field: 'month', direction: 'asc' }]);
  });

  it('keeps an order that already starts with the ranged field', () => {
    const order = [{ field: 'month' }];
    expect(rangeFirst({ month: { lte: '2026-03' } }, order)).toBe(order);
  });
});
