// Signing in with a password: login, refresh with rotation, reuse of a spent refresh token, logout, a
// disabled account and a revoked role refused at the next write and the next refresh, a password reset, the
// admin's account routes, and the lockout after repeated failures (per account and per address).
import { randomUUID } from 'node:crypto';
import { AccountCommands } from '@ledger/ledger/accounts/account-commands';
import { untilProjected } from './support/ledger-client';
import { at, startTestLedger, type TestLedger } from './support/test-app';
import { admin, DEFAULT_COMMUNE, officer as officerToken } from './support/tokens';
import { createAccount, PASSWORD, refreshCookieOf, signedIn, signIn } from './support/sign-in';

const house = (n: number) => ({
  householdHeadCitizenId: `0582000${String(n).padStart(5, '0')}`,
  commune: DEFAULT_COMMUNE,
  category: 'poor',
  occurredAt: at('2026-03-02'),
});

describe('signing in', () => {
  let ledger: TestLedger;
  let n = 0;
  const record = (headers: Record<string, string>) =>
    ledger.anonymous().post('/housing-cases').set(headers).send(house(++n));
  const refresh = (cookie: string) => ledger.anonymous().post('/auth/refresh').set('Cookie', cookie);

  beforeAll(async () => {
    ledger = await startTestLedger({ seed: true });
    await createAccount(ledger, { officer: 'can-bo-dn-01', displayName: 'Pi Năng Thị Hoa' });
  }, 60_000);
  afterAll(() => ledger.close());

  it('creates an account as an event by the admin, with no password anywhere on the record', async () => {
    const res = await ledger.http(admin()).get('/accounts/can-bo-dn-01').expect(200);
    expect(res.body).toEqual({
      officer: 'can-bo-dn-01',
      displayName: 'Pi Năng Thị Hoa',
      agency: 'VHXH-XA-BAC-AI-DONG',
      orgUnits: ['KH-BAC-AI-DONG'],
      roles: ['officer'],
      enabled: true,
    });
    const stream = await ledger.http().get('/streams/account-can-bo-dn-01').expect(200);
    const events = stream.body.events as Array<{ type: string; metadata: { actor: unknown }; hash: string }>;
    expect(events.map((e) => e.type)).toEqual(['AccountCreated']);
    expect(events[0].metadata.actor).toEqual({
      officer: 'quan-tri-01',
      agency: 'UBND-BAC-AI',
      role: 'admin',
    });
    expect(events[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stream.body)).not.toContain(PASSWORD);
    expect(JSON.stringify(stream.body)).not.toMatch(/scrypt/);
    // The projections take account events in their stride (untilProjected fails on a failed projection).
    await untilProjected(ledger);
  });

  it('signs in: an access token in the body, the refresh token in an HttpOnly, SameSite=Strict cookie on /auth', async () => {
    const res = await ledger
      .anonymous()
      .post('/auth/login')
      .send({ officer: 'can-bo-dn-01', password: PASSWORD })
      .expect(200);
    expect(res.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      officer: { id: 'can-bo-dn-01', displayName: 'Pi Năng Thị Hoa', roles: ['officer'] },
    });
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('ledger_refresh='),
    )!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/auth/);
    const me = await ledger
      .anonymous()
      .get('/auth/me')
      .set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.body).toEqual({
      id: 'can-bo-dn-01',
      displayName: 'Pi Năng Thị Hoa',
      agency: 'VHXH-XA-BAC-AI-DONG',
      orgUnits: ['KH-BAC-AI-DONG'],
      roles: ['officer'],
      method: 'password',
    });
    const write = await record({ Authorization: `Bearer ${res.body.accessToken}` });
    expect(write.status).toBe(201);
    const event = await ledger.http().get(`/events/${write.body.eventIds[0]}`).expect(200);
    expect(event.body.metadata.actor.officer).toBe('can-bo-dn-01');
  });

  it('answers a wrong password and an unknown officer alike (401)', async () => {
    const wrong = await ledger
      .anonymous()
      .post('/auth/login')
      .send({ officer: 'can-bo-dn-01', password: 'sai mật khẩu rồi' });
    const unknown = await ledger
      .anonymous()
      .post('/auth/login')
      .send({ officer: 'khong-co-ai', password: PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('SIGN_IN_FAILED');
    expect(unknown.body.detail).toBe(wrong.body.detail);
    expect(refreshCookieOf(wrong)).toBeUndefined();
    await ledger.anonymous().post('/auth/login').send({ officer: 'can-bo-dn-01' }).expect(400);
  });

  it('rotates the refresh token on every use; a spent one used again ends the whole sign-in', async () => {
    const first = await signIn(ledger, 'can-bo-dn-01');
    const second = signedIn(await refresh(first.cookie).expect(200));
    expect(second.cookie).not.toBe(first.cookie);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.body.officer).toMatchObject({ id: 'can-bo-dn-01' });
    expect((await record(second.bearer)).status).toBe(201);
    const third = signedIn(await refresh(second.cookie).expect(200));

    const reused = await refresh(first.cookie);
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('SESSION_ENDED');
    expect(reused.body.detail).toMatch(/twice/);
    // The family is revoked: the newest refresh token and the session's access tokens are refused too.
    expect((await refresh(third.cookie)).status).toBe(401);
    const write = await record(third.bearer);
    expect([write.status, write.body.code]).toEqual([401, 'SESSION_ENDED']);
    // Another sign-in is untouched.
    const other = await signIn(ledger, 'can-bo-dn-01');
    expect((await record(other.bearer)).status).toBe(201);
  });

  it('refuses a refresh without a cookie (400) and with an unknown one (401)', async () => {
    expect((await ledger.anonymous().post('/auth/refresh')).status).toBe(400);
    expect((await refresh('ledger_refresh=made-up')).status).toBe(401);
  });

  it('signs out: the session ends, the cookie is cleared, its access token no longer writes', async () => {
    const session = await signIn(ledger, 'can-bo-dn-01');
    // Used once before: the refusal below is the session's end, not a first look at the token.
    expect((await record(session.bearer)).status).toBe(201);
    const out = await ledger.anonymous().post('/auth/logout').set('Cookie', session.cookie).expect(204);
    expect(((out.headers['set-cookie'] as unknown as string[]) ?? []).join()).toMatch(/ledger_refresh=;/);
    expect((await refresh(session.cookie)).status).toBe(401);
    expect((await record(session.bearer)).status).toBe(401);
    // Reads go on until the access token expires (at most 15 minutes).
    expect((await ledger.anonymous().get('/auth/me').set(session.bearer)).status).toBe(200);
    await ledger.anonymous().post('/auth/logout').expect(204);
  });

  it('a disabled account is refused at its next write and next refresh, and cannot sign in until enabled', async () => {
    await createAccount(ledger, { officer: 'can-bo-dn-02' });
    const session = await signIn(ledger, 'can-bo-dn-02');
    expect((await record(session.bearer)).status).toBe(201);

    const disabled = await ledger
      .http(admin())
      .post('/accounts/can-bo-dn-02/disable')
      .send({ reason: 'chuyển công tác' })
      .expect(200);
    expect(disabled.body.account).toMatchObject({ enabled: false, disabledReason: 'chuyển công tác' });

    const write = await record(session.bearer);
    expect([write.status, write.body.code]).toEqual([401, 'SESSION_ENDED']);
    expect(write.body.detail).toMatch(/disabled/);
    expect((await refresh(session.cookie)).status).toBe(401);
    const login = await ledger
      .anonymous()
      .post('/auth/login')
      .send({ officer: 'can-bo-dn-02', password: PASSWORD });
    expect([login.status, login.body.code]).toEqual([401, 'ACCOUNT_DISABLED']);
    // A wrong password on a disabled account says nothing of the account.
    const wrong = await ledger
      .anonymous()
      .post('/auth/login')
      .send({ officer: 'can-bo-dn-02', password: 'not the one at all' });
    expect(wrong.body.code).toBe('SIGN_IN_FAILED');

    await ledger.http(admin()).post('/accounts/can-bo-dn-02/enable').expect(200);
    const again = await signIn(ledger, 'can-bo-dn-02');
    expect((await record(again.bearer)).status).toBe(201);
    const stream = await ledger.http().get('/streams/account-can-bo-dn-02').expect(200);
    expect((stream.body.events as Array<{ type: string }>).map((e) => e.type)).toEqual([
      'AccountCreated',
      'AccountDisabled',
      'AccountEnabled',
    ]);
  });

  it('a role revoked mid-session: the next write and the next refresh are refused', async () => {
    await createAccount(ledger, { officer: 'can-bo-dn-03', roles: ['officer', 'viewer'] });
    const session = await signIn(ledger, 'can-bo-dn-03');
    expect((await record(session.bearer)).status).toBe(201);
    const revoked = await ledger.http(admin()).delete('/accounts/can-bo-dn-03/roles/officer').expect(200);
    expect(revoked.body.account.roles).toEqual(['viewer']);
    const write = await record(session.bearer);
    expect([write.status, write.body.code]).toEqual([401, 'SESSION_ENDED']);
    expect(write.body.detail).toMatch(/revoked/);
    expect((await refresh(session.cookie)).status).toBe(401);
    // Signed in again, the officer acts with the roles granted now.
    const again = await signIn(ledger, 'can-bo-dn-03');
    expect(again.body.officer).toMatchObject({ roles: ['viewer'] });
    expect((await record(again.bearer)).status).toBe(403);
  });

  it('reads the account from its stream on every write, whether or not the sessions were ended', async () => {
    await createAccount(ledger, { officer: 'can-bo-dn-05', roles: ['officer', 'viewer'] });
    const session = await signIn(ledger, 'can-bo-dn-05');
    expect((await record(session.bearer)).status).toBe(201);
    // Recorded straight through the account commands, which (unlike the admin routes) end no session.
    const commands = ledger.app.get(AccountCommands);
    const context = {
      actor: { officer: 'quan-tri-01', agency: 'UBND-BAC-AI', role: 'admin' },
      authority: { operator: 'test' },
      correlationId: randomUUID(),
      evidence: [],
      receivedAt: new Date(),
    };
    const occurredAt = new Date().toISOString();
    await commands.execute(
      { type: 'RevokeRole', officer: 'can-bo-dn-05', role: 'officer', occurredAt },
      context,
    );
    const write = await record(session.bearer);
    expect([write.status, write.body.code]).toEqual([401, 'SESSION_ENDED']);
    expect(write.body.detail).toMatch(/role officer revoked/);

    await commands.execute(
      { type: 'GrantRole', officer: 'can-bo-dn-05', role: 'officer', occurredAt },
      context,
    );
    const again = await signIn(ledger, 'can-bo-dn-05');
    expect((await record(again.bearer)).status).toBe(201);
    await commands.execute(
      { type: 'DisableAccount', officer: 'can-bo-dn-05', reason: 'nghỉ việc', occurredAt },
      context,
    );
    const refused = await record(again.bearer);
    expect([refused.status, refused.body.detail]).toEqual([401, expect.stringMatching(/disabled/)]);
    // Signing out still works, with the access token sent along or not.
    await ledger.anonymous().post('/auth/logout').set('Cookie', again.cookie).set(again.bearer).expect(204);
  });

  it('a role granted to one who holds one four eyes keep apart is refused, naming the field', async () => {
    const res = await ledger.http(admin()).post('/accounts/can-bo-dn-01/roles').send({ role: 'inspector' });
    expect([res.status, res.body.code, res.body.field]).toEqual([400, 'ROLE_MIX_REFUSED', 'role']);
    const create = await ledger
      .http(admin())
      .post('/accounts')
      .send({
        officer: 'hon-hop-01',
        displayName: 'x',
        agency: 'UBND-KHANH-HOA',
        orgUnits: ['KHANH-HOA'],
        roles: ['admin', 'officer'],
        password: PASSWORD,
      });
    expect([create.status, create.body.code]).toEqual([400, 'ROLE_MIX_REFUSED']);
  });

  it('an account for an agency or commune ended before today is a 409 naming what took its place', async () => {
    // The seeds end the district's labour office and xã Phước Đại on 1 July 2025 (agencySuccessions, orgUnitChanges).
    const account = (agency: string, orgUnits: string[]) =>
      ledger
        .http(admin())
        .post('/accounts')
        .send({
          officer: `ket-thuc-${++n}`,
          displayName: 'x',
          agency,
          orgUnits,
          roles: ['officer'],
          password: PASSWORD,
        });
    const endedAgency = await account('LDTBXH-BAC-AI', ['KH-BAC-AI-DONG']);
    expect([endedAgency.status, endedAgency.body.code]).toEqual([409, 'AGENCY_ENDED']);
    expect(endedAgency.body.instead).toContain('VHXH-XA-BAC-AI-DONG');
    const endedUnit = await account('VHXH-XA-BAC-AI-DONG', ['BA-PHUOC-DAI']);
    expect([endedUnit.status, endedUnit.body.code]).toEqual([409, 'ORG_UNIT_ENDED']);
    expect((await account('VHXH-XA-BAC-AI-DONG', ['KH-BAC-AI-DONG'])).status).toBe(201);
  });

  it('a password reset by an admin ends the sessions; the new password signs in, the old does not', async () => {
    await createAccount(ledger, { officer: 'can-bo-dn-04' });
    const session = await signIn(ledger, 'can-bo-dn-04');
    await ledger
      .http(admin())
      .post('/accounts/can-bo-dn-04/password')
      .send({ password: 'một mật khẩu mới hơn' })
      .expect(200);
    expect((await refresh(session.cookie)).status).toBe(401);
    expect((await record(session.bearer)).status).toBe(401);
    expect(
      (await ledger.anonymous().post('/auth/login').send({ officer: 'can-bo-dn-04', password: PASSWORD }))
        .status,
    ).toBe(401);
    await signIn(ledger, 'can-bo-dn-04', 'một mật khẩu mới hơn');
  });

  it('lets only an admin manage accounts, and lists them', async () => {
    const officer = await signIn(ledger, 'can-bo-dn-01');
    expect((await ledger.anonymous().get('/accounts').set(officer.bearer)).status).toBe(403);
    expect(
      (await ledger.http(officerToken()).post('/accounts/can-bo-dn-01/disable').send({ reason: 'thử xem' }))
        .status,
    ).toBe(403);
    const list = await ledger.http(admin()).get('/accounts').expect(200);
    const ids = (list.body.accounts as Array<{ officer: string }>).map((a) => a.officer);
    expect(ids).toEqual(
      expect.arrayContaining(['can-bo-dn-01', 'can-bo-dn-02', 'can-bo-dn-03', 'can-bo-dn-04']),
    );
    expect(JSON.stringify(list.body)).not.toMatch(/password|scrypt/i);
    const dup = await ledger
      .http(admin())
      .post('/accounts')
      .send({
        officer: 'can-bo-dn-01',
        displayName: 'Pi Năng Thị Hoa',
        agency: 'VHXH-XA-BAC-AI-DONG',
        orgUnits: ['KH-BAC-AI-DONG'],
        roles: ['officer'],
        password: 'thay mật khẩu lén lút',
      });
    expect([dup.status, dup.body.code]).toEqual([409, 'ACCOUNT_EXISTS']);
    expect((await ledger.http(admin()).get('/accounts/khong-co-ai')).status).toBe(404);
  });

  it('says which ways of signing in it offers', async () => {
    const res = await ledger.anonymous().get('/auth/methods').expect(200);
    expect(res.body).toEqual({ password: true, oidc: { enabled: false, label: '' } });
  });
});

describe('brute force', () => {
  let ledger: TestLedger;

  beforeAll(async () => {
    ledger = await startTestLedger({
      env: {
        LEDGER_LOGIN_MAX_FAILURES: '3',
        LEDGER_LOGIN_LOCK: '1m',
        LEDGER_LOGIN_PER_ADDRESS_PER_MINUTE: '12',
      },
    });
    await createAccount(ledger, { officer: 'can-bo-bf-01' });
  }, 60_000);
  afterAll(() => ledger.close());

  const login = (officer: string, password: string) =>
    ledger.anonymous().post('/auth/login').send({ officer, password });

  it('locks an account after repeated failures, says when to retry, and refuses even the right password meanwhile', async () => {
    for (let i = 0; i < 3; i++) expect((await login('can-bo-bf-01', `wrong password ${i}`)).status).toBe(401);
    const started = Date.now();
    const locked = await login('can-bo-bf-01', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('SIGN_IN_LOCKED');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(55);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const retryAt = Date.parse(locked.body.retryAt as string);
    expect(Math.abs(retryAt - (started + 60_000))).toBeLessThan(6_000);
    expect(locked.body.detail).toContain(new Date(retryAt).toISOString());
    expect(locked.body.detail).toMatch(/thử lại sau \d+ giây/);
  }, 30_000);

  it('limits sign-ins from one address, whichever officers they name', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login(`khong-co-${i}`, 'wrong password')).status);
    // The first test used 4 of this minute's 12 (unless the minute turned meanwhile).
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    const limited = await login('can-bo-bf-02', 'wrong password');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.detail).toMatch(/address/);
  }, 30_000);
});
