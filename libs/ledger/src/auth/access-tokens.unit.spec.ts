// The jose access tokens: what they carry, and every way a token is refused (expired, tampered, another
// audience or issuer, an unknown or retired key, not valid yet, another algorithm, a malformed claim).
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { JoseAccessTokens } from './jose-access-tokens';
import { VerifiedSignatures } from './verified-signatures';
import { MAX_TOKEN_TTL_SECONDS, parseTtl, TokenError } from './token-claims';
import {
  configuredKeyId,
  configuredKeyRing,
  fileKeyRing,
  rotateKeyRing,
  type TokenKeyRing,
} from './token-key-ring';

const SECRET = 'unit-test-token-secret-of-32-bytes-or-more';
const settings = { issuer: 'policy-ledger', audience: 'policy-ledger-api', keyGraceSeconds: 86_400 };
const now = new Date('2026-01-01T00:00:00Z');
const t = Math.floor(now.getTime() / 1000);
const claims = { sub: 'nguyen.van.a', agency: 'LDTBXH', orgUnits: ['PHUOC-DAI'], roles: ['officer'] };
const tokens = new JoseAccessTokens(configuredKeyRing(SECRET), settings);
const later = (s: number) => new Date(now.getTime() + s * 1000);
const parts = (token: string) => token.split('.');
const json = (part: string) =>
  JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

/** An HS256 JWT over any payload text and header, signed with `key` (the configured secret by default). */
function signed(
  payload: string,
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT', kid: configuredKeyId(SECRET) },
  key: Buffer = Buffer.from(SECRET, 'utf8'),
): string {
  const head = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(payload).toString('base64url')}`;
  return `${head}.${createHmac('sha256', key).update(head).digest('base64url')}`;
}
const payload = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    iss: settings.issuer,
    aud: settings.audience,
    ...claims,
    iat: t,
    nbf: t,
    exp: t + 3600,
    jti: 'token-1',
    ...extra,
  });

describe('access tokens (jose)', () => {
  it('issues a token with kid and alg in its header and iss, aud, sub, iat, nbf, exp, jti, sid', async () => {
    const token = await tokens.issue({ ...claims, sid: 'session-1' }, { ttlSeconds: 900, now });
    const [head, body] = parts(token);
    expect(json(head)).toEqual({ alg: 'HS256', typ: 'JWT', kid: configuredKeyId(SECRET) });
    const read = json(body);
    expect(read).toMatchObject({
      ...claims,
      iss: 'policy-ledger',
      aud: 'policy-ledger-api',
      sid: 'session-1',
    });
    expect([read.iat, read.nbf, read.exp]).toEqual([t, t, t + 900]);
    expect(read.jti).toMatch(/^[0-9a-f-]{36}$/);
    const verified = await tokens.verify(token, now);
    expect(verified).toMatchObject({ ...claims, sid: 'session-1', iat: t, exp: t + 900 });
    const other = await tokens.issue(claims, { ttlSeconds: 900, now });
    expect(json(parts(other)[1]).jti).not.toBe(read.jti);
    expect((await tokens.verify(other, now)).sid).toBeUndefined();
  });

  it('verifies a token signed by another HS256 signer over the same claims (node:crypto)', async () => {
    expect((await tokens.verify(signed(payload()), now)).sub).toBe(claims.sub);
  });

  it('refuses an expired token once past the 30 s of clock tolerance', async () => {
    const token = await tokens.issue(claims, { ttlSeconds: 60, now });
    await expect(tokens.verify(token, later(85))).resolves.toMatchObject({ sub: claims.sub });
    await expect(tokens.verify(token, later(91))).rejects.toThrow('token has expired');
  });

  it('refuses a tampered payload, header or signature', async () => {
    const [h, , s] = parts(await tokens.issue(claims, { ttlSeconds: 60, now }));
    const elevated = Buffer.from(payload({ roles: ['admin'] })).toString('base64url');
    await expect(tokens.verify(`${h}.${elevated}.${s}`, now)).rejects.toThrow('signature');
    const [, p, s2] = parts(signed(payload()));
    const retyped = Buffer.from(JSON.stringify({ alg: 'HS256', kid: configuredKeyId(SECRET) })).toString(
      'base64url',
    );
    await expect(tokens.verify(`${retyped}.${p}.${s2}`, now)).rejects.toThrow('signature');
    // 32 bytes are 43 base64url characters; the last carries 2 unused bits that decoders ignore.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(s2[s2.length - 1]) ^ 1];
    const malleable = `${parts(signed(payload()))[0]}.${p}.${s2.slice(0, -1)}${sibling}`;
    await expect(tokens.verify(malleable, now)).rejects.toThrow('signature');
    await expect(tokens.verify(`${parts(signed(payload()))[0]}.${p}.${s2}=`, now)).rejects.toThrow(
      TokenError,
    );
    await expect(tokens.verify('not-a-token', now)).rejects.toThrow(TokenError);
  });

  it('refuses another audience and another issuer, and a token without them', async () => {
    await expect(tokens.verify(signed(payload({ aud: 'someone-else' })), now)).rejects.toThrow(
      'audience (aud)',
    );
    await expect(tokens.verify(signed(payload({ iss: 'https://evil.example' })), now)).rejects.toThrow(
      'issuer (iss)',
    );
    const foreign = new JoseAccessTokens(configuredKeyRing(SECRET), { ...settings, audience: 'another-api' });
    await expect(foreign.verify(await tokens.issue(claims, { ttlSeconds: 60, now }), now)).rejects.toThrow(
      'audience',
    );
    for (const claim of ['iss', 'aud', 'jti', 'nbf', 'iat', 'sub']) {
      const without = JSON.parse(payload()) as Record<string, unknown>;
      delete without[claim];
      await expect(tokens.verify(signed(JSON.stringify(without)), now)).rejects.toThrow(TokenError);
    }
  });

  it('refuses a token whose nbf is in the future (beyond the tolerance), and accepts it within it', async () => {
    await expect(tokens.verify(signed(payload({ nbf: t + 600 })), now)).rejects.toThrow('nbf');
    await expect(tokens.verify(signed(payload({ nbf: t + 20 })), now)).resolves.toMatchObject({
      sub: claims.sub,
    });
  });

  it('refuses alg none, another HMAC, an asymmetric algorithm and a header with more than alg, kid, typ', async () => {
    const kid = configuredKeyId(SECRET);
    const [, p] = parts(signed(payload()));
    const none = Buffer.from(JSON.stringify({ alg: 'none', kid })).toString('base64url');
    await expect(tokens.verify(`${none}.${p}.`, now)).rejects.toThrow(TokenError);
    await expect(tokens.verify(`${none}.${p}.c2ln`, now)).rejects.toThrow('algorithm');
    const hs512 = await new SignJWT(JSON.parse(payload()) as Record<string, unknown>)
      .setProtectedHeader({ alg: 'HS512', kid })
      .sign(Buffer.from(SECRET, 'utf8'));
    await expect(tokens.verify(hs512, now)).rejects.toThrow('algorithm');
    const { privateKey } = generateKeyPairSync('ed25519');
    const eddsa = await new SignJWT(JSON.parse(payload()) as Record<string, unknown>)
      .setProtectedHeader({ alg: 'EdDSA', kid })
      .sign(privateKey);
    await expect(tokens.verify(eddsa, now)).rejects.toThrow('algorithm');
    await expect(
      tokens.verify(signed(payload(), { alg: 'HS256', kid, jku: 'https://evil.example/keys' }), now),
    ).rejects.toThrow('header');
    await expect(tokens.verify(signed(payload(), { alg: 'HS256', kid, crit: ['exp'] }), now)).rejects.toThrow(
      TokenError,
    );
  });

  it('refuses a token whose kid is unknown, or absent', async () => {
    await expect(tokens.verify(signed(payload(), { alg: 'HS256', kid: 'no-such-key' }), now)).rejects.toThrow(
      'kid',
    );
    await expect(tokens.verify(signed(payload(), { alg: 'HS256', typ: 'JWT' }), now)).rejects.toThrow('kid');
    const another = new JoseAccessTokens(
      configuredKeyRing('another-secret-of-at-least-32-bytes!!'),
      settings,
    );
    await expect(another.verify(await tokens.issue(claims, { ttlSeconds: 60, now }), now)).rejects.toThrow(
      'kid',
    );
  });

  it.each([
    ['iat in the future', { iat: t + 600, nbf: t, exp: t + 3600 }],
    ['iat missing', { iat: undefined }],
    ['iat not a number', { iat: String(t) }],
    ['exp a fraction', { exp: t + 3600.5 }],
    ['exp beyond the longest lifetime', { exp: t + MAX_TOKEN_TTL_SECONDS + 3600 }],
    ['an empty sub', { sub: '' }],
    ['a sub with a newline', { sub: 'can-bo-01\n[Nest] forged line' }],
    ['a sub with a NUL', { sub: 'can-bo\u000001' }],
    ['an agency that is not a code', { agency: 'LDTBXH BAC AI' }],
    ['no org unit', { orgUnits: [] }],
    ['a jti with a space', { jti: 'a b' }],
    ['a sid that is not a string', { sid: 7 }],
  ])('refuses a token with %s', async (_name, extra) => {
    await expect(tokens.verify(signed(payload(extra)), now)).rejects.toThrow(TokenError);
  });

  it('refuses exp written as 1e400 (Infinity once parsed)', async () => {
    const text = payload().replace(`"exp":${t + 3600}`, '"exp":1e400');
    await expect(tokens.verify(signed(text), now)).rejects.toThrow(TokenError);
  });

  it('issues no token longer than the cap, and reads ttls like 8h and 30d', async () => {
    await expect(tokens.issue(claims, { ttlSeconds: MAX_TOKEN_TTL_SECONDS + 1, now })).rejects.toThrow(
      TokenError,
    );
    await expect(tokens.issue({ ...claims, sub: 'bad sub' }, { ttlSeconds: 60, now })).rejects.toThrow(
      TokenError,
    );
    expect(parseTtl('999999d')).toBeUndefined();
    expect(parseTtl('31d')).toBeUndefined();
    expect(parseTtl('30d')).toBe(MAX_TOKEN_TTL_SECONDS);
    expect(parseTtl('8h')).toBe(28_800);
    expect(parseTtl('8 hours')).toBeUndefined();
    expect(parseTtl('0h')).toBeUndefined();
  });
});

describe('configured keys (LEDGER_TOKEN_SECRET, LEDGER_TOKEN_PREVIOUS_SECRET)', () => {
  it('signs with the new secret and verifies the previous one while it is configured, then not', async () => {
    const NEW = 'the-new-token-secret-of-at-least-32-bytes';
    const old = await tokens.issue(claims, { ttlSeconds: MAX_TOKEN_TTL_SECONDS, now });
    const rotated = new JoseAccessTokens(configuredKeyRing(NEW, SECRET), settings);
    const fresh = await rotated.issue(claims, { ttlSeconds: 600, now });
    expect(json(parts(fresh)[0]).kid).toBe(configuredKeyId(NEW));
    expect((await rotated.verify(fresh, now)).sub).toBe(claims.sub);
    // Past any grace counted from a rotation: the previous secret verifies as long as it is configured.
    expect((await rotated.verify(old, later(10 * 86_400))).sub).toBe(claims.sub);
    const removed = new JoseAccessTokens(configuredKeyRing(NEW), settings);
    await expect(removed.verify(old, now)).rejects.toThrow('kid');
  });
});

describe('token key rotation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-token-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const grace = 86_400;

  /** A ring in a file of its own, made at `now`. */
  function ring(name: string): { file: string; ring: TokenKeyRing; tokens: JoseAccessTokens } {
    const file = join(dir, name, 'secrets', 'token-keys.json');
    const keys = fileKeyRing(file, () => now);
    return { file, ring: keys, tokens: new JoseAccessTokens(keys, { ...settings, keyGraceSeconds: grace }) };
  }

  it('makes the ring (0600) on first use; a rotation signs with the new key, the old one verifies within the grace', async () => {
    const { file, ring: keys, tokens: ledger } = ring('grace');
    const old = await ledger.issue(claims, { ttlSeconds: 2 * 86_400, now });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const oldKid = json(parts(old)[0]).kid;
    expect(oldKid).toBe(keys.keys()[0].kid);

    const rotatedAt = later(3600);
    const added = rotateKeyRing(file, grace, rotatedAt);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(added.kid).not.toBe(oldKid);
    const fresh = await ledger.issue(claims, { ttlSeconds: 600, now: later(3700) });
    expect(json(parts(fresh)[0]).kid).toBe(added.kid);
    expect((await ledger.verify(fresh, later(3700))).sub).toBe(claims.sub);

    // Inside the grace: the older key's token still verifies.
    expect((await ledger.verify(old, later(3600 + grace - 60))).sub).toBe(claims.sub);
    // After it: refused, though the token itself has not expired.
    await expect(ledger.verify(old, later(3600 + grace + 60))).rejects.toThrow('grace period has ended');
  });

  it('refuses a token the older key signed after it was replaced', async () => {
    const { file, tokens: ledger } = ring('late');
    const oldKey = fileKeyRing(file, () => now).keys()[0];
    rotateKeyRing(file, grace, later(60));
    const late = signed(
      payload({ iat: t + 3600, nbf: t + 3600, exp: t + 7200 }),
      {
        alg: 'HS256',
        typ: 'JWT',
        kid: oldKey.kid,
      },
      oldKey.secret,
    );
    await expect(ledger.verify(late, later(3600))).rejects.toThrow('replaced');
  });

  it('drops keys whose grace has ended at the next rotation, and refuses their tokens as unknown', async () => {
    const { file, ring: keys, tokens: ledger } = ring('prune');
    const first = await ledger.issue(claims, { ttlSeconds: 600, now });
    const second = rotateKeyRing(file, grace, later(60));
    const third = rotateKeyRing(file, grace, later(60 + grace + 3600));
    expect(keys.keys().map((k) => k.kid)).toEqual([second.kid, third.kid]);
    await expect(ledger.verify(first, later(120))).rejects.toThrow('kid');
  });
});

describe('a token verified before (its signature remembered)', () => {
  it('is refused once expired, as a token seen for the first time is', async () => {
    const cached = new JoseAccessTokens(configuredKeyRing(SECRET), settings);
    const token = await cached.issue(claims, { ttlSeconds: 60, now });
    await expect(cached.verify(token, now)).resolves.toMatchObject({ sub: claims.sub });
    await expect(cached.verify(token, later(85))).resolves.toMatchObject({ sub: claims.sub });
    await expect(cached.verify(token, later(91))).rejects.toThrow('token has expired');
    await expect(cached.verify(token, later(91))).rejects.toThrow('token has expired');
  });

  it('is refused when the clock is back before its nbf, and accepted again after', async () => {
    const cached = new JoseAccessTokens(configuredKeyRing(SECRET), settings);
    const token = await cached.issue(claims, { ttlSeconds: 3600, now });
    await cached.verify(token, now);
    await expect(cached.verify(token, later(-600))).rejects.toThrow('nbf');
    await expect(cached.verify(token, now)).resolves.toMatchObject({ sub: claims.sub });
  });

  it('is refused once its key is no longer configured, or its kid names another secret', async () => {
    const keys = { current: configuredKeyRing(SECRET).keys() };
    const ring: TokenKeyRing = { keys: () => keys.current };
    const cached = new JoseAccessTokens(ring, settings);
    const token = await cached.issue(claims, { ttlSeconds: 600, now });
    await cached.verify(token, now);
    keys.current = configuredKeyRing('another-secret-of-at-least-32-bytes!!').keys();
    await expect(cached.verify(token, now)).rejects.toThrow('kid');
    const [key] = configuredKeyRing(SECRET).keys();
    keys.current = [{ ...key, secret: Buffer.from('a-different-secret-under-the-same-kid!', 'utf8') }];
    await expect(cached.verify(token, now)).rejects.toThrow('signature');
    keys.current = configuredKeyRing(SECRET).keys();
    await expect(cached.verify(token, now)).resolves.toMatchObject({ sub: claims.sub });
  });

  it('gives claims of its own to every caller: changing them changes nothing for the next', async () => {
    const cached = new JoseAccessTokens(configuredKeyRing(SECRET), settings);
    const token = await cached.issue(claims, { ttlSeconds: 600, now });
    const first = await cached.verify(token, now);
    (first.roles as string[]).push('admin');
    (first.orgUnits as string[]).length = 0;
    const second = await cached.verify(token, now);
    expect([second.roles, second.orgUnits]).toEqual([claims.roles, claims.orgUnits]);
    (second.roles as string[]).push('admin');
    expect((await cached.verify(token, now)).roles).toEqual(claims.roles);
  });
});

describe('a remembered token under key rotation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-token-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const grace = 86_400;

  it('is refused once the grace of its rotated key has ended, then once the key is dropped', async () => {
    const file = join(dir, 'secrets', 'token-keys.json');
    const ledger = new JoseAccessTokens(
      fileKeyRing(file, () => now),
      { ...settings, keyGraceSeconds: grace },
    );
    const old = await ledger.issue(claims, { ttlSeconds: 3 * 86_400, now });
    await expect(ledger.verify(old, now)).resolves.toMatchObject({ sub: claims.sub });
    rotateKeyRing(file, grace, later(60));
    await expect(ledger.verify(old, later(120))).resolves.toMatchObject({ sub: claims.sub });
    await expect(ledger.verify(old, later(60 + grace + 60))).rejects.toThrow('grace period has ended');
    rotateKeyRing(file, grace, later(60 + grace + 3600));
    await expect(ledger.verify(old, later(60 + grace + 3700))).rejects.toThrow('kid');
  });
});

describe('VerifiedSignatures', () => {
  const entry = (exp: number) => ({ kid: 'k', secret: Buffer.from('s'), payload: {}, exp });

  it('keeps at most its bound, dropping the oldest, and drops an entry past its exp and the tolerance', () => {
    const remembered = new VerifiedSignatures(2);
    remembered.remember('a', entry(t + 60));
    remembered.remember('b', entry(t + 60));
    remembered.remember('c', entry(t + 60));
    expect(remembered.size).toBe(2);
    expect(remembered.get('a', t, 30)).toBeUndefined();
    expect(remembered.get('c', t + 89, 30)?.kid).toBe('k');
    expect(remembered.get('c', t + 90, 30)).toBeUndefined();
    expect(remembered.size).toBe(1);
  });
});
