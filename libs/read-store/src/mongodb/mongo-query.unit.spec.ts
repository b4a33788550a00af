import { ReadStoreArgumentError } from '../read-store.errors';
import { normalizeFilter, type NormalizedOrder } from '../read-store.validation';
import { and, compileAfter, compileSort, compileWhere, cursorKeys, idDirection } from './mongo-query';

const NOT_ARRAY = { $not: { $type: 'array' } };

describe('compileWhere', () => {
  it('turns equality (typed by MongoDB itself) and in into clauses on d.<path> that never match an array', () => {
    expect(compileWhere(normalizeFilter({ agency: 'YTE', 'actor.officer': 'can-bo-3', amount: 5 }))).toEqual([
      { 'd.agency': { $eq: 'YTE', ...NOT_ARRAY } },
      { 'd.actor.officer': { $eq: 'can-bo-3', ...NOT_ARRAY } },
      { 'd.amount': { $eq: 5, ...NOT_ARRAY } },
    ]);
    expect(compileWhere(normalizeFilter({ v: { in: [5, 'b', true, null] } }))).toEqual([
      { 'd.v': { $in: [5, 'b', true, null], ...NOT_ARRAY } },
    ]);
    expect(compileWhere(normalizeFilter({ v: { in: [] } }))).toEqual([{ 'd.v': { $in: [], ...NOT_ARRAY } }]);
  });

  it('keeps null as $eq null, which MongoDB matches against null and missing', () => {
    expect(compileWhere(normalizeFilter({ commune: null }))).toEqual([
      { 'd.commune': { $eq: null, ...NOT_ARRAY } },
    ]);
  });

  it('turns ranges into $gt/$gte/$lt/$lte with the bound types kept (MongoDB brackets comparisons by type)', () => {
    expect(compileWhere(normalizeFilter({ position: { gt: 10, lte: 15 } }))).toEqual([
      { 'd.position': { $gt: 10, $lte: 15, ...NOT_ARRAY } },
    ]);
    expect(compileWhere(normalizeFilter({ occurredAt: { gte: '2025-01-20', lt: '2025-02-10' } }))).toEqual([
      { 'd.occurredAt': { $gte: '2025-01-20', $lt: '2025-02-10', ...NOT_ARRAY } },
    ]);
  });

  it('gives one clause per condition of a field, so eq and a range on one field both hold', () => {
    expect(compileWhere(normalizeFilter({ n: { eq: 3, gte: 1 } }))).toEqual([
      { 'd.n': { $eq: 3, ...NOT_ARRAY } },
      { 'd.n': { $gte: 1, ...NOT_ARRAY } },
    ]);
  });

  it('never lets an operator in through a field name: names are checked before compiling', () => {
    expect(() => compileWhere(normalizeFilter({ $where: 1 }))).toThrow(ReadStoreArgumentError);
    expect(() => compileWhere(normalizeFilter({ 'a.$gt': 1 }))).toThrow(ReadStoreArgumentError);
  });
});

describe('and', () => {
  it('leaves a single clause alone and joins several with $and', () => {
    expect(and([{ g: 1 }])).toEqual({ g: 1 });
    expect(and([{ g: 1 }, { 'd.a': 2 }])).toEqual({ $and: [{ g: 1 }, { 'd.a': 2 }] });
  });
});

describe('compileSort', () => {
  it('sorts by id ascending when there is no order', () => {
    expect(compileSort([])).toEqual({ i: 1 });
  });

  it('sorts by the keys in order, then by id in the direction of the last key', () => {
    const orderBy: NormalizedOrder[] = [
      { field: 'bucket', direction: 'asc' },
      { field: 'score', direction: 'desc' },
    ];
    const sort = compileSort(orderBy);
    expect(sort).toEqual({ 'd.bucket': 1, 'd.score': -1, i: -1 });
    expect(Object.keys(sort)).toEqual(['d.bucket', 'd.score', 'i']);
    expect(
      idDirection([
        { field: 'a', direction: 'desc' },
        { field: 'b', direction: 'asc' },
      ]),
    ).toBe('asc');
  });
});

describe('compileAfter', () => {
  it('with no sort keys, is the id after the cursor', () => {
    expect(compileAfter([], { keys: [], id: 'item-7' })).toEqual({ i: { $gt: 'item-7' } });
  });

  it('asc on a number: greater numbers, later types, or equal and a later id', () => {
    expect(compileAfter([{ field: 'score', direction: 'asc' }], { keys: [4], id: 'x' })).toEqual({
      $or: [
        { $or: [{ 'd.score': { $gt: 4 } }, { 'd.score': { $type: ['string', 'object', 'bool'] } }] },
        { $and: [{ 'd.score': 4 }, { i: { $gt: 'x' } }] },
      ],
    });
  });

  it('asc after null: every value that is present, or null/missing with a later id', () => {
    expect(compileAfter([{ field: 'score', direction: 'asc' }], { keys: [null], id: 'x' })).toEqual({
      $or: [{ 'd.score': { $ne: null } }, { $and: [{ 'd.score': null }, { i: { $gt: 'x' } }] }],
    });
  });

  it('desc: smaller values and then null/missing come after; after null only ties by id do', () => {
    expect(compileAfter([{ field: 'score', direction: 'desc' }], { keys: [4], id: 'x' })).toEqual({
      $or: [
        { $or: [{ 'd.score': { $lt: 4 } }, { 'd.score': null }] },
        { $and: [{ 'd.score': 4 }, { i: { $lt: 'x' } }] },
      ],
    });
    expect(compileAfter([{ field: 'name', direction: 'desc' }], { keys: ['n-5'], id: 'x' })).toEqual({
      $or: [
        { $or: [{ 'd.name': { $lt: 'n-5' } }, { 'd.name': { $type: 'number' } }, { 'd.name': null }] },
        { $and: [{ 'd.name': 'n-5' }, { i: { $lt: 'x' } }] },
      ],
    });
    expect(compileAfter([{ field: 'score', direction: 'desc' }], { keys: [null], id: 'x' })).toEqual({
      $and: [{ 'd.score': null }, { i: { $lt: 'x' } }],
    });
  });

  it('two keys: after on the first, or equal on it and after on the second, or equal on both and a later id', () => {
    const orderBy: NormalizedOrder[] = [
      { field: 'bucket', direction: 'asc' },
      { field: 'name', direction: 'asc' },
    ];
    expect(compileAfter(orderBy, { keys: [2, 'n-3'], id: 'x' })).toEqual({
      $or: [
        { $or: [{ 'd.bucket': { $gt: 2 } }, { 'd.bucket': { $type: ['string', 'object', 'bool'] } }] },
        {
          $and: [
            { 'd.bucket': 2 },
            { $or: [{ 'd.name': { $gt: 'n-3' } }, { 'd.name': { $type: ['object', 'bool'] } }] },
          ],
        },
        { $and: [{ 'd.bucket': 2 }, { 'd.name': 'n-3' }, { i: { $gt: 'x' } }] },
      ],
    });
  });
});

describe('cursorKeys', () => {
  const orderBy: NormalizedOrder[] = [
    { field: 'score', direction: 'asc' },
    { field: 'actor.officer', direction: 'desc' },
  ];

  it('takes numbers and strings as they are, and null for missing values or paths through non-objects', () => {
    expect(cursorKeys({ score: 3, actor: { officer: 'a' } }, orderBy, 'x')).toEqual([3, 'a']);
    expect(cursorKeys({ actor: 'flat' }, orderBy, 'x')).toEqual([null, null]);
    expect(cursorKeys({ score: null, actor: [{ officer: 'a' }] }, orderBy, 'x')).toEqual([null, null]);
  });

  it('refuses to page past a boolean, object or array sort value, naming the sort field', () => {
    for (const score of [true, { n: 1 }, [1]]) {
      const error = (() => {
        try {
          cursorKeys({ score }, orderBy, 'x');
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ReadStoreArgumentError);
      expect((error as ReadStoreArgumentError).argument).toBe('orderBy[0].field');
    }
  });
});
