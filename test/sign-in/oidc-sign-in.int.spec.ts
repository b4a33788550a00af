// Single sign-on against a real OpenID Connect provider (oidc-provider in a child process), through the
// sign-in service and the session port: what the provider says, the claims mapped, the session started.
// The sessions here are a small in-memory implementation of the port; the end-to-end suite runs the real one.
import { join } from 'node:path';
import type { Role } from '@ledger/domain';
import { loadConfig, readSeedFiles } from '@ledger/ledger';
import type { AccountStanding, AccountStandings } from '@ledger/ledger/sign-in/oidc/account-standing.port';
import { OidcSignIn } from '@ledger/ledger/sign-in/oidc/oidc-sign-in';
import {
  OidcProviderRefusedError,
  OidcProviderUnavailableError,
  OidcSignInRefusedError,
  OidcStateError,
} from '@ledger/ledger/sign-in/oidc/oidc-errors';
import type {
  SignInContext,
  SignInIdentity,
  Sessions,
  StartedSession,
} from '@ledger/ledger/sign-in/sessions.port';
import { ProviderBrowser, startOidcProvider, type TestProvider } from '../e2e/support/oidc-provider';

const REDIRECT = 'http://localhost:3000/auth/oidc/callback';
const CLIENT = { clientId: 'policy-ledger', clientSecret: 'a-client-secret-for-the-sign-in-tests' };
const CLAIMS_FILE = join(__dirname, '..', '..', 'docs', 'oidc-claims.example.json');

const PEOPLE = {
  'nguyen-van-a': { name: 'Nguyễn Văn A', groups: ['/bac-ai-dong/vhxh/can-bo', '/offline_access'] },
  'tran-thi-b': { name: 'Trần Thị B', groups: ['/khach'] },
  'le-van-c': { name: 'Lê Văn C', groups: ['/bac-ai-dong/vhxh/can-bo', '/thanh-tra/thanh-tra-vien'] },
  'pham-van-d': { name: 'Phạm Văn D', groups: ['/bac-ai-dong/vhxh/can-bo'] },
};

class StartedSessions implements Sessions {
  readonly started: SignInIdentity[] = [];
  start(identity: SignInIdentity, context: SignInContext): Promise<StartedSession> {
    this.started.push(identity);
    return Promise.resolve({
      sessionId: `s-${this.started.length}`,
      accessToken: 'access',
      expiresIn: 900,
      refreshToken: `refresh-${this.started.length}`,
      refreshExpiresAt: new Date(context.now.getTime() + 86_400_000),
    });
  }
}

class Standings implements AccountStandings {
  readonly of = new Map<string, AccountStanding>([['pham-van-d', 'disabled']]);
  standingOf(officer: string): Promise<AccountStanding> {
    return Promise.resolve(this.of.get(officer) ?? 'none');
  }
}

const context = (): SignInContext => ({ address: '127.0.0.1', userAgent: 'test', now: new Date() });

async function refusal(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

describe('single sign-on through the sign-in service, against oidc-provider', () => {
  let provider: TestProvider;
  let sessions: StartedSessions;
  let signIn: OidcSignIn;
  const seed = readSeedFiles(join(__dirname, '..', '..', 'seeds'));

  const service = (issuer: string) =>
    new OidcSignIn(
      loadConfig({
        LEDGER_OIDC_ISSUER: issuer,
        LEDGER_OIDC_CLIENT_ID: CLIENT.clientId,
        LEDGER_OIDC_CLIENT_SECRET: CLIENT.clientSecret,
        LEDGER_OIDC_REDIRECT_URL: REDIRECT,
        LEDGER_OIDC_SCOPES: 'openid profile groups',
        LEDGER_OIDC_CLAIMS_FILE: CLAIMS_FILE,
      }),
      seed,
      sessions,
      new Standings(),
    );

  // This provider keeps the profile and groups claims out of the ID token: the userinfo endpoint gives them.
  beforeAll(async () => {
    provider = await startOidcProvider({ ...CLIENT, redirectUri: REDIRECT, people: PEOPLE });
  }, 60_000);
  afterAll(() => provider.stop());
  beforeEach(() => {
    sessions = new StartedSessions();
    signIn = service(provider.issuer);
  });

  /** Login at the ledger, sign-in at the provider; the callback's query and the sign-in cookie. */
  async function throughProvider(login: string, answer: 'consent' | 'abort' = 'consent') {
    const { location, sealedTransaction } = await signIn.begin(new Date());
    const back = await new ProviderBrowser().signIn(location, login, answer);
    expect(back.href.startsWith(`${REDIRECT}?`)).toBe(true);
    return { query: back.searchParams, sealedTransaction, location: new URL(location) };
  }

  it('sends the person to the provider with PKCE S256, state and nonce, and starts a session for the mapped officer', async () => {
    const { query, sealedTransaction, location } = await throughProvider('nguyen-van-a');
    expect(location.origin).toBe(provider.issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(location.searchParams.get('redirect_uri')).toBe(REDIRECT);
    for (const param of ['state', 'nonce'])
      expect(location.searchParams.get(param)).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(query.get('state')).toBe(location.searchParams.get('state'));

    const { identity, session } = await signIn.complete({ query, sealedTransaction }, context());
    const expected: SignInIdentity = {
      officer: 'nguyen-van-a',
      displayName: 'Nguyễn Văn A',
      agency: 'VHXH-XA-BAC-AI-DONG',
      orgUnits: ['KH-BAC-AI-DONG'],
      roles: ['officer'] as Role[],
      method: 'oidc',
    };
    expect(identity).toEqual(expected);
    expect(sessions.started).toEqual([expected]);
    expect(session.refreshToken).toBe('refresh-1');
  });

  it('refuses a callback whose state is not the one sent, or that comes without the sign-in cookie', async () => {
    const { query, sealedTransaction } = await throughProvider('nguyen-van-a');
    const forged = new URLSearchParams(query);
    forged.set('state', 'a-state-this-ledger-never-sent');
    const wrongState = await refusal(signIn.complete({ query: forged, sealedTransaction }, context()));
    expect(wrongState).toBeInstanceOf(OidcStateError);
    expect(wrongState.message).toMatch(/does not match the sign-in started here \(state\)/);
    const noCookie = await refusal(signIn.complete({ query, sealedTransaction: undefined }, context()));
    expect(noCookie).toBeInstanceOf(OidcStateError);
    // Another browser's sign-in cookie does not fit this answer either.
    const other = await signIn.begin(new Date());
    const swapped = await refusal(
      signIn.complete({ query, sealedTransaction: other.sealedTransaction }, context()),
    );
    expect(swapped).toBeInstanceOf(OidcStateError);
    expect(sessions.started).toEqual([]);
  });

  it('refuses a person whose groups grant no role, and one whose groups mix roles four eyes keep apart', async () => {
    const none = await throughProvider('tran-thi-b');
    const noRole = await refusal(signIn.complete(none, context()));
    expect(noRole).toBeInstanceOf(OidcSignInRefusedError);
    expect(noRole.message).toMatch(
      /tran-thi-b: none of the provider's groups \(\/khach in claim groups\) grants a role/,
    );
    const mixed = await throughProvider('le-van-c');
    expect((await refusal(signIn.complete(mixed, context()))).message).toMatch(
      /roles officer and inspector are never held together/,
    );
    expect(sessions.started).toEqual([]);
  });

  it('refuses an officer whose ledger account is disabled', async () => {
    const disabled = await throughProvider('pham-van-d');
    const error = await refusal(signIn.complete(disabled, context()));
    expect(error).toBeInstanceOf(OidcSignInRefusedError);
    expect(error.message).toMatch(/pham-van-d: the ledger account is disabled/);
    expect(sessions.started).toEqual([]);
  });

  it("passes on the provider's refusal (the person declined), and refuses an authorization code used twice", async () => {
    const declined = await throughProvider('nguyen-van-a', 'abort');
    expect(declined.query.get('error')).toBe('access_denied');
    const refused = await refusal(signIn.complete(declined, context()));
    expect(refused).toBeInstanceOf(OidcProviderRefusedError);
    expect(refused.message).toMatch(/the provider refused the sign-in: access_denied/);

    const once = await throughProvider('nguyen-van-a');
    await signIn.complete(once, context());
    const twice = await refusal(signIn.complete(once, context()));
    expect(twice).toBeInstanceOf(OidcProviderRefusedError);
    expect(twice.message).toMatch(/invalid_grant/);
    expect(sessions.started).toHaveLength(1);
  });

  it('says the provider cannot be reached when it is down, and tries again at the next sign-in', async () => {
    const down = service('http://127.0.0.1:9/');
    const error = await refusal(down.begin(new Date()));
    expect(error).toBeInstanceOf(OidcProviderUnavailableError);
    expect((error as OidcProviderUnavailableError).publicDetail).toMatch(/cannot be reached/);
    expect(await refusal(down.begin(new Date()))).toBeInstanceOf(OidcProviderUnavailableError);
  });
});

describe('single sign-on as a public client, the claims in the ID token (as Keycloak sends them)', () => {
  let provider: TestProvider;
  const seed = readSeedFiles(join(__dirname, '..', '..', 'seeds'));

  beforeAll(async () => {
    provider = await startOidcProvider({
      clientId: 'policy-ledger-public',
      redirectUri: REDIRECT,
      people: PEOPLE,
      claimsInIdToken: true,
    });
  }, 60_000);
  afterAll(() => provider.stop());

  it('signs in with PKCE alone and reads the groups from the checked ID token', async () => {
    const sessions = new StartedSessions();
    const signIn = new OidcSignIn(
      loadConfig({
        LEDGER_OIDC_ISSUER: provider.issuer,
        LEDGER_OIDC_CLIENT_ID: 'policy-ledger-public',
        LEDGER_OIDC_REDIRECT_URL: REDIRECT,
        LEDGER_OIDC_SCOPES: 'openid profile groups',
        LEDGER_OIDC_CLAIMS_FILE: CLAIMS_FILE,
      }),
      seed,
      sessions,
      new Standings(),
    );
    const { location, sealedTransaction } = await signIn.begin(new Date());
    const back = await new ProviderBrowser().signIn(location, 'nguyen-van-a');
    const { identity } = await signIn.complete({ query: back.searchParams, sealedTransaction }, context());
    expect(identity).toMatchObject({
      officer: 'nguyen-van-a',
      roles: ['officer'],
      agency: 'VHXH-XA-BAC-AI-DONG',
    });
    expect(sessions.started).toHaveLength(1);
  });
});
