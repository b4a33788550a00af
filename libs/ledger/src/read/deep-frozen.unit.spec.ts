import { deepFreeze, isDeepFrozen } from './deep-frozen';

describe('deepFreeze', () => {
  it('freezes a value all the way down and vouches for it', () => {
    const value = deepFreeze({ rows: [{ key: 'k', sums: { done: 1 } }], total: 1 });
    expect(isDeepFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.rows[0].sums)).toBe(true);
    expect(() => {
      (value.rows[0].sums as { done: number }).done = 2;
    }).toThrow(TypeError);
  });

  it('goes into objects frozen only at the top, and vouches for none it did not freeze', () => {
    const inner = { n: 1 };
    const shallow = Object.freeze({ inner });
    expect(isDeepFrozen(shallow)).toBe(false);
    deepFreeze({ shallow });
    expect(Object.isFrozen(inner)).toBe(true);
    expect(isDeepFrozen(shallow)).toBe(true);
    expect(isDeepFrozen('text')).toBe(false);
    expect(isDeepFrozen(null)).toBe(false);
  });
});
