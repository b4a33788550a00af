// The indicator page's bar per commune in a real browser (Debian's Chromium through playwright-core): each
// bar is the figure the API gives for that commune on that day, on the boundaries the page's choice says
// (the communes in force on the day by default, the former ones when chosen), and the page links to the
// printable report of the year with the same chart. Skipped, with the reason in its name, without Chromium.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { housingCaseAt, untilProjected } from '../e2e/support/ledger-client';
import { startTestLedger, type TestLedger } from '../e2e/support/test-app';
import { officer } from '../e2e/support/tokens';
import { browserSuite, CHROMIUM } from './support/chromium';

const AS_OF = '2026-12-31';
const ORG_UNITS = JSON.parse(readFileSync(join(__dirname, '../../seeds/org-units.json'), 'utf8')) as {
  orgUnits: Array<{ code: string; nameVi: string; level: string; planArea: string }>;
  changes: Array<{ ends: string[]; starts: string[] }>;
};
/** The plan area's communes on one side of the 2025 reorganisation, from the seed. */
const communesOf = (side: 'ends' | 'starts') =>
  ORG_UNITS.orgUnits.filter(
    (u) =>
      u.level === 'commune' &&
      u.planArea !== 'outside' &&
      ORG_UNITS.changes.some((change) => change[side].includes(u.code)),
  );
/** Houses completed in 2026 by commune: what the test records. */
const HOUSES: Record<string, number> = { 'KH-BAC-AI-DONG': 2, 'KH-BAC-AI-TAY': 1 };

const suite = browserSuite;

suite('the indicator page: a bar per commune', () => {
  jest.setTimeout(90_000);
  let ledger: TestLedger;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ledger = await startTestLedger({ seed: true });
    let citizen = 950;
    for (const [commune, houses] of Object.entries(HOUSES)) {
      const who = commune === 'KH-BAC-AI-TAY' ? officer('VHXH-XA-BAC-AI-TAY') : officer();
      for (let i = 0; i < houses; i++)
        await housingCaseAt(ledger, 'completed', `058200000${citizen++}`, commune, who);
    }
    await untilProjected(ledger);
    const server = ledger.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    profile = mkdtempSync(join(tmpdir(), 'ledger-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--lang=vi-VN'],
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await ledger?.close();
  });

  afterEach(() => expect(pageErrors).toEqual([]));

  let loads = 0;
  async function open(hash: string): Promise<void> {
    await page.goto(`${base}/?load=${++loads}${hash}`);
    await page.waitForSelector('main:not([aria-busy]) h1');
  }
  const bars = () =>
    page.$$eval('#commune-chart g.commune-bar', (groups) =>
      groups.map((g) => [g.getAttribute('data-org-unit'), g.getAttribute('data-value'), g.textContent]),
    );
  /** The commune's figure as GET /indicators/{key} gives it (a count with nothing recorded reads 0). */
  const apiFigure = async (code: string, asOf: string) => {
    const res = await ledger.http().get(`/indicators/houses_built?orgUnit=${code}&asOf=${asOf}`).expect(200);
    return (res.body.progress.value as number | null) ?? 0;
  };

  it('draws the communes in force on the day, each bar the figure of the API', async () => {
    await open(`#/indicator/houses_built?asOf=${AS_OF}`);
    const drawn = await bars();
    const current = communesOf('starts');
    expect(drawn.map(([code]) => code).sort()).toEqual(current.map((u) => u.code).sort());
    for (const [code, value, text] of drawn) {
      expect(Number(value)).toBe(await apiFigure(code!, AS_OF));
      expect(Number(value)).toBe(HOUSES[code!] ?? 0);
      expect(text).toContain(current.find((u) => u.code === code)!.nameVi);
    }
    expect(await page.isChecked('#boundary-choice input[value=current]')).toBe(true);
    const link = await page.getAttribute('#printable-report', 'href');
    expect(link).toContain(
      '/reports?period=2026&indicator=houses_built&boundary=current&format=html&lang=vi',
    );
    const printable = await ledger.http().get(link!).expect(200);
    for (const [code, value] of drawn) {
      expect(printable.text).toContain(
        `<g class="commune-bar" data-org-unit="${code}" data-value="${value}">`,
      );
    }
  });

  it('draws the former communes when the page says so', async () => {
    await open(`#/indicator/houses_built?asOf=${AS_OF}`);
    await page.check('#boundary-choice input[value=former]');
    await page.waitForFunction(() => location.hash.includes('boundary=former'));
    await page.waitForFunction(
      (n) => document.querySelectorAll('#commune-chart g.commune-bar').length === n,
      communesOf('ends').length,
    );
    const drawn = await bars();
    expect(drawn.map(([code]) => code).sort()).toEqual(
      communesOf('ends')
        .map((u) => u.code)
        .sort(),
    );
    for (const [code, value] of drawn) expect(Number(value)).toBe(await apiFigure(code!, AS_OF));
    // Before the reorganisation the former communes are the default.
    await open('#/indicator/houses_built?asOf=2025-03-31');
    expect(await page.isChecked('#boundary-choice input[value=former]')).toBe(true);
    expect((await bars()).length).toBe(communesOf('ends').length);
  });
});

declare const location: { hash: string };
declare const document: { querySelectorAll(selector: string): { length: number } };
