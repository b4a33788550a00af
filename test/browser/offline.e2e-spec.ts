// Working offline on the dashboard, in a real browser (Debian's Chromium driven by playwright-core), against the
// real API on a seeded temporary store: the page is installable (its manifest, its icons, a service worker for
// the whole site); an officer on a phone records subsidy payments with the connection down, the page kept
// on the device survives a reload, and when the connection comes back the writes are sent and recorded once each
// (the store holds exactly one event per id); a write the ledger refuses on replay is fixed in the queue view and
// sent again under its event id; a write whose answer was lost is sent again and not recorded twice; a token
// refused on replay asks the officer to sign in again, and the queue waits, unsent with anyone else's token.
// Skipped, with the reason in its name, when Chromium is not installed. LEDGER_DASHBOARD_SCREENSHOT=1 also writes
// docs/dashboard-offline-queue.png (the queue on a phone, a write refused beside two recorded).
import { statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestLedger, type TestLedger } from '../e2e/support/test-app';
import { createFirstAdmin } from './support/first-admin';
import { browserSuite, CHROMIUM, CHROMIUM_ARGS } from './support/chromium';

const SCREENSHOT = join(__dirname, '../../docs/dashboard-offline-queue.png');

const suite = browserSuite;

// Functions given to page.evaluate run in the page; the type checker here has no DOM library.
declare const navigator: {
  onLine: boolean;
  serviceWorker: {
    ready: Promise<{ scope: string; active: { scriptURL: string } | null }>;
    controller: { scriptURL: string } | null;
  };
};
declare const document: { documentElement: { scrollWidth: number } };
declare const window: { innerWidth: number };
declare const caches: {
  keys(): Promise<string[]>;
  open(name: string): Promise<{ keys(): Promise<Array<{ url: string }>> }>;
};

const ADMIN = {
  officer: 'quan-tri-huyen',
  displayName: 'Trần Văn Quản',
  agency: 'UBND-KHANH-HOA',
  password: 'mat-khau-quan-tri-2026!',
};
const OFFICER = {
  officer: 'can-bo-bac-ai-dong-11',
  displayName: 'Nguyễn Thị Hoa',
  agency: 'VHXH-XA-BAC-AI-DONG',
  orgUnit: 'KH-BAC-AI-DONG',
  password: 'mat-khau-can-bo-hoa-2026',
};

interface Payment {
  programme: string;
  beneficiaryCitizenId: string;
  period: string;
  amountVnd: number;
  method: string;
}

interface StoredEvent {
  id: string;
  type: string;
  stream: string;
  data: Record<string, unknown>;
  metadata: { actor: { officer: string } };
}

suite('working offline on the dashboard in Chromium', () => {
  jest.setTimeout(120_000);
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

  /** A phone 390 px wide, with a browser of its own (its own cookies, caches and IndexedDB). */
  async function newPhone(): Promise<{ page: Page; context: BrowserContext }> {
    const context = await browser.newContext({
      locale: 'vi-VN',
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
      isMobile: true,
      hasTouch: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return { page, context };
  }

  let loads = 0;
  async function open(page: Page, hash: string): Promise<void> {
    await page.goto(`${base}/?load=${++loads}${hash}`);
    await page.waitForSelector('main:not([aria-busy]) h1');
  }

  async function signIn(page: Page, officer: string, password: string): Promise<void> {
    await open(page, '#/sign-in');
    await page.fill('#sign-in-officer', officer);
    await page.fill('#sign-in-password', password);
    const [login] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/auth/login'),
      page.click('#sign-in-submit'),
    ]);
    expect(login.status()).toBe(200);
    await page.waitForSelector('#account-who');
  }

  /** Waits until the service worker controls the page (it takes over the page that registered it). */
  async function serviceWorkerReady(page: Page): Promise<{ scope: string; script: string }> {
    const registration = await page.evaluate(async () => {
      const ready = await navigator.serviceWorker.ready;
      return { scope: ready.scope, script: ready.active?.scriptURL ?? '' };
    });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    return registration;
  }

  /** A field of the record form, whichever control the form draws for it (a list or a box). */
  async function fill(page: Page, name: string, value: string): Promise<void> {
    const control = page.locator(`#rf-${name}`);
    const tag = await control.evaluate((el) => (el as unknown as { tagName: string }).tagName);
    if (tag === 'SELECT') await control.selectOption(value);
    else await control.fill(value);
  }

  /** Fills the subsidy payment form and sends it; the event id the form gave the write. */
  async function recordPayment(page: Page, payment: Payment): Promise<string> {
    const note = (await page.textContent('#rf-event-id')) ?? '';
    const id = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(note)?.[0];
    expect(id).toBeDefined();
    await fill(page, 'programme', payment.programme);
    await fill(page, 'beneficiaryCitizenId', payment.beneficiaryCitizenId);
    await fill(page, 'period', payment.period);
    await fill(page, 'amountVnd', String(payment.amountVnd));
    await fill(page, 'method', payment.method);
    await page.click('#record-submit');
    // The form is ready for the next write: a new event id.
    await page.waitForFunction(
      (previous) =>
        !(
          (document as unknown as { getElementById(id: string): { textContent: string } }).getElementById(
            'rf-event-id',
          ).textContent ?? ''
        ).includes(previous),
      id!,
    );
    return id!;
  }

  const badge = async (page: Page) => (await page.textContent('#queue-count'))?.trim() ?? '';

  /** The event of an id and every event of its stream, read over the API by an inspector. */
  async function storedWithStream(id: string): Promise<{ event: StoredEvent; stream: StoredEvent[] }> {
    const event = (await ledger.http().get(`/events/${id}`).expect(200)).body as StoredEvent;
    const reason = encodeURIComponent('Kiểm tra bản ghi gửi lại khi có mạng không bị ghi hai lần');
    const stream = (await ledger.http().get(`/streams/${event.stream}?reason=${reason}`).expect(200)).body
      .events as StoredEvent[];
    return { event, stream };
  }

  it('is installable: a manifest in Vietnamese with its icons, and a service worker for the whole site', async () => {
    const { page, context } = await newPhone();
    // Caches of an earlier version, left on the device before this one is installed (and another site's own).
    await page.goto(`${base}/health/live`);
    await page.evaluate(async () => {
      for (const name of [
        'ledger-dashboard-shell-0123456789abcdef',
        'ledger-dashboard-public-api-0123456789abcdef',
        'another-app',
      ])
        await caches.open(name);
    });
    await open(page, '#/');
    const worker = await page.request.get(`${base}/sw.js`);
    expect(worker.status()).toBe(200);
    expect(worker.headers()['content-type']).toBe('text/javascript; charset=utf-8');
    expect(worker.headers()['service-worker-allowed']).toBe('/');
    const registration = await serviceWorkerReady(page);
    expect(registration).toEqual({ scope: `${base}/`, script: `${base}/sw.js` });
    // The page and its files are kept in the cache of the worker's version, the page itself among them.
    const version = /"version":"([0-9a-f]{16})"/.exec(await worker.text())?.[1];
    expect(version).toBeDefined();
    const kept = await page.evaluate(async () => {
      const names = await caches.keys();
      const shell = names.find((n) => n.startsWith('ledger-dashboard-shell-')) ?? '';
      const files = shell
        ? (await (await caches.open(shell)).keys()).map((r) => new URL(r.url).pathname)
        : [];
      return { names, files };
    });
    // The earlier version's caches are gone when this one takes over; what is not the dashboard's stays.
    expect(kept.names.filter((n) => n.startsWith('ledger-dashboard-shell-'))).toEqual([
      `ledger-dashboard-shell-${version!}`,
    ]);
    expect(kept.names).not.toContain('ledger-dashboard-public-api-0123456789abcdef');
    expect(kept.names).toContain('another-app');
    expect(kept.files).toEqual(
      expect.arrayContaining(['/', '/dashboard/app.js', '/dashboard/views/queue.js']),
    );

    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as {
      url: string;
      errors: unknown[];
      data: string;
    };
    expect(manifest.url).toBe(`${base}/dashboard/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    const data = JSON.parse(manifest.data) as { name: string; lang: string; icons: Array<{ src: string }> };
    expect(data.name).toBe('Sổ theo dõi thực hiện chính sách xã hội — huyện Bác Ái');
    expect(data.lang).toBe('vi');
    const served = await page.request.get(`${base}/dashboard/manifest.webmanifest`);
    expect(served.headers()['content-type']).toBe('application/manifest+json; charset=utf-8');
    for (const icon of data.icons) expect((await page.request.get(`${base}${icon.src}`)).status()).toBe(200);
    const installability = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: Array<{ errorId: string }>;
    };
    // Nothing stands in the way but the test's browser context, which is a private one (Chromium never installs
    // from a private window).
    expect(
      installability.installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'),
    ).toEqual([]);

    // The page opens with no connection at all, from what the worker kept.
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('main:not([aria-busy]) h1');
    expect(await page.title()).toContain('Bác Ái');
    await context.setOffline(false);
  });

  it('records two payments made offline once each when the connection returns; a refused one is fixed and sent again', async () => {
    await createOfficer(OFFICER);
    const { page, context } = await newPhone();
    await signIn(page, OFFICER.officer, OFFICER.password);
    await open(page, '#/record?command=RecordSubsidyPayment');
    await page.waitForSelector('#record-form');
    await serviceWorkerReady(page);
    // The header links the queue, empty for now.
    expect(await page.isVisible('#nav-queue')).toBe(true);
    expect(await page.isVisible('#queue-count')).toBe(false);

    // No connection: nothing reaches the ledger, every write waits on the phone.
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/subsidy-payments') posts.push(r.url());
    });
    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    const first: Payment = {
      programme: 'tro-cap-xa-hoi',
      beneficiaryCitizenId: '058200000411',
      period: '2026-11',
      amountVnd: 500_000,
      method: 'cash',
    };
    const second: Payment = { ...first, beneficiaryCitizenId: '058200000412', method: 'bank' };
    // The first beneficiary again for the same period: the ledger will refuse it.
    const twice: Payment = { ...first, amountVnd: 600_000 };
    const ids = [
      await recordPayment(page, first),
      await recordPayment(page, second),
      await recordPayment(page, twice),
    ];
    expect(new Set(ids).size).toBe(3);
    await page.waitForFunction(
      () =>
        (document as never as { getElementById(id: string): { textContent: string } }).getElementById(
          'queue-count',
        ).textContent === '3',
    );
    expect(posts).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);

    // The queue view lists them, waiting.
    await page.click('#nav-queue');
    await page.waitForSelector('#queue-list');
    for (const id of ids) expect(await page.getAttribute(`#queue-item-${id}`, 'data-state')).toBe('waiting');
    expect(await page.textContent('#queue-notes')).toContain('Đang mất kết nối');

    // A reload with no connection: the page comes from the phone, the queue is still there (the session, held
    // in memory only, is not: nobody is signed in until the connection returns).
    await page.reload();
    await page.waitForSelector('main:not([aria-busy]) h1');
    expect(await badge(page)).toBe('3');
    expect(await page.textContent('main')).toContain('3 bản ghi chờ gửi');

    // The connection returns: the session is resumed from its cookie and the queue is sent, oldest first.
    await context.setOffline(false);
    await page.waitForSelector(`#queue-item-${ids[2]}[data-state=refused]`, { timeout: 30_000 });
    for (const id of ids.slice(0, 2))
      expect(await page.getAttribute(`#queue-item-${id}`, 'data-state')).toBe('recorded');
    expect(await badge(page)).toBe('1');
    const refusal = (await page.textContent(`#queue-item-${ids[2]}`)) ?? '';
    expect(refusal).toContain('Bị từ chối');
    expect(refusal).toContain('trùng hoặc mâu thuẫn với điều đã có trong sổ cái');

    const out = process.env.LEDGER_DASHBOARD_SCREENSHOT ? SCREENSHOT : join(ledger.dataDir, 'queue.png');
    await page.screenshot({ path: out, fullPage: true });
    expect(statSync(out).size).toBeGreaterThan(10_000);

    // Recorded once each: one event per id, the only one of its payment's stream, by this officer.
    for (const [i, payment] of [first, second].entries()) {
      const { event, stream } = await storedWithStream(ids[i]);
      expect(event).toMatchObject({
        id: ids[i],
        type: 'SubsidyPaid',
        metadata: { actor: { officer: OFFICER.officer } },
      });
      expect(event.data).toMatchObject({
        period: payment.period,
        amountVnd: payment.amountVnd,
        method: payment.method,
      });
      expect(stream.map((e) => e.id)).toEqual([ids[i]]);
    }
    await ledger.http().get(`/events/${ids[2]}`).expect(404);

    // The refused one is fixed in the queue view (the next month) and sent again with its event id.
    await page.click(`#queue-fix-${ids[2]}`);
    await page.waitForSelector('#queue-fix-form');
    expect(await page.inputValue('#qf-period')).toBe('2026-11');
    expect(await page.inputValue('#qf-amountVnd')).toBe('600000');
    await page.fill('#qf-period', '2026-12');
    const [resent] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/subsidy-payments',
      ),
      page.click('#queue-fix-submit'),
    ]);
    expect(resent.status()).toBe(201);
    expect(JSON.parse(resent.request().postData() ?? '{}')).toMatchObject({ id: ids[2], period: '2026-12' });
    await page.waitForSelector(`#queue-item-${ids[2]}[data-state=recorded]`);
    expect(await page.isVisible('#queue-count')).toBe(false);
    const fixed = await storedWithStream(ids[2]);
    expect(fixed.event.data).toMatchObject({ period: '2026-12', amountVnd: 600_000 });
    expect(fixed.stream.map((e) => e.id)).toEqual([ids[2]]);
    // Every write sent reached the ledger once for each try, and the payments of the first period are two.
    const november = await storedWithStream(ids[0]);
    expect(november.stream).toHaveLength(1);

    // In English too.
    await page.click('#lang-switch');
    await page.waitForSelector('h1:has-text("Writes waiting to be sent")');
    expect(await page.textContent(`#queue-item-${ids[0]}`)).toContain('Recorded');
    await page.click('#lang-switch');
  });

  it('sends again a write whose answer was lost, and the ledger does not record it twice', async () => {
    const account = { ...OFFICER, officer: 'can-bo-bac-ai-dong-12', displayName: 'Lê Thị Mai' };
    await createOfficer(account);
    const { page } = await newPhone();
    await signIn(page, account.officer, account.password);
    await open(page, '#/record?command=RecordSubsidyPayment');
    await page.waitForSelector('#record-form');
    await serviceWorkerReady(page);
    // The ledger records the write, but its answer never reaches the phone (the connection drops on the way).
    let reached = 0;
    await page.route(
      '**/subsidy-payments',
      async (route) => {
        const answer = await route.fetch();
        expect(answer.status()).toBe(201);
        reached++;
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    const answers: Array<Promise<{ status: number; replayed?: boolean }>> = [];
    page.on('response', (r) => {
      if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/subsidy-payments')
        answers.push(
          r.json().then((body: { replayed?: boolean }) => ({ status: r.status(), replayed: body.replayed })),
        );
    });
    const id = await recordPayment(page, {
      programme: 'tro-cap-xa-hoi',
      beneficiaryCitizenId: '058200000421',
      period: '2026-11',
      amountVnd: 450_000,
      method: 'cash',
    });
    expect(reached).toBe(1);
    // Queued, and sent again on its own a moment later: the ledger answers with what it recorded the first time.
    await page.click('#nav-queue');
    await page.waitForSelector(`#queue-item-${id}[data-state=recorded]`, { timeout: 30_000 });
    expect(await Promise.all(answers)).toEqual([{ status: 201, replayed: true }]);
    expect(await page.textContent(`#queue-item-${id}`)).toContain('không ghi hai lần');
    const { stream } = await storedWithStream(id);
    expect(stream.map((e) => e.id)).toEqual([id]);
  });

  it("asks to sign in again when the token is refused on replay, and never sends a write with another officer's token", async () => {
    const owner = { ...OFFICER, officer: 'can-bo-bac-ai-dong-13', displayName: 'Đặng Văn Nam' };
    const colleague = { ...OFFICER, officer: 'can-bo-bac-ai-dong-14', displayName: 'Võ Thị Thu' };
    await createOfficer(owner);
    await createOfficer(colleague);
    const { page, context } = await newPhone();
    await signIn(page, owner.officer, owner.password);
    await open(page, '#/record?command=RecordSubsidyPayment');
    await page.waitForSelector('#record-form');
    await serviceWorkerReady(page);
    await context.setOffline(true);
    const id = await recordPayment(page, {
      programme: 'tro-cap-xa-hoi',
      beneficiaryCitizenId: '058200000431',
      period: '2026-11',
      amountVnd: 450_000,
      method: 'cash',
    });
    await page.waitForFunction(
      () =>
        (document as never as { getElementById(id: string): { textContent: string } }).getElementById(
          'queue-count',
        ).textContent === '1',
    );

    // While offline the access token expired and the session ended: the ledger refuses both on return.
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/subsidy-payments')
        sent.push(r.headers().authorization ?? '');
    });
    await page.route('**/subsidy-payments', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          status: 401,
          title: 'Unauthorized',
          code: 'TOKEN_EXPIRED',
          detail: 'token expired',
        }),
      }),
    );
    await page.route('**/auth/refresh', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          status: 401,
          title: 'Unauthorized',
          code: 'SESSION_ENDED',
          detail: 'session ended',
        }),
      }),
    );
    await context.setOffline(false);
    await page.waitForSelector('#account-ended', { timeout: 30_000 });
    await page.click('#nav-queue');
    await page.waitForSelector('#queue-sign-in-needed');
    expect(await page.textContent('#queue-sign-in-needed')).toContain('Hãy đăng nhập lại');
    expect(await badge(page)).toBe('1');
    expect(sent.length).toBeGreaterThan(0);
    // The session is over on the server too (its cookie gone): nothing can be sent until a sign-in.
    await context.clearCookies();
    await page.unroute('**/subsidy-payments');
    await page.unroute('**/auth/refresh');
    sent.length = 0;

    // A colleague signs in on the same phone: the write stays on it, unsent.
    await signIn(page, colleague.officer, colleague.password);
    await open(page, '#/queue');
    await page.waitForSelector('#queue-empty');
    await page.waitForTimeout(1500);
    expect(sent).toEqual([]);
    await ledger.http().get(`/events/${id}`).expect(404);
    await page.click('#sign-out');
    await page.waitForSelector('#sign-in-form');

    // The officer who made it signs in again: it is sent with their new token and recorded.
    await signIn(page, owner.officer, owner.password);
    await open(page, '#/queue');
    await page.waitForSelector(`#queue-item-${id}[data-state=recorded]`, { timeout: 30_000 });
    expect(sent.length).toBeGreaterThan(0);
    const { event, stream } = await storedWithStream(id);
    expect(event.metadata.actor.officer).toBe(owner.officer);
    expect(stream.map((e) => e.id)).toEqual([id]);
  });

  /** An officer's account made over the API by the admin. */
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
