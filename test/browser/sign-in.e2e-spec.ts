// Signing in on the dashboard, in a real browser (Debian's Chromium driven by playwright-core, as
// dashboard.e2e-spec.ts does), against the real API on a seeded temporary store. As the README has it: the first
// admin is created with the CLI's code path, signs in and creates an officer's account on the admin page; the
// officer signs in on a phone and records a house's completion (201, shown on the page); the admin disables the
// account and the officer's next write is refused with a message on the page. Then a session resumed after a
// reload, renewed before it expires and ended by "Đăng xuất", and a lockout that says when to try again.
// Skipped, with the reason in its name, when Chromium is not installed. LEDGER_DASHBOARD_SCREENSHOT=1 also writes
// docs/dashboard-sign-in.png.
import { statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { housingCaseAt } from '../e2e/support/ledger-client';
import { startTestLedger, type TestLedger } from '../e2e/support/test-app';
import { createFirstAdmin } from './support/first-admin';
import { browserSuite, CHROMIUM, CHROMIUM_ARGS } from './support/chromium';

const SCREENSHOT = join(__dirname, '../../docs/dashboard-sign-in.png');

const suite = browserSuite;

// Functions given to page.evaluate run in the page; the type checker here has no DOM library.
interface PageElement {
  id: string;
  textContent: string | null;
  outerHTML: string;
  labels?: { length: number } | null;
  getAttribute(name: string): string | null;
}
declare const document: {
  documentElement: { scrollWidth: number };
  querySelectorAll(selector: string): Iterable<PageElement>;
};
declare const window: { innerWidth: number };
declare const location: { hash: string };
declare const localStorage: {
  length: number;
  key(i: number): string | null;
  getItem(k: string): string | null;
};
declare const sessionStorage: typeof localStorage;

const ADMIN = {
  officer: 'quan-tri-huyen',
  displayName: 'Trần Văn Quản',
  agency: 'UBND-KHANH-HOA',
  password: 'mat-khau-quan-tri-2026!',
};
const OFFICER = {
  officer: 'can-bo-bac-ai-dong-01',
  displayName: 'Nguyễn Thị Lan',
  agency: 'VHXH-XA-BAC-AI-DONG',
  orgUnit: 'KH-BAC-AI-DONG',
  password: 'mat-khau-can-bo-lan-2026',
};

suite('signing in on the dashboard in Chromium', () => {
  jest.setTimeout(90_000);
  let ledger: TestLedger;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ledger = await startTestLedger({ seed: true });
    await createFirstAdmin(ledger, ADMIN);
    const server = ledger.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await ledger?.close();
  });

  afterEach(() => expect(pageErrors).toEqual([]));

  /** A browser of its own (its own cookies): a desktop, or a phone 390 px wide. */
  async function newPage(phone = false): Promise<Page> {
    const context = await browser.newContext({
      locale: 'vi-VN',
      viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
      deviceScaleFactor: 1,
      isMobile: phone,
      hasTouch: phone,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  /** Loads the dashboard afresh on a view (a full load: a hash alone would not reload) and waits for it. */
  let loads = 0;
  async function open(page: Page, hash: string): Promise<void> {
    await page.goto(`${base}/?load=${++loads}${hash}`);
    await page.waitForSelector('main:not([aria-busy]) h1');
  }

  const answerTo = (page: Page, method: string, path: string | RegExp) =>
    page.waitForResponse(
      (r) =>
        r.request().method() === method &&
        (typeof path === 'string'
          ? new URL(r.url()).pathname === path
          : path.test(new URL(r.url()).pathname)),
    );

  /** Fills the sign-in form and sends it; the answer of POST /auth/login. */
  async function signIn(page: Page, officer: string, password: string): Promise<Response> {
    await open(page, '#/sign-in');
    await page.fill('#sign-in-officer', officer);
    await page.fill('#sign-in-password', password);
    const [login] = await Promise.all([answerTo(page, 'POST', '/auth/login'), page.click('#sign-in-submit')]);
    return login;
  }

  const textOf = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? '';

  /** Every value the page keeps in localStorage and sessionStorage. */
  const storedValues = (page: Page) =>
    page.evaluate(() => {
      const values: string[] = [];
      for (const store of [localStorage, sessionStorage])
        for (let i = 0; i < store.length; i++) values.push(store.getItem(store.key(i) ?? '') ?? '');
      return values;
    });

  /** The view's controls that have no label, no aria-label and no text (a screen reader could not name them). */
  const unlabelledControls = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('main input, main select, main button')]
        .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.textContent?.trim()))
        .map((el) => el.id || el.outerHTML.slice(0, 60)),
    );

  /** The events of a housing case, read over the API by an inspector. */
  const caseEvents = async (caseId: string) =>
    (await ledger.http().get(`/streams/housing-case-${caseId}`).expect(200)).body.events as Array<{
      id: string;
      type: string;
      metadata: { actor: { officer: string; agency: string } };
    }>;

  it('an admin creates an officer account; the officer signs in on a phone and records; disabled, the next write is refused', async () => {
    // The admin signs in and creates the officer's account on the admin page.
    const admin = await newPage();
    const adminLogin = await signIn(admin, ADMIN.officer, ADMIN.password);
    expect(adminLogin.status()).toBe(200);
    await admin.waitForSelector('#account-who');
    expect(await textOf(admin, '#account-who')).toContain(ADMIN.displayName);
    expect(await textOf(admin, '#account-who')).toContain('quản trị');
    await admin.click('#nav-admin');
    await admin.waitForSelector('#account-form');
    await admin.fill('#acc-officer', OFFICER.officer);
    await admin.fill('#acc-name', OFFICER.displayName);
    await admin.selectOption('#acc-agency', OFFICER.agency);
    // The agency's own commune is chosen with it.
    expect(
      await admin.locator('#acc-org-units').evaluate((s) => (s as never as { value: string }).value),
    ).toBe(OFFICER.orgUnit);
    await admin.check('#acc-role-officer');
    await admin.fill('#acc-password', OFFICER.password);
    const [created] = await Promise.all([answerTo(admin, 'POST', '/accounts'), admin.click('#acc-create')]);
    expect(created.status()).toBe(201);
    expect(await created.text()).not.toContain(OFFICER.password);
    await admin.waitForSelector('#account-form-message .alert-success');
    expect(await textOf(admin, '#account-form-message')).toContain(`Đã tạo tài khoản ${OFFICER.officer}`);
    const row = admin.locator('#accounts-table tbody tr', { hasText: OFFICER.officer });
    await row.waitFor();
    expect(await row.textContent()).toContain(OFFICER.displayName);
    expect(await row.textContent()).toContain('Đang hoạt động');
    expect(await unlabelledControls(admin)).toEqual([]);

    // A case of the officer's commune, registered and started by a colleague, waits for its completion.
    const caseId = await housingCaseAt(ledger, 'started', '058200000931', OFFICER.orgUnit);
    const before = await caseEvents(caseId);

    // The officer, on a phone: a wrong password first, then the right one.
    const phone = await newPage(true);
    const wrong = await signIn(phone, OFFICER.officer, 'not-the-password');
    expect(wrong.status()).toBe(401);
    await phone.waitForSelector('#sign-in-message [role=alert]');
    expect(await textOf(phone, '#sign-in-message')).toContain('Sai mã cán bộ hoặc mật khẩu');
    const login = await signIn(phone, OFFICER.officer, OFFICER.password);
    expect(login.status()).toBe(200);
    const accessToken = ((await login.json()) as { accessToken: string }).accessToken;
    await phone.waitForSelector('#account-who');
    const who = await textOf(phone, '#account-who');
    expect(who).toContain(OFFICER.displayName);
    expect(who).toContain('cán bộ');
    // The access token is kept in memory only.
    expect((await storedValues(phone)).filter((v) => v.includes(accessToken))).toEqual([]);
    expect(await phone.isVisible('#nav-record')).toBe(true);
    expect(await phone.isVisible('#nav-admin')).toBe(false);

    // The record form, made from the catalogue: a house completed.
    // Opened afresh: the session is resumed from the cookie, with a new access token.
    const [resumed] = await Promise.all([
      answerTo(phone, 'POST', '/auth/refresh'),
      open(phone, '#/record?command=CompleteHousingConstruction'),
    ]);
    expect(resumed.status()).toBe(200);
    const resumedToken = ((await resumed.json()) as { accessToken: string }).accessToken;
    expect(resumedToken).not.toBe(accessToken);
    await phone.waitForSelector('#record-form');
    expect(await phone.inputValue('#record-command')).toBe('CompleteHousingConstruction');
    await phone.fill('#rf-case-id', caseId);
    await phone.fill('#rf-floorAreaM2', '42.5');
    await phone.fill('#rf-occupants', '5');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(await unlabelledControls(phone)).toEqual([]);
    const [recorded] = await Promise.all([
      answerTo(phone, 'POST', `/housing-cases/${caseId}/completions`),
      phone.click('#record-submit'),
    ]);
    expect(recorded.status()).toBe(201);
    expect(recorded.request().headers().authorization).toBe(`Bearer ${resumedToken}`);
    const answer = (await recorded.json()) as { eventIds: string[] };
    await phone.waitForSelector('#record-done');
    expect(await textOf(phone, '#record-done')).toContain('Đã ghi nhận: Hoàn thành xây nhà');
    expect(await textOf(phone, '#record-done')).toContain(answer.eventIds[0]);
    const after = await caseEvents(caseId);
    expect(after).toHaveLength(before.length + 1);
    expect(after[after.length - 1]).toMatchObject({
      id: answer.eventIds[0],
      type: 'HousingConstructionCompleted',
      metadata: { actor: { officer: OFFICER.officer, agency: OFFICER.agency } },
    });

    // The admin disables the account, with a reason.
    await open(admin, '#/admin');
    await admin.click(`#disable-${OFFICER.officer}`);
    await admin.fill(`#disable-reason-${OFFICER.officer}`, 'Cán bộ chuyển công tác khác');
    const [disabled] = await Promise.all([
      answerTo(admin, 'POST', `/accounts/${OFFICER.officer}/disable`),
      admin.click(`#disable-confirm-${OFFICER.officer}`),
    ]);
    expect(disabled.status()).toBeLessThan(300);
    await admin.waitForSelector('#accounts-message .alert-success');
    expect(await textOf(admin, '#accounts-message')).toContain(`Đã khóa tài khoản ${OFFICER.officer}`);
    expect(
      await admin.locator('#accounts-table tbody tr', { hasText: OFFICER.officer }).textContent(),
    ).toContain('Đã khóa');

    // The officer's next write (the house handed over), from the page still open: refused, said on the page.
    await phone.selectOption('#record-command', 'HandOverHouse');
    await phone.fill('#rf-case-id', caseId);
    const [refused] = await Promise.all([
      answerTo(phone, 'POST', `/housing-cases/${caseId}/handovers`),
      phone.click('#record-submit'),
    ]);
    expect([401, 403]).toContain(refused.status());
    await phone.waitForSelector('#record-result [role=alert]');
    expect(await textOf(phone, '#record-result')).toContain('tài khoản của bạn đã bị khóa');
    // The page's renewal was refused too: the header says the session has ended.
    await phone.waitForSelector('#account-ended');
    expect(await phone.isVisible('#sign-in-link')).toBe(true);
    expect(await caseEvents(caseId)).toHaveLength(after.length);

    // Signing in again says the account is disabled.
    const again = await signIn(phone, OFFICER.officer, OFFICER.password);
    expect(again.status()).toBe(401);
    await phone.waitForSelector('#sign-in-message [role=alert]');
    expect(await textOf(phone, '#sign-in-message')).toContain('Tài khoản này đã bị khóa');
  });

  it('resumes the session after a reload, renews it before it expires, and signs out', async () => {
    const account = { ...OFFICER, officer: 'can-bo-bac-ai-dong-02', displayName: 'Phạm Văn Minh' };
    await createOfficer(account);
    const page = await newPage();
    await page.clock.install();
    await open(page, '#/sign-in');
    expect(await page.textContent('h1')).toBe('Đăng nhập');
    // The pasted token is there only for service accounts, folded away under the sign-in.
    expect(await page.isVisible('#token')).toBe(false);
    expect(await page.isVisible('#service-token-summary')).toBe(true);
    // Single sign-on is offered only when the server has it (GET /auth/methods): not on this one.
    expect(await page.locator('#sign-in-oidc').count()).toBe(0);
    const out = process.env.LEDGER_DASHBOARD_SCREENSHOT ? SCREENSHOT : join(ledger.dataDir, 'sign-in.png');
    await page.screenshot({ path: out, fullPage: false });
    expect(statSync(out).size).toBeGreaterThan(10_000);

    const login = await signIn(page, account.officer, account.password);
    const first = ((await login.json()) as { accessToken: string; expiresIn: number }).accessToken;
    await page.waitForSelector('#account-who');

    // A reload: the session is resumed from the refresh cookie (the page holds no token of its own).
    const [resumed] = await Promise.all([answerTo(page, 'POST', '/auth/refresh'), page.reload()]);
    expect(resumed.status()).toBe(200);
    await page.waitForSelector('#account-who');
    expect(await textOf(page, '#account-who')).toContain(account.displayName);

    // A minute before the access token expires, the page renews it.
    const { expiresIn } = (await resumed.json()) as { expiresIn: number };
    const [renewed] = await Promise.all([
      answerTo(page, 'POST', '/auth/refresh'),
      page.clock.fastForward((expiresIn - 50) * 1000),
    ]);
    expect(renewed.status()).toBe(200);
    const renewedToken = ((await renewed.json()) as { accessToken: string }).accessToken;
    expect(renewedToken).not.toBe(first);
    // The officer reads their own agency's trail with the renewed token.
    const [trail] = await Promise.all([
      answerTo(page, 'GET', '/agencies/VHXH-XA-BAC-AI-DONG/trail'),
      page.evaluate(() => {
        location.hash = '#/agency/VHXH-XA-BAC-AI-DONG';
      }),
    ]);
    expect(trail.status()).toBe(200);
    expect(trail.request().headers().authorization).toBe(`Bearer ${renewedToken}`);

    // Sign out: the session ends on the server and the page says so; a reload does not bring it back.
    const [logout] = await Promise.all([answerTo(page, 'POST', '/auth/logout'), page.click('#sign-out')]);
    expect(logout.status()).toBe(204);
    await page.waitForSelector('#sign-in-form');
    expect(await textOf(page, '#sign-in-message')).toContain('Đã đăng xuất');
    expect(await page.isVisible('#sign-in-link')).toBe(true);
    const [afterLogout] = await Promise.all([answerTo(page, 'POST', '/auth/refresh'), page.reload()]);
    expect(afterLogout.status()).toBe(400);
    expect(((await afterLogout.json()) as { code: string }).code).toBe('REFRESH_COOKIE_MISSING');
    await page.waitForSelector('#sign-in-link');
    expect(await page.locator('#account-who').count()).toBe(0);

    // The page in English.
    await open(page, '#/sign-in');
    await page.click('#lang-switch');
    await page.waitForSelector('h1:has-text("Sign in")');
    expect(await page.textContent('label[for=sign-in-password]')).toBe('Password');
    await page.click('#lang-switch');
  });

  it('says when to try again after too many wrong passwords', async () => {
    const account = { ...OFFICER, officer: 'can-bo-bac-ai-dong-03', displayName: 'Lê Văn Hùng' };
    await createOfficer(account);
    const page = await newPage();
    let status = 0;
    for (let attempt = 0; attempt < 30 && status !== 429; attempt++) {
      status = (await signIn(page, account.officer, `sai-mat-khau-${attempt}`)).status();
      expect([401, 429]).toContain(status);
    }
    expect(status).toBe(429);
    await page.waitForSelector('#sign-in-message [role=alert]');
    const text = await textOf(page, '#sign-in-message');
    expect(text).toMatch(
      /Đăng nhập sai quá nhiều lần\. Thử lại sau \d+ (giây|phút) \(lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}, giờ Việt Nam\)\./,
    );
    // Locked, even the right password waits.
    expect((await signIn(page, account.officer, account.password)).status()).toBe(429);
  });

  /** An officer's account made over the API by the admin (the admin page itself is tested above). */
  async function createOfficer(account: typeof OFFICER): Promise<void> {
    const login = await ledger
      .anonymous()
      .post('/auth/login')
      .send({ officer: ADMIN.officer, password: ADMIN.password })
      .expect(200);
    await ledger
      .anonymous()
      .post('/accounts')
      .set('Authorization', `Bearer ${login.body.accessToken as string}`)
      .send({
        officer: account.officer,
        displayName: account.displayName,
        agency: account.agency,
        orgUnits: [account.orgUnit],
        roles: ['officer'],
        password: account.password,
      })
      .expect(201);
  }
});
