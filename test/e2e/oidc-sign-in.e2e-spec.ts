// Single sign-on end to end: the ledger's API and a real OpenID Connect provider (oidc-provider in a child
// process), a browser's steps done with plain HTTP: /auth/oidc/login -> the provider's login and consent ->
// /auth/oidc/callback -> the refresh cookie -> POST /auth/refresh -> an action recorded with that token.
import { join } from 'node:path';
import { at, startTestLedger, type TestLedger } from './support/test-app';
import { ProviderBrowser, startOidcProvider, type TestProvider } from './support/oidc-provider';
import { createAccount } from './support/sign-in';
import { admin } from './support/tokens';

const REDIRECT = 'http://localhost:3000/auth/oidc/callback';
const CLIENT = { clientId: 'policy-ledger', clientSecret: 'a-client-secret-for-the-sign-in-tests' };

const PEOPLE = {
  // The culture and social affairs office of xã Bác Ái Đông, in force, for its commune (docs/oidc-claims.example.json).
  'nguyen-van-a': { name: 'Nguyễn Văn A', groups: ['/bac-ai-dong/vhxh/can-bo'] },
  'tran-thi-b': { name: 'Trần Thị B', groups: ['/khach', '/offline_access'] },
  'pham-van-d': { name: 'Phạm Văn D', groups: ['/bac-ai-dong/vhxh/can-bo'] },
};

/** The cookies a response sets, by name: the value and the attributes as written. */
function setCookies(res: { headers: Record<string, unknown> }): Map<string, string> {
  const lines = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  return new Map(lines.map((line) => [line.slice(0, line.indexOf('=')), line]));
}
const valueOf = (line: string | undefined) => line?.slice(line.indexOf('=') + 1).split(';')[0];

describe('single sign-on through OpenID Connect', () => {
  let provider: TestProvider;
  let ledger: TestLedger;

  beforeAll(async () => {
    provider = await startOidcProvider({ ...CLIENT, redirectUri: REDIRECT, people: PEOPLE });
    ledger = await startTestLedger({
      env: {
        LEDGER_OIDC_ISSUER: provider.issuer,
        LEDGER_OIDC_CLIENT_ID: CLIENT.clientId,
        LEDGER_OIDC_CLIENT_SECRET: CLIENT.clientSecret,
        LEDGER_OIDC_REDIRECT_URL: REDIRECT,
        LEDGER_OIDC_SCOPES: 'openid profile groups',
        LEDGER_OIDC_LABEL: 'Đăng nhập bằng tài khoản tỉnh',
        LEDGER_OIDC_CLAIMS_FILE: join(__dirname, '..', '..', 'docs', 'oidc-claims.example.json'),
      },
    });
  }, 60_000);
  afterAll(async () => {
    await ledger?.close();
    await provider?.stop();
  });

  /** The ledger's login, the provider's pages; the callback path and the sign-in cookie to send with it. */
  async function toCallback(login: string) {
    const start = await ledger.anonymous().get('/auth/oidc/login');
    expect(start.status).toBe(302);
    const location = start.headers.location as string;
    expect(location.startsWith(`${provider.issuer}/`)).toBe(true);
    const sealed = setCookies(start).get('ledger_oidc');
    expect(sealed).toMatch(/HttpOnly/);
    expect(sealed).toMatch(/SameSite=Lax/);
    expect(sealed).toMatch(/Path=\/auth\/oidc/);
    const back = await new ProviderBrowser().signIn(location, login);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    return { path: `${back.pathname}${back.search}`, cookie: `ledger_oidc=${valueOf(sealed)}`, back };
  }

  it('tells the sign-in page that single sign-on is on, and its label', async () => {
    const res = await ledger.anonymous().get('/auth/methods').expect(200);
    expect(res.body).toEqual({
      password: true,
      oidc: { enabled: true, label: 'Đăng nhập bằng tài khoản tỉnh' },
    });
  });

  it('signs an officer in through the provider; the refresh cookie gives a token that records an action', async () => {
    const { path, cookie } = await toCallback('nguyen-van-a');
    const callback = await ledger.anonymous().get(path).set('Cookie', cookie);
    expect([callback.status, callback.headers.location]).toEqual([302, '/dashboard/#/']);
    expect(callback.headers.location).not.toMatch(/token|code/);
    const cookies = setCookies(callback);
    const refreshCookie = cookies.get('ledger_refresh');
    expect(refreshCookie).toMatch(/HttpOnly/);
    expect(refreshCookie).toMatch(/SameSite=Strict/);
    expect(cookies.get('ledger_oidc')).toMatch(/ledger_oidc=;/); // the sign-in cookie served once

    const refreshed = await ledger
      .anonymous()
      .post('/auth/refresh')
      .set('Cookie', `ledger_refresh=${valueOf(refreshCookie)}`);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({
      tokenType: 'Bearer',
      officer: {
        id: 'nguyen-van-a',
        displayName: 'Nguyễn Văn A',
        agency: 'VHXH-XA-BAC-AI-DONG',
        orgUnits: ['KH-BAC-AI-DONG'],
        roles: ['officer'],
      },
    });
    const bearer = { Authorization: `Bearer ${refreshed.body.accessToken as string}` };

    const me = await ledger.http(bearer).get('/auth/me').expect(200);
    expect(me.body).toMatchObject({ id: 'nguyen-van-a', method: 'oidc' });

    const recorded = await ledger
      .http(bearer)
      .post('/housing-cases')
      .send({
        householdHeadCitizenId: '058200000901',
        commune: 'KH-BAC-AI-DONG',
        category: 'poor',
        occurredAt: at('2026-03-02'),
      });
    expect(recorded.status).toBe(201);
    const stream = await ledger
      .http()
      .get(`/streams/housing-case-${recorded.body.caseId as string}`)
      .expect(200);
    expect(stream.body.events[0].metadata.actor).toEqual({
      officer: 'nguyen-van-a',
      agency: 'VHXH-XA-BAC-AI-DONG',
      role: 'officer',
    });
  });

  it('refuses a callback whose state is not the one it sent (400), and one without its sign-in cookie', async () => {
    const { back, cookie } = await toCallback('nguyen-van-a');
    back.searchParams.set('state', 'a-state-this-ledger-never-sent');
    const forged = await ledger.anonymous().get(`${back.pathname}${back.search}`).set('Cookie', cookie);
    expect(forged.status).toBe(400);
    expect(forged.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(forged.body).toMatchObject({ code: 'OIDC_STATE_INVALID', field: 'state' });
    expect(forged.body.detail).toMatch(/does not match the sign-in started here \(state\)/);
    expect(setCookies(forged).has('ledger_refresh')).toBe(false);

    const noCookie = await ledger.anonymous().get(`/auth/oidc/callback?code=abc&state=def`);
    expect(noCookie.status).toBe(400);
    expect(noCookie.body.detail).toMatch(/no single sign-on was started from this browser/);
  });

  it('refuses a person whose groups map to no role of the ledger (403, the reason given)', async () => {
    const { path, cookie } = await toCallback('tran-thi-b');
    const refused = await ledger.anonymous().get(path).set('Cookie', cookie);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'OIDC_SIGN_IN_REFUSED' });
    expect(refused.body.detail).toMatch(
      /tran-thi-b: none of the provider's groups \(\/khach, \/offline_access/,
    );
    expect(setCookies(refused).has('ledger_refresh')).toBe(false);
  });

  it('refuses an officer whose ledger account an admin has disabled, though the provider vouches for them', async () => {
    await createAccount(ledger, { officer: 'pham-van-d', displayName: 'Phạm Văn D' });
    // With the account enabled, the provider's word is enough.
    const enabled = await toCallback('pham-van-d');
    expect((await ledger.anonymous().get(enabled.path).set('Cookie', enabled.cookie)).status).toBe(302);
    const disabled = await ledger
      .http(admin())
      .post('/accounts/pham-van-d/disable')
      .send({ reason: 'chuyển công tác' })
      .expect(200);
    expect(disabled.body.account).toMatchObject({ enabled: false });
    const { path, cookie } = await toCallback('pham-van-d');
    const refused = await ledger.anonymous().get(path).set('Cookie', cookie);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/pham-van-d: the ledger account is disabled/);
  });
});
