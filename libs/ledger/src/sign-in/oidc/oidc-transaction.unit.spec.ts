import { OIDC_TRANSACTION_SECONDS, OidcTransactionSeal, type OidcTransaction } from './oidc-transaction';

const NOW = new Date('2026-03-02T02:00:00Z');
const transaction: OidcTransaction = {
  codeVerifier: 'v'.repeat(43),
  state: 'state-1',
  nonce: 'nonce-1',
  startedAt: NOW.getTime(),
};

describe('the sealed sign-in cookie', () => {
  const seal = new OidcTransactionSeal('a shared secret of at least thirty-two bytes');

  it('opens what it sealed, by any instance with the same secret, and nobody can read it', () => {
    const sealed = seal.seal(transaction);
    expect(sealed).not.toContain('state-1');
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('nonce-1');
    expect(new OidcTransactionSeal('a shared secret of at least thirty-two bytes').open(sealed, NOW)).toEqual(
      transaction,
    );
  });

  it('refuses a cookie sealed under another key, altered, truncated or garbage', () => {
    const sealed = seal.seal(transaction);
    expect(
      new OidcTransactionSeal('another secret of at least thirty-two bytes!').open(sealed, NOW),
    ).toBeNull();
    expect(new OidcTransactionSeal(undefined).open(sealed, NOW)).toBeNull();
    const raw = Buffer.from(sealed, 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(seal.open(raw.toString('base64url'), NOW)).toBeNull();
    expect(seal.open(sealed.slice(0, 20), NOW)).toBeNull();
    expect(seal.open('not a cookie', NOW)).toBeNull();
  });

  it(`lasts ${OIDC_TRANSACTION_SECONDS} seconds`, () => {
    const sealed = seal.seal(transaction);
    const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
    expect(seal.open(sealed, at(OIDC_TRANSACTION_SECONDS))).toEqual(transaction);
    expect(seal.open(sealed, at(OIDC_TRANSACTION_SECONDS + 1))).toBeNull();
    expect(seal.open(sealed, at(-1))).toBeNull();
  });
});
