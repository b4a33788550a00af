import { createHmac } from 'node:crypto';
import { issueToken, MAX_TOKEN_TTL_SECONDS, parseTtl, TokenError, verifyToken } from './token';

const secret = Buffer.alloc(32, 7);
const now = new Date('2026-01-01T00:00:00Z');
const claims = { sub: 'nguyen.van.a', agency: 'LDTBXH', orgUnits: ['PHUOC-DAI'], roles: ['officer'] };

describe('tokens', () => {
  it('verifies a token it issued, with the claims and an expiry of iat + ttl', () => {
    const token = issueToken(claims, secret, { ttlSeconds: 3600, now });
    const read = verifyToken(token, secret, now);
    expect(read).toMatchObject(claims);
    expect(read.exp - read.iat).toBe(3600);
  });

  it('refuses another secret, an edited payload, another algorithm and an expired token', () => {
    const token = issueToken(claims, secret, { ttlSeconds: 60, now });
    expect(() => verifyToken(token, Buffer.alloc(32, 8), now)).toThrow(TokenError);
    const [h, p, s] = token.split('.');
    const edited = Buffer.from(JSON.stringify({ ...claims, roles: ['admin'], iat: 0, exp: 9e9 })).toString(
      'base64url',
    );
    expect(() => verifyToken(`${h}.${edited}.${s}`, secret, now)).toThrow('signature');
    const none = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    expect(() => verifyToken(`${none}.${p}.${s}`, secret, now)).toThrow('algorithm');
    expect(() => verifyToken(token, secret, new Date(now.getTime() + 61_000))).toThrow('expired');
  });

  /** A token signed with the right secret over whatever payload text and header it is given. */
  const signed = (payload: string, header = '{"alg":"HS256","typ":"JWT"}') => {
    const head = `${Buffer.from(header).toString('base64url')}.${Buffer.from(payload).toString('base64url')}`;
    return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
  };
  const t = Math.floor(now.getTime() / 1000);
  const payload = (extra: Record<string, unknown>) =>
    JSON.stringify({ ...claims, iat: t, exp: t + 3600, ...extra });

  it('accepts a well-formed signed payload (the helper below signs what verifies)', () => {
    expect(verifyToken(signed(payload({})), secret, now).sub).toBe(claims.sub);
  });

  it.each([
    ['iat in the future', payload({ iat: t + 600, exp: t + 3600 })],
    ['nbf in the future', payload({ nbf: t + 600 })],
    ['iat missing', JSON.stringify({ ...claims, exp: t + 3600 })],
    ['iat not a number', payload({ iat: String(t) })],
    ['exp as 1e400 (Infinity once parsed)', payload({}).replace(`"exp":${t + 3600}`, '"exp":1e400')],
    ['exp a fraction', payload({ exp: t + 3600.5 })],
    ['exp beyond the longest lifetime', payload({ exp: t + MAX_TOKEN_TTL_SECONDS + 3600 })],
    ['exp before iat', payload({ iat: t, exp: t - 1 + 3600, nbf: t + 7200 })],
    ['an empty sub', payload({ sub: '' })],
    ['a sub with a newline', payload({ sub: 'can-bo-01\n[Nest] forged line' })],
    ['a sub with a NUL', payload({ sub: 'can-bo\u000001' })],
    ['an agency that is not a code', payload({ agency: 'LDTBXH BAC AI' })],
    ['no org unit', payload({ orgUnits: [] })],
  ])('refuses a token with %s', (_name, text) => {
    expect(() => verifyToken(signed(text), secret, now)).toThrow(TokenError);
  });

  it('accepts only the canonical base64url signature (no trailing bits, no padding)', () => {
    const token = issueToken(claims, secret, { ttlSeconds: 60, now });
    const [h, p, s] = token.split('.');
    // 32 bytes are 43 base64url characters; the last carries 2 unused bits that decoders ignore.
    const last = s[s.length - 1];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1];
    const malleable = `${h}.${p}.${s.slice(0, -1)}${sibling}`;
    expect(Buffer.from(malleable.split('.')[2], 'base64url')).toEqual(Buffer.from(s, 'base64url'));
    expect(() => verifyToken(malleable, secret, now)).toThrow('signature');
    expect(() => verifyToken(`${h}.${p}.${s}=`, secret, now)).toThrow(TokenError);
    expect(() =>
      verifyToken(signed(payload({}), '{"alg":"HS256","typ":"JWT","crit":["x"]}'), secret, now),
    ).toThrow(TokenError);
  });

  it('issues no token longer than the cap', () => {
    expect(() => issueToken(claims, secret, { ttlSeconds: MAX_TOKEN_TTL_SECONDS + 1, now })).toThrow(
      TokenError,
    );
    expect(parseTtl('999999d')).toBeUndefined();
    expect(parseTtl('31d')).toBeUndefined();
    expect(parseTtl('30d')).toBe(MAX_TOKEN_TTL_SECONDS);
  });

  it('reads ttls like 8h and 30d', () => {
    expect(parseTtl('8h')).toBe(28_800);
    expect(parseTtl('30d')).toBe(2_592_000);
    expect(parseTtl('8 hours')).toBeUndefined();
    expect(parseTtl('0h')).toBeUndefined();
  });
});
