// The dashboard's page states its locale, so that a date picker shows day first (31/12/2026) as every date the
// page writes, not the browser's own order (12/31/2026 in an English-US browser). The browser suite
// (test/browser) runs the page itself; this checks the page and the element builder the views share.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DASHBOARD_ASSETS_DIR } from '../../apps/ledger-api/src/dashboard/dashboard.controller';

const read = (file: string) => readFileSync(join(DASHBOARD_ASSETS_DIR, file), 'utf8');

describe('dashboard date locale', () => {
  it('the page is Vietnamese and its date picker says so', () => {
    const page = read('index.html');
    expect(page).toMatch(/<html lang="vi">/);
    const dateInputs = [...page.matchAll(/<input\b[^>]*\btype="date"[^>]*>/g)].map((m) => m[0]);
    expect(dateInputs.length).toBeGreaterThan(0);
    for (const input of dateInputs) expect(input).toMatch(/\blang="vi-VN"/);
  });

  it('every date input a view builds goes through the builder that sets its locale (day first in both languages)', () => {
    const dom = read('dom.js');
    expect(dom).toMatch(/if \(tag === 'input' && attrs\?\.type === 'date'\) node\.lang = dateInputLang\(\);/);
    const i18n = read('i18n.js');
    expect(i18n).toMatch(/export const dateInputLang = \(\) => \(current === 'en' \? 'en-GB' : 'vi-VN'\);/);
    // No view writes a date input's markup of its own.
    const views = readdirSync(join(DASHBOARD_ASSETS_DIR, 'views')).map((file) => read(`views/${file}`));
    for (const view of views) expect(view).not.toMatch(/<input[^>]*type=["']date/);
  });
});
