import { deepFreeze } from '@ledger/ledger';
import { publicCopyOf, withoutActors } from './public-redaction.interceptor';

describe('the public copy of an answer', () => {
  const answer = () => ({
    items: [{ key: 'k', officer: 'o-1', actor: { agency: 'A' }, value: 3 }],
    officers: ['o-1'],
    total: 1,
  });
  const expected = { items: [{ key: 'k', value: 3 }], total: 1 };

  it('drops the actor fields at every depth', () => {
    expect(withoutActors(answer())).toEqual(expected);
    expect(publicCopyOf(answer())).toEqual(expected);
  });

  it('is made once for an answer that cannot change, and cannot be changed either', () => {
    const kept = deepFreeze(answer());
    const first = publicCopyOf(kept);
    expect(first).toEqual(expected);
    expect(publicCopyOf(kept)).toBe(first);
    expect(Object.isFrozen((first as typeof expected).items[0])).toBe(true);
  });

  it('is made again for an answer that may have changed', () => {
    const body = answer();
    const first = publicCopyOf(body);
    body.items[0].value = 4;
    expect(publicCopyOf(body)).not.toBe(first);
    expect(publicCopyOf(body)).toEqual({ items: [{ key: 'k', value: 4 }], total: 1 });
  });
});
