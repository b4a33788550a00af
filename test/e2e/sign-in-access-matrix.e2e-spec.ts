// The access matrix of the access-control suite, with access tokens from signing in instead of service
// tokens: one account per role, each signed in with its password. Every route x role answers as it does for
// a service token (the session check on writes refuses nothing an open session may do), and the finer
// write rules hold: own commune only, own agency's tasks only, inspectors and viewers never write.
import type { Role } from '@ledger/domain';
import { expectRouteMatrix, MATRIX_ROLES, routesOf, type Route } from './support/access-matrix';
import { headPosition, post } from './support/ledger-client';
import { createAccount, signIn } from './support/sign-in';
import { at, startTestLedger, type TestLedger } from './support/test-app';

const registration = (commune: string, citizenId: string) => ({
  householdHeadCitizenId: citizenId,
  commune,
  category: 'poor',
  occurredAt: at('2026-03-02'),
});

describe('access control with tokens from signing in', () => {
  let ledger: TestLedger;
  let routes: Route[];
  const tokens = new Map<Role, Record<string, string>>();

  beforeAll(async () => {
    ledger = await startTestLedger({ seed: true });
    routes = await routesOf(ledger);
    for (const role of MATRIX_ROLES) {
      await createAccount(ledger, { officer: `tk-${role}`, roles: [role] });
      tokens.set(role, (await signIn(ledger, `tk-${role}`)).bearer);
    }
  }, 60_000);
  afterAll(() => ledger.close());

  it('the sign-in and account routes state their rules', () => {
    const rule = (method: string, path: string) =>
      routes.find((r) => r.method === method && r.path === path)?.allowed;
    expect(rule('post', '/auth/login')).toBe('anyone');
    expect(rule('post', '/auth/refresh')).toBe('anyone');
    expect(rule('post', '/auth/logout')).toBe('anyone');
    expect(rule('get', '/auth/methods')).toBe('anyone');
    expect(rule('get', '/auth/me')).toEqual(MATRIX_ROLES);
    for (const [method, path] of [
      ['post', '/accounts'],
      ['get', '/accounts'],
      ['get', '/accounts/{officer}'],
      ['post', '/accounts/{officer}/disable'],
      ['post', '/accounts/{officer}/enable'],
      ['post', '/accounts/{officer}/roles'],
      ['delete', '/accounts/{officer}/roles/{role}'],
      ['post', '/accounts/{officer}/password'],
    ])
      expect([method, path, rule(method, path)]).toEqual([method, path, ['admin']]);
  });

  it('answers every route x role as for service tokens: 401 without a token, 403 for a role left out, else past the guard', async () => {
    const calls = await expectRouteMatrix(ledger, routes, (role) => tokens.get(role)!);
    expect(calls).toBe(routes.length * MATRIX_ROLES.length);
  }, 120_000);

  it('keeps the finer write rules: own commune, own agency, never an inspector or a viewer', async () => {
    await createAccount(ledger, {
      officer: 'tk-xa-bac-ai',
      agency: 'UBND-XA-BAC-AI',
      orgUnits: ['KH-BAC-AI'],
    });
    await createAccount(ledger, { officer: 'tk-bac-si', agency: 'TTYT-BAC-AI', orgUnits: ['PLAN-BAC-AI'] });
    const commune = (await signIn(ledger, 'tk-xa-bac-ai')).bearer;
    expect(
      (await post(ledger, '/housing-cases', registration('KH-BAC-AI', '058200009001'), commune)).status,
    ).toBe(201);
    const before = await headPosition(ledger);
    const other = await post(
      ledger,
      '/housing-cases',
      registration('KH-BAC-AI-TAY', '058200009002'),
      commune,
    );
    expect([other.status, other.body.code]).toEqual([403, 'ACCESS_DENIED']);
    const doctor = (await signIn(ledger, 'tk-bac-si')).bearer;
    const grant = await post(
      ledger,
      '/allowance-grants',
      {
        beneficiaryCitizenId: '058200009010',
        programme: 'tro-cap-xa-hoi',
        monthlyAmountVnd: 500_000,
        commune: 'KH-BAC-AI',
        occurredAt: at('2026-02-01'),
      },
      doctor,
    );
    expect(grant.status).toBe(403);
    for (const role of ['inspector', 'viewer', 'admin'] as const) {
      const res = await post(
        ledger,
        '/housing-cases',
        registration('KH-BAC-AI-DONG', '058200009020'),
        tokens.get(role)!,
      );
      expect([role, res.status]).toEqual([role, 403]);
    }
    expect(await headPosition(ledger)).toBe(before);
  });
});
