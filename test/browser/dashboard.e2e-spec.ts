// The dashboard in a real browser: Debian's Chromium driven by playwright-core (no browser download), the
// real API on a seeded temporary store, actions recorded over the API, then what a public visitor and an
// inspector see. Skipped, with the reason in its name, when Chromium is not installed (CI installs it).
// LEDGER_DASHBOARD_SCREENSHOT=1 also writes docs/dashboard-overview.png and docs/dashboard-indicator.png (and
// the indicator page at phone width to the system's temporary folder).
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { correct, housingCaseAt, untilProjected } from '../e2e/support/ledger-client';
import { at, startTestLedger, type TestLedger } from '../e2e/support/test-app';
import { inspector, officer, supervisor, tokenFor, viewer } from '../e2e/support/tokens';
import { browserSuite, CHROMIUM, CHROMIUM_ARGS, hasChromium } from './support/chromium';

const AS_OF = '2026-12-31';
const SCREENSHOT = join(__dirname, '../../docs/dashboard-overview.png');
const INDICATOR_SCREENSHOT = join(__dirname, '../../docs/dashboard-indicator.png');
const SEEDS = join(__dirname, '../../seeds');

/** A baseline of the plan's seeds for one commune (seeds/baselines.json), with whether it is illustrative. */
function seedBaseline(key: string, orgUnit: string): { value: number; illustrative: boolean } {
  const seeds = JSON.parse(readFileSync(join(SEEDS, 'baselines.json'), 'utf8')) as {
    baselines: Array<{ key: string; illustrative: boolean; values: Record<string, number> }>;
  };
  const series = seeds.baselines.find((b) => b.key === key)!;
  return { value: series.values[orgUnit], illustrative: series.illustrative };
}

/** An indicator of the plan's seeds (seeds/indicators.json). */
function seedIndicator(key: string): {
  scale?: number;
  numerator: { baseline: string };
  denominator: { baseline: string };
} {
  const seeds = JSON.parse(readFileSync(join(SEEDS, 'indicators.json'), 'utf8')) as
    Array<{ key: string }> | { indicators: Array<{ key: string }> };
  const list = Array.isArray(seeds) ? seeds : seeds.indicators;
  return list.find((i) => i.key === key) as never;
}

const suite = browserSuite;
if (!hasChromium) console.warn(`test/browser skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

// Functions given to page.evaluate / waitForFunction run in the page; the type checker here has no DOM
// library, so these name the little of the page's globals they use.
interface PageElement {
  id: string;
  textContent: string | null;
  outerHTML: string;
  labels?: { length: number } | null;
  getAttribute(name: string): string | null;
}
declare const document: {
  documentElement: { lang: string; scrollWidth: number };
  activeElement: PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
};
declare const location: { hash: string };
declare const window: { innerWidth: number };

const bearerOf = (headers: Record<string, string>) => headers.Authorization.replace(/^Bearer /, '');

suite('the dashboard in Chromium', () => {
  jest.setTimeout(60_000);
  let ledger: TestLedger;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let retracted: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ledger = await startTestLedger({ seed: true });
    const server = ledger.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    // Two houses completed in July 2026, in two communes in force then, each by its culture and social
    // affairs office; the second retracted by a supervisor of its office.
    const first = await housingCaseAt(ledger, 'completed', '058200000901', 'KH-BAC-AI-DONG');
    const second = await housingCaseAt(
      ledger,
      'completed',
      '058200000902',
      'KH-BAC-AI-TAY',
      officer('VHXH-XA-BAC-AI-TAY'),
    );
    await completionOf(first);
    retracted = await completionOf(second);
    const res = await correct(
      ledger,
      {
        correctsEventId: retracted,
        kind: 'retraction',
        reason: 'Nhà chưa hoàn thành, ghi nhầm ngày nghiệm thu',
        occurredAt: at('2026-08-01'),
      },
      supervisor('VHXH-XA-BAC-AI-TAY'),
    );
    expect(res.status).toBe(201);
    await untilProjected(ledger);

    profile = mkdtempSync(join(tmpdir(), 'ledger-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
      locale: 'vi-VN',
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await ledger?.close();
  });

  afterEach(() => expect(pageErrors).toEqual([]));

  /** The id of a housing case's completion (its fourth event). */
  const completionOf = async (caseId: string) =>
    (await ledger.http().get(`/streams/housing-case-${caseId}`).expect(200)).body.events[3].id as string;

  /** Loads the dashboard afresh on a view (a full load: a hash alone would not reload) and waits for it. */
  let loads = 0;
  async function open(target: Page, hash: string): Promise<void> {
    await target.goto(`${base}/?load=${++loads}${hash}`);
    await target.waitForSelector('main:not([aria-busy]) h1');
  }

  const untilText = (target: Page, selector: string, text: string) =>
    target.waitForFunction(
      ([sel, part]) => document.querySelector(sel)?.textContent?.includes(part) ?? false,
      [selector, text] as const,
    );
  const untilHash = (target: Page, part: string) =>
    target.waitForFunction((p) => location.hash.includes(p), part);
  const untilLang = (target: Page, lang: string) =>
    target.waitForFunction((l) => document.documentElement.lang === l, lang);

  /** A service account's token pasted in the view's token field (folded away under the sign-in link). */
  async function pasteToken(target: Page, token: string): Promise<void> {
    const folded = target.locator('details#service-token:not([open]) summary');
    if (await folded.count()) await folded.click();
    await target.fill('#token', token);
    await target.click('#token-form button[type=submit]');
  }

  const rowOf = (target: Page, key: string) =>
    target.locator(`tr:has(a[href^="#/indicator/${key}"])`).first();

  it('shows every target of the plan in its four groups, in Vietnamese, with the recorded houses', async () => {
    await open(page, `#/?asOf=${AS_OF}`);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect(page.textContent('h1')).resolves.toBe('Tiến độ thực hiện các chỉ tiêu đến năm 2030');
    const headings = await page.locator('section.group h2').allTextContents();
    expect(headings.slice(0, 4)).toEqual([
      'An sinh xã hội, lao động và việc làm',
      'Giáo dục, dân số và y tế',
      'Nhà ở, nước sạch và vệ sinh môi trường',
      'Văn hóa và thông tin',
    ]);
    // Every target of section II.2 appears once in the four groups.
    const targets = await page.locator(
      '#group-social, #group-education-health, #group-housing-water, #group-culture',
    );
    expect(await targets.locator('tbody tr').count()).toBe(35);
    const houses = rowOf(page, 'houses_built');
    await expect(houses.textContent()).resolves.toContain('1 căn');
    await expect(houses.textContent()).resolves.toContain('hơn 800 căn');
    await expect(houses.locator('[role=progressbar]').count()).resolves.toBe(1);
    await expect(houses.locator('.badge').getAttribute('data-status')).resolves.toMatch(
      /^(achieved|on_track|at_risk|off_track)$/,
    );

    const out = process.env.LEDGER_DASHBOARD_SCREENSHOT
      ? SCREENSHOT
      : join(profile, 'dashboard-overview.png');
    await page.screenshot({ path: out, fullPage: false });
    expect(statSync(out).size).toBeGreaterThan(10_000);
  });

  it('shows a house recorded over the API once the projection has it', async () => {
    const caseId = await housingCaseAt(ledger, 'completed', '058200000903', 'KH-BAC-AI-DONG');
    expect(caseId).toBeTruthy();
    await untilProjected(ledger);
    await open(page, `#/?asOf=${AS_OF}`);
    await expect(rowOf(page, 'houses_built').textContent()).resolves.toContain('2 căn');

    await open(page, `#/indicator/houses_built?asOf=${AS_OF}`);
    await expect(page.textContent('#current-value')).resolves.toBe('2 căn');
    await expect(page.textContent('#lead-agency')).resolves.toContain('Lao động - Thương binh và Xã hội');
    expect(await page.locator('svg.chart path.series-line').count()).toBe(1);
    expect(await page.locator('svg.chart line.target-line').count()).toBe(1);
    const phuocDai = page.locator('#commune-table tr:has(a[href*="orgUnit=KH-BAC-AI-DONG"])');
    await expect(phuocDai.textContent()).resolves.toContain('2 căn');
    // The retracted house of Bác Ái Tây no longer counts.
    const phuocBinh = page.locator('#commune-table tr:has(a[href*="orgUnit=KH-BAC-AI-TAY"])');
    await expect(phuocBinh.textContent()).resolves.not.toContain('1 căn');
  });

  it('reads the state at a past date from the "as of" picker, and back', async () => {
    await open(page, `#/indicator/houses_built?asOf=${AS_OF}`);
    await page.fill('#as-of', '2026-06-30');
    await untilHash(page, 'asOf=2026-06-30');
    await page.waitForSelector('main:not([aria-busy]) h1');
    await untilText(page, '.lead', '30/06/2026');
    await expect(page.textContent('#current-value')).resolves.not.toMatch(/[12] căn/);
    await page.fill('#as-of', AS_OF);
    await untilText(page, '.lead', '31/12/2026');
    await expect(page.textContent('#current-value')).resolves.toBe('2 căn');
  });

  it('exports the overview to CSV and switches to English', async () => {
    await open(page, `#/?asOf=${AS_OF}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toMatch(/^\uFEFFNhóm,key,Chỉ tiêu,Mục tiêu 2030/);
    const houses = csv.split('\r\n').find((line) => line.includes(',houses_built,'));
    expect(houses).toMatch(/^"Nhà ở, nước sạch và vệ sinh môi trường",houses_built,.*,2,houses,/);
    expect(csv).not.toMatch(/can-bo|b-[0-9a-f]{32}/);

    await page.click('#lang-switch');
    await untilLang(page, 'en');
    await untilText(page, 'h1', 'Progress towards the 2030 targets');
    await expect(page.locator('section.group h2').first().textContent()).resolves.toBe(
      'Social security, labour and jobs',
    );
    await page.click('#lang-switch');
    await untilLang(page, 'vi');
  });

  it('lets an inspector search the trail and open an event with its correction', async () => {
    await open(page, '#/inspection');
    await pasteToken(page, bearerOf(inspector()));
    await expect(page.textContent('#token-who')).resolves.toContain('thanh-tra-01');
    await page.selectOption('#f-type', 'HousingConstructionCompleted');
    await page.fill('#f-actor', 'can-bo-01');
    await page.selectOption('#f-trailOrgUnit', 'KH-BAC-AI-TAY');
    await page.fill('#f-from', '2026-07-01');
    await page.fill('#f-to', '2026-07-31');
    await page.click('#trail-search');
    await page.waitForSelector('#trail-table');
    const rows = page.locator('#trail-table tbody tr');
    expect(await rows.count()).toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('Đã hủy');

    await rows.first().locator('a').first().click();
    await page.waitForSelector('#event-corrections');
    await expect(page.textContent('#event-corrections')).resolves.toContain(
      'Nhà chưa hoàn thành, ghi nhầm ngày nghiệm thu',
    );
    await expect(page.textContent('#event-contributions')).resolves.toContain('houses_built');
    expect(page.url()).toContain(`#/event/${retracted}`);

    // A beneficiary reference found the same way.
    await open(page, '#/inspection');
    await page.selectOption('#f-type', 'HousingCaseRegistered');
    await page.click('#trail-search');
    await page.waitForSelector('#trail-table');
    const ref = (await page.locator('#trail-table tbody tr code').first().textContent())!.trim();
    expect(ref).toMatch(/^b-[0-9a-f]{32}$/);
    await page.selectOption('#f-type', '');
    await page.fill('#f-beneficiary', ref);
    // A search for one person's events needs a reason, which the API keeps on the record.
    await page.click('#trail-search');
    await untilText(page, '#trail-results [role=alert]', 'cần ghi lý do');
    await page.fill('#f-reason', 'Kiểm tra hồ sơ theo đơn phản ánh số 12/2026');
    await page.click('#trail-search');
    await untilHash(page, `beneficiary=${ref}`);
    await page.waitForSelector('#trail-table');
    await untilText(page, '#trail-count', '1 ');
    expect(await page.locator('#trail-table tbody tr').count()).toBe(1);
  });

  it('says why when the token is wrong or may not read the trail', async () => {
    await open(page, '#/inspection?run=1');
    await pasteToken(page, bearerOf(viewer()));
    await page.waitForSelector('#trail-results [role=alert]');
    await expect(page.textContent('#trail-results [role=alert]')).resolves.toContain('không được xem');
    await pasteToken(page, 'not-a-token');
    await untilText(page, '#trail-results [role=alert]', 'Cần đăng nhập');
    // An officer reads their own agency's trail on the agency page.
    await pasteToken(page, tokenFor({ agency: 'VHXH-XA-BAC-AI-TAY', roles: ['officer'] }));
    await open(page, `#/agency/VHXH-XA-BAC-AI-TAY?asOf=${AS_OF}`);
    await page.waitForSelector('#agency-actions');
    await expect(page.textContent('#agency-actions')).resolves.toContain('Hoàn thành xây nhà');
    await expect(page.textContent('#corrections-received')).resolves.toContain('ghi nhầm ngày nghiệm thu');
    await page.click('#token-form button[type=button]');
  });

  it('shows claimed, verified and official figures; with a token, the approved reports, what changed since and the restatement', async () => {
    // A house of Bác Ái verified by an inspector, the commune's 2026 report approved by a supervisor,
    // then a second house of 2026 recorded: the approved report has changed since.
    const verifiedHouse = await completionOf(
      await housingCaseAt(ledger, 'completed', '058200000904', 'KH-BAC-AI', officer('VHXH-XA-BAC-AI')),
    );
    const verification = await ledger
      .http()
      .post(`/events/${verifiedHouse}/verifications`)
      .set(inspector())
      .send({
        method: 'field_visit',
        evidence: [{ ref: 'BB-KT-2026/07', sha256: 'a'.repeat(64), description: 'biên bản kiểm tra' }],
        occurredAt: at('2026-08-01'),
      });
    expect(verification.status).toBe(201);
    await untilProjected(ledger);
    const report = await ledger.http().get('/report-approvals/houses_built/KH-BAC-AI/2026').expect(200);
    const approved = await ledger
      .http()
      .post('/report-approvals')
      .set(supervisor('UBND-XA-BAC-AI'))
      .send({
        indicatorKey: 'houses_built',
        orgUnit: 'KH-BAC-AI',
        period: '2026',
        figuresDigest: report.body.current.figuresDigest,
        occurredAt: at('2026-09-01'),
      });
    expect(approved.status).toBe(201);
    const lateHouse = await completionOf(
      await housingCaseAt(ledger, 'completed', '058200000905', 'KH-BAC-AI', officer('VHXH-XA-BAC-AI')),
    );
    await untilProjected(ledger);

    // The overview: the three figures in words, each with its number.
    await open(page, `#/?asOf=${AS_OF}`);
    const houses = rowOf(page, 'houses_built');
    const figure = async (root: Locator, side: string) =>
      (await root.locator(`[data-side=${side}] .assure-value`).textContent())!.trim();
    await expect(houses.locator('.assurance dt').allTextContents()).resolves.toEqual([
      'đã báo cáo',
      'đã xác minh',
      'chính thức',
    ]);
    const verified = Number(await figure(houses, 'verified'));
    expect(verified).toBeGreaterThanOrEqual(1);
    expect(Number(await figure(houses, 'claimed'))).toBeGreaterThan(verified);
    // No district report approved yet: no official figure.
    await expect(figure(houses, 'official')).resolves.toBe('—');
    await expect(page.textContent('#assurance-legend')).resolves.toContain('đã xác minh');

    // The commune's indicator page: claimed 2, verified 1, official 1 (the approved report); without a token
    // the four-eyes part asks for one and reads nothing.
    await open(page, `#/indicator/houses_built?asOf=${AS_OF}&orgUnit=KH-BAC-AI`);
    const mine = page.locator('#assurance');
    await expect(figure(mine, 'claimed')).resolves.toBe('2 căn');
    await expect(figure(mine, 'verified')).resolves.toBe('1 căn');
    await expect(figure(mine, 'official')).resolves.toBe('1 căn');
    const communeRow = page.locator('#commune-table tbody tr').first();
    await expect(figure(communeRow, 'verified')).resolves.toBe('1');
    expect(await page.locator('#approvals-table').count()).toBe(0);

    // With a token: the 2026 report, approved and changed since, with the event that changed it.
    await pasteToken(page, bearerOf(inspector()));
    await page.waitForSelector('#approvals-table');
    const reports = page.locator('#approvals-table tbody tr');
    expect(await reports.count()).toBe(1);
    await expect(reports.first().textContent()).resolves.toContain('Năm 2026');
    await expect(reports.first().textContent()).resolves.toContain('Có thay đổi sau phê duyệt');
    await expect(reports.first().locator('.badge').getAttribute('data-status')).resolves.toBe(
      'changed_since_approval',
    );
    const changedBy = page.locator(`#changes-2026 a[data-event="${lateHouse}"]`);
    expect(await changedBy.count()).toBe(1);

    // The restatement since 1 January, event by event: the two houses and the verification.
    await page.fill('#rest-from', '2026-01-01');
    await page.click('#restatement-show');
    await page.waitForSelector('#restatement-table');
    await untilHash(page, 'changesFrom=2026-01-01');
    await expect(page.locator('#restatement-table [data-kind]').allTextContents()).resolves.toEqual([
      'Ghi nhận mới',
      'Xác minh',
      'Ghi nhận mới',
    ]);
    await expect(page.textContent('#restatement-figures [data-side=verified]')).resolves.toContain('→ 1 căn');
    expect(await page.locator(`#restatement-table a[data-event="${verifiedHouse}"]`).count()).toBe(1);

    // The change links to its event.
    await changedBy.click();
    await page.waitForSelector('#event-type');
    expect(page.url()).toContain(`#/event/${lateHouse}`);
    await expect(page.textContent('#event-type')).resolves.toContain('Hoàn thành xây nhà');

    // In English.
    await open(page, `#/indicator/houses_built?asOf=${AS_OF}&orgUnit=KH-BAC-AI`);
    await page.click('#lang-switch');
    await untilLang(page, 'en');
    await page.waitForSelector('main:not([aria-busy]) #approvals-table');
    await expect(page.locator('#assurance dt').allTextContents()).resolves.toEqual([
      'claimed',
      'verified',
      'official',
    ]);
    await expect(page.textContent('#approvals-table')).resolves.toContain('Changed since approval');
    await page.click('#lang-switch');
    await untilLang(page, 'vi');
    await page.waitForSelector('main:not([aria-busy]) #approvals-table');
    await page.click('#token-form button[type=button]');
  });

  it('shows a ratio on an illustrative baseline apart from claimed, verified and official, labelled as such', async () => {
    // Nothing recorded for the rate: both its baselines are the seeds' illustrative ones, so no claimed,
    // verified or official figure, and the rate on the illustrative baselines apart.
    const key = 'trained_labour_certified_rate';
    const rate = seedIndicator(key);
    const certified = seedBaseline(rate.numerator.baseline, 'BA-PHUOC-DAI');
    const labour = seedBaseline(rate.denominator.baseline, 'BA-PHUOC-DAI');
    expect([certified.illustrative, labour.illustrative]).toEqual([true, true]);
    const expected = ((rate.scale ?? 1) * certified.value) / labour.value;
    const inWords = (language: string) =>
      `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(expected)} %`;

    await open(page, `#/indicator/${key}?asOf=${AS_OF}&orgUnit=BA-PHUOC-DAI`);
    await expect(page.locator('#assurance dt').allTextContents()).resolves.toEqual([
      'đã báo cáo',
      'đã xác minh',
      'chính thức',
    ]);
    for (const side of ['claimed', 'verified', 'official'])
      await expect(page.textContent(`#assurance [data-side=${side}] .assure-value`)).resolves.toBe('—');
    const apart = page.locator('#assurance-illustrative');
    await expect(apart.getAttribute('data-side')).resolves.toBe('illustrative');
    await expect(apart.locator('.assure-illustrative-label').textContent()).resolves.toBe(
      'Số liệu nền minh hoạ (không phải số liệu chính thức)',
    );
    await expect(apart.locator('.assure-value').textContent()).resolves.toBe(inWords('vi-VN'));
    // Not inside the three figures (no bar, not compared with them), and said in the legend.
    expect(await page.locator('#assurance .assure-illustrative').count()).toBe(0);
    await expect(page.textContent('#assurance-legend')).resolves.toContain('Số liệu nền minh hoạ');
    // The commune's row in the table, and the CSV's own column.
    const row = page.locator('#commune-table tbody tr').first();
    await expect(row.locator('.assure-illustrative .assure-value').textContent()).resolves.toBe(
      inWords('vi-VN'),
    );
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const csv = readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(csv[0]).toMatch(
      /,Đã báo cáo,Đã xác minh,Chính thức,Số liệu nền minh hoạ \(không phải số liệu chính thức\)$/,
    );
    const first = csv[1].split(',');
    expect(first[0]).toBe('BA-PHUOC-DAI');
    expect(first.slice(-4, -1)).toEqual(['', '', '']);
    expect(Number(first[first.length - 1])).toBeCloseTo(expected, 6);

    const desktop = process.env.LEDGER_DASHBOARD_SCREENSHOT
      ? INDICATOR_SCREENSHOT
      : join(profile, 'dashboard-indicator.png');
    await page.screenshot({ path: desktop, fullPage: false });
    expect(statSync(desktop).size).toBeGreaterThan(10_000);

    // In English.
    await page.click('#lang-switch');
    await untilLang(page, 'en');
    await untilText(
      page,
      '#assurance-illustrative',
      'On an illustrative baseline (not an official statistic)',
    );
    await expect(page.textContent('#assurance-illustrative .assure-value')).resolves.toBe(inWords('en-GB'));
    await page.click('#lang-switch');
    await untilLang(page, 'vi');

    // At phone width: the figure apart still in view of its label, no sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, `#/indicator/${key}?asOf=${AS_OF}&orgUnit=BA-PHUOC-DAI`);
    await page.locator('#assurance-illustrative').scrollIntoViewIfNeeded();
    const phone = join(
      process.env.LEDGER_DASHBOARD_SCREENSHOT ? tmpdir() : profile,
      'dashboard-indicator-phone.png',
    );
    await page.screenshot({ path: phone, fullPage: false });
    expect(statSync(phone).size).toBeGreaterThan(10_000);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows who proposed and who approved a correction: on both agencies, in the trail and on the event', async () => {
    // A verified house retracted: the supervisor of the Bác Ái Tây culture and social affairs office proposes, an inspector approves.
    const house = await completionOf(
      await housingCaseAt(
        ledger,
        'completed',
        '058200000906',
        'KH-BAC-AI-TAY',
        officer('VHXH-XA-BAC-AI-TAY'),
      ),
    );
    const verification = await ledger
      .http()
      .post(`/events/${house}/verifications`)
      .set(inspector())
      .send({
        method: 'field_visit',
        evidence: [{ ref: 'BB-KT-2026/08', sha256: 'b'.repeat(64), description: 'biên bản kiểm tra' }],
        occurredAt: at('2026-08-01'),
      });
    expect(verification.body).toBeTruthy();
    expect([verification.status, verification.body.detail]).toEqual([201, undefined]);
    const proposed = await ledger
      .http()
      .post('/corrections')
      .set(supervisor('VHXH-XA-BAC-AI-TAY'))
      .send({
        correctsEventId: house,
        kind: 'retraction',
        reason: 'Hồ sơ nhà ghi nhầm, chưa hoàn thành',
        occurredAt: at('2026-08-03'),
      });
    expect(proposed.status).toBe(202);
    const approved = await ledger
      .http()
      .post(`/corrections/${proposed.body.proposalId as string}/approvals`)
      .set(inspector())
      .send({ occurredAt: at('2026-08-04') });
    expect(approved.status).toBe(201);
    const correction = approved.body.eventIds[0] as string;
    await untilProjected(ledger);

    await open(page, `#/agency/THANHTRA-BAC-AI?asOf=${AS_OF}`);
    await pasteToken(page, bearerOf(inspector()));
    await page.waitForSelector('#corrections-approved table');
    const approvedRow = page.locator('#corrections-approved tbody tr', { hasText: 'Hồ sơ nhà ghi nhầm' });
    await expect(approvedRow.locator('.col-made-by').textContent()).resolves.toContain('truong-phong-01');
    await expect(approvedRow.locator('.col-approved-by').textContent()).resolves.toContain('thanh-tra-01');
    await expect(page.textContent('#corrections-approved h3')).resolves.toBe(
      'Đính chính cán bộ của cơ quan đã duyệt (người khác đề xuất)',
    );
    // The inspectors' own corrections made do not list it: the proposer made it.
    await expect(page.textContent('#corrections-made')).resolves.not.toContain('Hồ sơ nhà ghi nhầm');

    await open(page, `#/agency/VHXH-XA-BAC-AI-TAY?asOf=${AS_OF}`);
    await page.waitForSelector('#corrections-made table');
    const madeRow = page.locator('#corrections-made tbody tr', { hasText: 'Hồ sơ nhà ghi nhầm' });
    await expect(madeRow.locator('.col-made-by').textContent()).resolves.toContain('truong-phong-01');
    await expect(madeRow.locator('.col-approved-by').textContent()).resolves.toContain('thanh-tra-01');

    // The trail: the correction's entry names the approver beside its maker.
    await open(page, '#/inspection?type=EventCorrected&agency=VHXH-XA-BAC-AI-TAY&run=1');
    await page.waitForSelector('#trail-table');
    const entry = page.locator(`#trail-table tbody tr:has(a[href="#/event/${correction}"])`);
    await expect(entry.textContent()).resolves.toContain('truong-phong-01');
    await expect(entry.locator('.approved-by').textContent()).resolves.toContain('duyệt: thanh-tra-01');

    // The event: its approver in the envelope; the corrected event lists maker and approver.
    await entry.locator('a').first().click();
    await page.waitForSelector('#event-approved-by');
    await expect(page.textContent('#event-approved-by')).resolves.toContain('thanh-tra-01');
    await open(page, `#/event/${house}`);
    await page.waitForSelector('#event-corrections');
    const corrected = page.locator('#event-corrections tbody tr').first();
    await expect(corrected.textContent()).resolves.toContain('truong-phong-01');
    await expect(corrected.textContent()).resolves.toContain('thanh-tra-01');
    await page.click('#lang-switch');
    await untilLang(page, 'en');
    await untilText(page, '#event-corrections', 'Approved by');
    await page.click('#lang-switch');
    await untilLang(page, 'vi');
    await page.click('#token-form button[type=button]');
  });

  it('shows a public visitor aggregates only: no token sent, no personal field on any page', async () => {
    // A new tab: the token pasted in the other one (sessionStorage) is not there.
    const target = await context.newPage();
    const requests: Array<{ url: string; auth: string | undefined }> = [];
    target.on('request', (request) =>
      requests.push({ url: request.url(), auth: request.headers().authorization }),
    );
    const bodies: string[] = [];
    target.on('response', async (response) => {
      if (response.url().startsWith(base) && response.request().resourceType() === 'fetch')
        bodies.push(await response.text().catch(() => ''));
    });
    const views = [
      `#/?asOf=${AS_OF}`,
      `#/indicator/houses_built?asOf=${AS_OF}`,
      `#/?asOf=${AS_OF}&orgUnit=KH-BAC-AI-DONG`,
      '#/agencies',
      `#/indicator/houses_built?asOf=${AS_OF}&orgUnit=KH-BAC-AI`,
      `#/agency/VHXH-XA-BAC-AI-TAY?asOf=${AS_OF}`,
    ];
    const texts: string[] = [];
    for (const view of views) {
      await open(target, view);
      texts.push((await target.textContent('body')) ?? '');
    }
    await target.waitForTimeout(100);
    // The officers who recorded, the beneficiaries (pseudonymous or not) and trail fields never reach it.
    const personal = /can-bo-01|truong-phong|b-[0-9a-f]{32}|05820000090\d|"subjectRef"|"householdRef"/;
    for (const text of [...texts, ...bodies]) expect(text.match(personal)?.[0]).toBeUndefined();
    expect(requests.filter((r) => r.auth)).toEqual([]);
    const paths = requests.map((r) => new URL(r.url).pathname);
    expect(
      paths.filter((p) =>
        /^\/(trail|events|streams|beneficiaries|report-approvals|reviews)|\/(trail|restatement)$/.test(p),
      ),
    ).toEqual([]);
    // The claimed / verified / official figures are public; the approvals and changes behind them are not.
    expect(texts[1]).toContain('đã xác minh');
    expect(texts[4]).toMatch(/đã báo cáo[\s\S]*đã xác minh[\s\S]*chính thức/);
    expect(texts[5]).toContain('Dán mã truy cập');
    await target.close();
  });

  it('is usable on a phone and by keyboard: labelled controls, skip link, no sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, `#/?asOf=${AS_OF}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, button')]
        .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.textContent?.trim()))
        .map((el) => el.id || el.outerHTML.slice(0, 60)),
    );
    expect(unlabelled).toEqual([]);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('skip-link');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
