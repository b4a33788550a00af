// Uploading a register on the dashboard, in a real browser (Debian's Chromium driven by playwright-core, as
// sign-in.e2e-spec.ts does), against the real API on a seeded temporary store: an xlsx register of 500 housing
// registrations with 7 bad rows gives a preview naming the 7, records 493 with a progress bar, and a second
// upload of the same file records nothing. Skipped, with the reason in its name, when Chromium is not installed.
// LEDGER_DASHBOARD_SCREENSHOT=1 also writes docs/dashboard-upload.png.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { startTestLedger, type TestLedger } from '../e2e/support/test-app';
import { tokenFor } from '../e2e/support/tokens';
import { browserSuite, CHROMIUM, CHROMIUM_ARGS } from './support/chromium';

const SCREENSHOT = join(__dirname, '../../docs/dashboard-upload.png');

const suite = browserSuite;

declare const sessionStorage: { setItem(k: string, v: string): void };

const ROWS = 500;
/** Row -> how it is broken. */
const BAD = new Map<number, (row: unknown[]) => void>([
  [13, (r) => (r[1] = '05820000')],
  [57, (r) => (r[2] = '')],
  [101, (r) => (r[3] = 'giau')],
  [202, (r) => (r[4] = 'ngày mai')],
  [303, (r) => (r[2] = 'KH-MY-SON')],
  [404, (r) => (r[1] = 'abcdefghijkl')],
  [499, (r) => (r[3] = '')],
]);

async function register(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Dữ liệu');
  sheet.addRow([
    'Mã dòng (row_id)',
    'Chủ hộ CCCD (citizen_id)',
    'Xã (commune)',
    'Loại hộ (category)',
    'Ngày thực hiện (occurred_at)',
  ]);
  for (let i = 1; i <= ROWS; i++) {
    const row: unknown[] = [
      `SO-${i}`,
      `0587${String(i).padStart(8, '0')}`,
      'KH-BAC-AI-DONG',
      'poor',
      '2026-03-02',
    ];
    BAD.get(i)?.(row);
    sheet.addRow(row);
  }
  writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
}

suite('uploading a register on the dashboard in Chromium', () => {
  jest.setTimeout(180_000);
  let ledger: TestLedger;
  let base: string;
  let browser: Browser;
  const scratch = mkdtempSync(join(tmpdir(), 'ledger-upload-browser-'));
  const file = join(scratch, 'so-dang-ky-nha-o.xlsx');
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ledger = await startTestLedger({ seed: true });
    const server = ledger.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    await register(file);
  });
  afterAll(async () => {
    await browser?.close();
    await ledger?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  async function uploadPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The officer's token, as a service account pastes it (api.js keeps it in this tab's sessionStorage).
    const token = tokenFor({
      officer: 'can-bo-01',
      agency: 'VHXH-XA-BAC-AI-DONG',
      orgUnits: ['KH-BAC-AI-DONG'],
      roles: ['officer'],
    });
    await page.addInitScript((t: string) => sessionStorage.setItem('ledger-dashboard-token', t), token);
    await page.goto(`${base}/#/upload?action=housing_registered`);
    await page.waitForSelector('#upload-file');
    await page.setInputFiles('#upload-file', file);
    await page.click('#upload-preview');
    await page.waitForSelector('#upload-summary, #upload-result [role="alert"], #upload-result .alert');
    // A refusal shows in words instead of the summary: name it.
    expect(await page.textContent('#upload-result')).toContain('500 dòng');
    return page;
  }

  const registrations = async () =>
    (await ledger.app.get<EventStore>(EVENT_STORE).readAll({ maxCount: 1_000_000 })).filter(
      (e) => e.type === 'HousingCaseRegistered',
    ).length;

  it('previews 500 rows naming the 7 bad ones, records 493, and a second upload records nothing', async () => {
    const page = await uploadPage();
    expect(await page.textContent('#upload-summary')).toContain('500 dòng: 493 hợp lệ, 7 bị từ chối.');
    const rows = await page.$$eval('#upload-problems tbody tr', (trs) =>
      trs.map((tr) =>
        Array.from(
          (tr as unknown as { cells: ArrayLike<{ textContent: string }> }).cells,
          (c) => c.textContent,
        ),
      ),
    );
    expect(rows.map((r) => Number(r[0]))).toEqual([...BAD.keys()]);
    expect(rows.map((r) => r[1])).toEqual([
      'citizen_id',
      'commune',
      'category',
      'occurred_at',
      'commune',
      'citizen_id',
      'category',
    ]);
    expect(rows[0][2]).toContain('CCCD 12 chữ số');
    expect(await registrations()).toBe(0);
    if (process.env.LEDGER_DASHBOARD_SCREENSHOT === '1')
      await page.screenshot({ path: SCREENSHOT, fullPage: false });

    expect(await page.textContent('#upload-commit')).toBe('Ghi 493 dòng hợp lệ');
    await page.click('#upload-commit');
    await page.waitForSelector('#upload-done');
    expect(await page.textContent('#upload-done')).toBe(
      'Đã ghi 493 dòng mới, 0 dòng đã ghi từ trước, 7 dòng bị từ chối.',
    );
    expect(
      await page.$eval('#upload-progress', (p) => [
        (p as unknown as { value: number; max: number }).value,
        (p as unknown as { max: number }).max,
      ]),
    ).toEqual([500, 500]);
    expect(await page.getAttribute('a.upload-rejected', 'download')).toBe(
      'housing_registered-bi-tu-choi.xlsx',
    );
    expect(await registrations()).toBe(493);

    const again = await uploadPage();
    await again.click('#upload-commit');
    await again.waitForSelector('#upload-done');
    expect(await again.textContent('#upload-done')).toBe(
      'Đã ghi 0 dòng mới, 493 dòng đã ghi từ trước, 7 dòng bị từ chối.',
    );
    expect(await registrations()).toBe(493);
    expect(pageErrors).toEqual([]);
  });
});
