// The periodic report for a meeting: the xlsx workbook holds the figures of the JSON report cell by cell
// (numbers as numbers, with number formats, a title, period, as-of and source lines, the header row frozen);
// the printable page has the names, the figures as people read them, the print stylesheet and a bar per
// commune equal to the JSON figure of that commune, on the boundaries asked for; English on request.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { XLSX_HEADER_ROW, type Report } from '@ledger/ledger';
import { housingCaseAt, post, untilProjected } from './support/ledger-client';
import { at, startTestLedger, type TestLedger } from './support/test-app';
import { officer } from './support/tokens';

const seeds = join(__dirname, '..', '..', 'seeds');
const ORG_UNITS = JSON.parse(readFileSync(join(seeds, 'org-units.json'), 'utf8')) as {
  orgUnits: Array<{ code: string; nameVi: string; nameEn: string; level: string; planArea: string }>;
  changes: Array<{ ends: string[]; starts: string[] }>;
};
const INDICATORS = (
  JSON.parse(readFileSync(join(seeds, 'indicators.json'), 'utf8')) as {
    indicators: Array<{ key: string; nameVi: string; nameEn: string; unit: string }>;
  }
).indicators;
const AGENCIES = (
  JSON.parse(readFileSync(join(seeds, 'agencies.json'), 'utf8')) as {
    agencies: Array<{ code: string; nameVi: string; nameEn: string }>;
  }
).agencies;
const indicator = (key: string) => INDICATORS.find((i) => i.key === key)!;
/** The plan area's communes on one side of the 2025 reorganisation, from the seed. */
const communesOf = (side: 'ends' | 'starts') =>
  ORG_UNITS.orgUnits.filter(
    (u) =>
      u.level === 'commune' &&
      u.planArea !== 'outside' &&
      ORG_UNITS.changes.some((change) => change[side].includes(u.code)),
  );

const EAST = 'KH-BAC-AI-DONG';
const WEST = 'KH-BAC-AI-TAY';
const WEST_OFFICE = 'VHXH-XA-BAC-AI-TAY';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NBSP = '\u00a0';
/** What the test records: houses completed and support paid (đồng) per commune in 2026. */
const HOUSES: Record<string, number> = { [EAST]: 2, [WEST]: 1 };
const PAID: Record<string, number[]> = { [EAST]: [1_500_000], [WEST]: [500_000, 250_000] };
/** The plan's statuses in words, as the dashboard says them. */
const statuses: Record<string, string> = {
  achieved: 'Đã đạt',
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ chậm',
  off_track: 'Chậm tiến độ',
  no_data: 'Chưa có số liệu',
  no_target: 'Không có chỉ tiêu số',
};
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('periodic reports for a meeting: xlsx and printable HTML', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await startTestLedger({ seed: true });
    let citizen = 900;
    for (const [commune, houses] of Object.entries(HOUSES)) {
      const who = commune === WEST ? officer(WEST_OFFICE) : officer();
      for (let i = 0; i < houses; i++) {
        await housingCaseAt(ledger, 'completed', `058200000${citizen++}`, commune, who);
      }
      for (const [n, amountVnd] of PAID[commune].entries()) {
        const paid = await post(
          ledger,
          '/subsidy-payments',
          {
            programme: `tro-cap-${n}`,
            beneficiaryCitizenId: `058200000${citizen++}`,
            period: '2026-10',
            amountVnd,
            method: 'bank',
            occurredAt: at('2026-10-05'),
            commune,
          },
          who,
        );
        expect(paid.status).toBe(201);
      }
    }
    await untilProjected(ledger);
  }, 120_000);
  afterAll(() => ledger.close());

  const query = 'period=2026&indicator=houses_built,social_support_paid_vnd';
  const json = async (q = query): Promise<Report> =>
    (await ledger.http().get(`/reports?${q}`).expect(200)).body as Report;
  const workbook = async (q: string) => {
    const res = await ledger.http().get(`/reports?${q}`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toContain(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as ExcelJS.Buffer);
    return book;
  };

  it('writes the xlsx with the figures of the JSON report, cell by cell, numbers kept as numbers', async () => {
    const report = await json();
    const book = await workbook(`${query}&format=xlsx`);
    const sheet = book.getWorksheet('Báo cáo')!;
    expect(sheet.getCell(1, 1).value).toBe('Báo cáo năm 2026');
    const lines = [2, 3, 4, 5, 6].map((r) => String(sheet.getCell(r, 1).value));
    expect(lines).toEqual([
      expect.stringContaining('42-NQ/TW'),
      'Địa bàn: Địa bàn Kế hoạch Bác Ái',
      'Kỳ báo cáo: 01/01/2026 – 31/12/2026',
      `Số liệu tính đến ngày: ${report.asOf.split('-').reverse().join('/')}`,
      expect.stringMatching(/^Nguồn: /),
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: XLSX_HEADER_ROW });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${XLSX_HEADER_ROW}:${XLSX_HEADER_ROW}`);
    expect(sheet.headerFooter.oddFooter).toContain('Trang &P / &N');
    const header = (sheet.getRow(XLSX_HEADER_ROW).values as unknown[]).slice(1);
    expect(header).toEqual([
      'STT',
      'Chỉ tiêu',
      'Đơn vị tính',
      'Cơ quan chủ trì',
      'Mục tiêu',
      'Thời hạn',
      'Đầu kỳ',
      'Cuối kỳ',
      'Tăng/giảm',
      'Cần đạt đến cuối kỳ',
      'Tình trạng',
      'Mã chỉ tiêu',
    ]);
    expect(report.rows.length).toBeGreaterThan(40);
    report.rows.forEach((row, i) => {
      const cells = sheet.getRow(XLSX_HEADER_ROW + 1 + i);
      const at = (c: number) => cells.getCell(c).value;
      expect(at(1)).toBe(i + 1);
      expect(at(2)).toBe(row.nameVi);
      expect(at(4)).toBe(row.lead ? AGENCIES.find((a) => a.code === row.lead)!.nameVi : '');
      expect(at(7)).toBe(row.valueAtStart);
      expect(at(8)).toBe(row.valueAtEnd);
      expect(at(9)).toBe(row.change);
      expect(at(10)).toBe(row.expectedByEnd);
      expect(at(11)).toBe(statuses[row.status]);
      expect(at(12)).toBe(row.indicatorKey);
    });
    const rowOf = (key: string) => XLSX_HEADER_ROW + 1 + report.rows.findIndex((r) => r.indicatorKey === key);
    // Figures computed from what was recorded, as the plan defines them: houses completed, đồng paid.
    const houses = sheet.getRow(rowOf('houses_built'));
    expect(houses.getCell(8).value).toBe(sum(Object.values(HOUSES)));
    expect(houses.getCell(2).value).toBe(indicator('houses_built').nameVi);
    expect(houses.getCell(3).value).toBe('căn nhà');
    const paid = sheet.getRow(rowOf('social_support_paid_vnd'));
    expect(paid.getCell(8).value).toBe(sum(Object.values(PAID).flat()));
    expect(paid.getCell(8).numFmt).toBe('#,##0 "đ"');
    expect(typeof paid.getCell(8).value).toBe('number');

    const communes = book.getWorksheet('Theo xã')!;
    const byCommune = new Map<string, unknown>();
    communes.eachRow((line, r) => {
      if (r > 2)
        byCommune.set(
          `${String(line.getCell(1).value)}|${String(line.getCell(3).value)}`,
          line.getCell(4).value,
        );
    });
    for (const block of report.communes!.indicators) {
      for (const c of block.communes) expect(byCommune.get(`${block.nameVi}|${c.nameVi}`)).toBe(c.value);
    }
    const east = communesOf('starts').find((u) => u.code === EAST)!;
    expect(byCommune.get(`${indicator('social_support_paid_vnd').nameVi}|${east.nameVi}`)).toBe(
      sum(PAID[EAST]),
    );
  });

  it('is chosen by the Accept header too, and refuses an unknown format, language or indicator', async () => {
    const xlsx = await ledger
      .http()
      .get('/reports?period=2026')
      .set('Accept', XLSX)
      .buffer(true)
      .parse(binary);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain(XLSX);
    expect(xlsx.headers['content-disposition']).toContain('.xlsx');
    const html = await ledger.http().get('/reports?period=2026').set('Accept', 'text/html');
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    const plain = await ledger.http().get('/reports?period=2026').expect(200);
    expect(plain.headers['content-type']).toContain('application/json');
    for (const [q, field] of [
      ['format=pdf', 'format'],
      ['lang=fr', 'lang'],
      ['indicator=No-Such', 'indicator'],
      ['indicator=no_such_indicator', 'indicator'],
      ['boundary=both', 'boundary'],
    ]) {
      const bad = await ledger.http().get(`/reports?period=2026&${q}`);
      expect(bad.status).toBe(400);
      expect(bad.body.field).toBe(field);
    }
  });

  it('prints the report as HTML: names, figures for people, the print stylesheet, a bar per commune', async () => {
    const report = await json();
    const res = await ledger.http().get(`/reports?${query}&format=html`).expect(200);
    const html = res.text;
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(html).toMatch(/^<!doctype html>\s*<html lang="vi">/);
    expect(html).toContain('<h1>Báo cáo năm 2026</h1>');
    expect(html).toContain('@page { size: A4 landscape');
    expect(html).toContain('counter(page)');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).not.toMatch(/<script|<nav|<link|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    for (const key of ['houses_built', 'social_support_paid_vnd'])
      expect(html).toContain(escape(indicator(key).nameVi));
    expect(html).toContain(escape(AGENCIES.find((a) => a.code === 'LDTBXH-BAC-AI')!.nameVi));
    // 2.250.000 đ: the support paid in the year, with the Vietnamese thousands separator and the đồng sign.
    const paid = sum(Object.values(PAID).flat());
    const vnd = `${String(paid).replace(/\B(?=(\d{3})+$)/g, '.')}${NBSP}đ`;
    expect(vnd).toBe(`2.250.000${NBSP}đ`);
    expect(html).toContain(`<td class="num">${vnd}</td>`);
    expect(html).toContain(`<td class="num">+${vnd}</td>`);
    const housesRow = report.rows.find((r) => r.indicatorKey === 'houses_built')!;
    expect(html).toContain(`<td>${statuses[housesRow.status]}</td>`);
    expect(html).toMatch(/<dd id="report-period">01\/01\/2026 – 31\/12\/2026<\/dd>/);
    expect(html).not.toContain('houses_built<');

    // The bars: one per commune in force on the report's day, each the commune's JSON figure.
    const current = communesOf('starts');
    expect(report.communes!.boundary).toBe('current');
    for (const block of report.communes!.indicators) {
      const svg = new RegExp(`<svg[^>]*data-indicator="${block.indicatorKey}"[\\s\\S]*?</svg>`).exec(
        html,
      )![0];
      const bars = [
        ...svg.matchAll(/<g class="commune-bar" data-org-unit="([^"]+)" data-value="([^"]*)">/g),
      ].map((m) => [m[1], m[2] === '' ? null : Number(m[2])]);
      expect(bars).toEqual(block.communes.map((c) => [c.orgUnit, c.value]));
      expect(bars.map(([code]) => code).sort()).toEqual(current.map((u) => u.code).sort());
      for (const unit of current) expect(svg).toContain(`>${unit.nameVi}</text>`);
    }
    const houses = report.communes!.indicators.find((b) => b.indicatorKey === 'houses_built')!;
    for (const [commune, count] of Object.entries(HOUSES)) {
      expect(houses.communes.find((c) => c.orgUnit === commune)!.value).toBe(count);
    }
  });

  it('draws the former communes when asked, on a period before the reorganisation', async () => {
    const report = await json('period=2024&indicator=houses_built&boundary=former');
    const former = communesOf('ends');
    expect(former.length).toBe(9);
    expect(report.communes!.indicators[0].communes.map((c) => c.orgUnit).sort()).toEqual(
      former.map((u) => u.code).sort(),
    );
    const html = (
      await ledger.http().get('/reports?period=2024&indicator=houses_built&format=html').expect(200)
    ).text;
    expect(html).toContain('Ranh giới cũ');
    const bars = [...html.matchAll(/<g class="commune-bar" data-org-unit="([^"]+)" data-value="0">/g)];
    expect(bars.map((m) => m[1]).sort()).toEqual(former.map((u) => u.code).sort());
  });

  it('speaks English with lang=en, in the page and the workbook', async () => {
    const html = (await ledger.http().get(`/reports?${query}&format=html&lang=en`).expect(200)).text;
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain('<h1>Annual report 2026</h1>');
    expect(html).toContain(indicator('houses_built').nameEn);
    expect(html).toContain('<td class="num">2,250,000 VND</td>');
    expect(html).toMatch(/<td>(Achieved|On track|At risk|Off track|No data|No numeric target)<\/td>/);
    expect(html).toContain('New boundaries');
    const book = await workbook(`${query}&format=xlsx&lang=en`);
    const sheet = book.getWorksheet('Report')!;
    expect(sheet.getCell(1, 1).value).toBe('Annual report 2026');
    expect(sheet.getCell(XLSX_HEADER_ROW, 2).value).toBe('Indicator');
    expect(book.getWorksheet('By commune')).toBeDefined();
  });
});
