// Accounts and sign-in for the end-to-end suites: an admin (a service token) creates accounts over the API,
// officers sign in with their passwords and act with the access tokens they get.
import type { Role } from '@ledger/domain';
import type { TestLedger } from './test-app';
import { admin, DEFAULT_AGENCY, unitsOf } from './tokens';

export const PASSWORD = 'mật khẩu đủ dài 2026';

export interface AccountSpec {
  officer: string;
  displayName?: string;
  agency?: string;
  orgUnits?: string[];
  roles?: Role[];
  password?: string;
}

export async function createAccount(ledger: TestLedger, spec: AccountSpec): Promise<void> {
  const agency = spec.agency ?? DEFAULT_AGENCY;
  const res = await ledger
    .http(admin())
    .post('/accounts')
    .send({
      officer: spec.officer,
      displayName: spec.displayName ?? `Cán bộ ${spec.officer}`,
      agency,
      orgUnits: spec.orgUnits ?? unitsOf(agency),
      roles: spec.roles ?? ['officer'],
      password: spec.password ?? PASSWORD,
    });
  expect([spec.officer, res.status]).toEqual([spec.officer, 201]);
}

export interface SignedIn {
  accessToken: string;
  /** The `Cookie` header value that carries the refresh token back. */
  cookie: string;
  bearer: { Authorization: string };
  body: Record<string, unknown>;
}

/** The ledger_refresh cookie of a response, as a Cookie header value; undefined when none was set. */
export function refreshCookieOf(res: { headers: Record<string, unknown> }): string | undefined {
  const cookies = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  const cookie = cookies.find((c) => c.startsWith('ledger_refresh='));
  return cookie?.split(';')[0];
}

export async function signIn(ledger: TestLedger, officer: string, password = PASSWORD): Promise<SignedIn> {
  const res = await ledger.anonymous().post('/auth/login').send({ officer, password });
  expect([officer, res.status, res.body.detail]).toEqual([officer, 200, undefined]);
  return signedIn(res);
}

export function signedIn(res: { body: Record<string, unknown>; headers: Record<string, unknown> }): SignedIn {
  const accessToken = res.body.accessToken as string;
  return {
    accessToken,
    cookie: refreshCookieOf(res)!,
    bearer: { Authorization: `Bearer ${accessToken}` },
    body: res.body,
  };
}
