// Access tokens as the running API sees them: a token of the test signer (node:crypto) and one of the app's
// own jose signer both pass; another audience or issuer, an unknown kid and alg none are 401 problem+json;
// with the key ring of the data directory, a rotation is taken up by the running API without a restart,
// the older key's token still passes within the grace, and the new key signs.
import { createHmac, randomUUID } from 'node:crypto';
import { ACCESS_TOKENS, rotateKeyRing, tokenKeysFile, type AccessTokens } from '@ledger/ledger';
import { startTestLedger, type TestLedger } from './support/test-app';
import {
  TEST_TOKEN_AUDIENCE,
  TEST_TOKEN_ISSUER,
  TEST_TOKEN_KID,
  TEST_TOKEN_SECRET,
  tokenFor,
} from './support/tokens';

const inspectorClaims = {
  sub: 'thanh-tra-01',
  agency: 'THANHTRA-BAC-AI',
  orgUnits: ['NINH-THUAN', 'KHANH-HOA'],
  roles: ['inspector'],
};

/** An HS256 token over `claims` with the registered claims of the test app unless `extra` overrides them. */
function signed(extra: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  const t = Math.floor(Date.now() / 1000);
  const payload = {
    iss: TEST_TOKEN_ISSUER,
    aud: TEST_TOKEN_AUDIENCE,
    ...inspectorClaims,
    iat: t,
    nbf: t,
    exp: t + 600,
    jti: randomUUID(),
    ...extra,
  };
  const head = `${Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: TEST_TOKEN_KID, ...header })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${head}.${createHmac('sha256', Buffer.from(TEST_TOKEN_SECRET, 'utf8')).update(head).digest('base64url')}`;
}

const kidOf = (token: string) =>
  (JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as { kid: string }).kid;

describe('access tokens (configured key)', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await startTestLedger();
  });
  afterAll(() => ledger.close());

  const trail = (token: string) => ledger.http({ Authorization: `Bearer ${token}` }).get('/trail');

  it("accepts the test signer's token and the app's own, with the same key id", async () => {
    expect(
      (await trail(tokenFor({ ...inspectorClaims, officer: 'thanh-tra-01', roles: ['inspector'] }))).status,
    ).toBe(200);
    const tokens = ledger.app.get<AccessTokens>(ACCESS_TOKENS);
    const own = await tokens.issue(inspectorClaims, { ttlSeconds: 900 });
    expect(kidOf(own)).toBe(TEST_TOKEN_KID);
    expect((await trail(own)).status).toBe(200);
  });

  it.each([
    ['another audience', signed({ aud: 'another-api' }), 'audience'],
    ['another issuer', signed({ iss: 'https://idp.example' }), 'issuer'],
    ['an unknown kid', signed({}, { kid: 'no-such-key' }), 'kid'],
    ['no jti', signed({ jti: undefined }), 'jti'],
    ['nbf in the future', signed({ nbf: Math.floor(Date.now() / 1000) + 600 }), 'nbf'],
    ['alg none', signed({}, { alg: 'none' }), 'algorithm'],
  ])('refuses %s with 401 problem+json naming it', async (_kind, token, named) => {
    const res = await trail(token);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['www-authenticate']).toContain('Bearer');
    expect(res.body.detail).toContain(named);
  });
});

describe('access tokens (the key ring of the data directory)', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    // No configured secret: the API keeps the ring in <dataDir>/secrets/token-keys.json.
    ledger = await startTestLedger({ env: { LEDGER_TOKEN_SECRET: '' } });
  });
  afterAll(() => ledger.close());

  it('takes up a rotation while running: the new key signs, the older key verifies within the grace', async () => {
    const tokens = ledger.app.get<AccessTokens>(ACCESS_TOKENS);
    const trail = (token: string) => ledger.http({ Authorization: `Bearer ${token}` }).get('/trail');
    const before = await tokens.issue(inspectorClaims, { ttlSeconds: 900 });
    expect((await trail(before)).status).toBe(200);
    // The test signer's key is not in this ring.
    expect((await trail(tokenFor({ officer: 'thanh-tra-01', roles: ['inspector'] }))).status).toBe(401);

    const added = rotateKeyRing(tokenKeysFile(ledger.dataDir), 86_400);
    const after = await tokens.issue(inspectorClaims, { ttlSeconds: 900 });
    expect(kidOf(after)).toBe(added.kid);
    expect(kidOf(after)).not.toBe(kidOf(before));
    expect((await trail(after)).status).toBe(200);
    expect((await trail(before)).status).toBe(200);
  });
});
