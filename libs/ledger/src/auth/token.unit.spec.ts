import { issueToken, parseTtl, TokenError, verifyToken } from './token';

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

  it('reads ttls like 8h and 30d', () => {
    expect(parseTtl('8h')).toBe(28_800);
    expect(parseTtl('30d')).toBe(2_592_000);
    expect(parseTtl('8 hours')).toBeUndefined();
    expect(parseTtl('0h')).toBeUndefined();
  });
});
