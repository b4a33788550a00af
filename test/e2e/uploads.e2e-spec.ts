// Registers uploaded over HTTP on a real embedded store: the template of every action opens as a workbook with
// its headers and drop-down lists; a register's preview names every bad row and records nothing; the upload
// records the good rows once, whatever the number of times the file is sent; an officer's rights apply to
// every row.
import ExcelJS from 'exceljs';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { IMPORTABLE_COMMANDS, headerOf, parseCsv, uploadColumns } from '@ledger/ledger';
import { at, officer, startTestLedger, type TestLedger } from './support/test-app';
import { DEFAULT_COMMUNE } from './support/tokens';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** supertest keeps a binary answer as a Buffer with this parser. */
const binary = (res: NodeJS.ReadableStream, done: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

async function workbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

const HEADER = [
  'Mã dòng (row_id)',
  'Chủ hộ CCCD (citizen_id) *',
  'Xã (commune) *',
  'category',
  'Ngày thực hiện (occurred_at) *',
];

/** A housing register: row i registers the household of citizen 0582000i....; `bad` rows are broken. */
async function register(rows: number, bad: Map<number, (row: unknown[]) => void>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Dữ liệu');
  sheet.addRow(HEADER);
  for (let i = 1; i <= rows; i++) {
    const row: unknown[] = [
      `REG-${i}`,
      `0582${String(i).padStart(8, '0')}`,
      DEFAULT_COMMUNE,
      'poor',
      new Date(Date.UTC(2026, 2, 2)),
    ];
    bad.get(i)?.(row);
    sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function ndjson(text: string): Array<Record<string, unknown>> {
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('uploading registers', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await startTestLedger();
  });
  afterAll(() => ledger.close());

  /** Housing registrations in the event store itself. */
  const registered = async () => {
    const events = await ledger.app.get<EventStore>(EVENT_STORE).readAll({ maxCount: 1_000_000 });
    return events.filter((e) => e.type === 'HousingCaseRegistered').length;
  };

  it('gives a template of every action that opens as a workbook with its headers, in Vietnamese or English', async () => {
    expect(IMPORTABLE_COMMANDS.size).toBeGreaterThan(20);
    for (const [name, importable] of IMPORTABLE_COMMANDS) {
      const columns = uploadColumns(importable);
      // Every action in Vietnamese; the English headers of one (each workbook read back costs seconds).
      for (const lang of name === 'housing_registered' ? (['vi', 'en'] as const) : (['vi'] as const)) {
        const res = await ledger
          .anonymous()
          .get(`/uploads/templates/${name}.xlsx${lang === 'en' ? '?lang=en' : ''}`)
          .buffer(true)
          .parse(binary as never)
          .expect(200);
        expect(res.headers['content-type']).toContain(XLSX);
        const book = await workbook(res.body as Buffer);
        const [data, lists, notes] = book.worksheets;
        expect(data.getRow(1).values).toEqual([undefined, ...columns.map((c) => headerOf(c, lang))]);
        // The example row: one value for every required column.
        columns.forEach((c, i) => {
          if (c.required && c.list !== 'agencies')
            expect(String(data.getRow(2).getCell(i + 1).value ?? '')).not.toBe('');
        });
        expect(notes.rowCount).toBeGreaterThanOrEqual(columns.length + 4);
        // Every enum and the new case's commune is a drop-down list of the lists sheet.
        const validations = (
          data as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
        ).dataValidations.model;
        const listed = columns.flatMap((c, i) =>
          c.list === 'values' || c.list === 'communes' ? [i + 1] : [],
        );
        const validated = new Set(Object.keys(validations).map((address) => data.getCell(address).col));
        expect([...validated].sort((a, b) => Number(a) - Number(b))).toEqual(listed);
        for (const v of Object.values(validations)) {
          expect(v.type).toBe('list');
          expect(v.formulae[0]).toContain(lists.name);
        }
      }
      const csv = await ledger.anonymous().get(`/uploads/templates/${name}.csv`).expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(parseCsv(csv.text)[0].fields).toEqual(columns.map((c) => headerOf(c, 'vi')));
    }
    const communes = await ledger
      .anonymous()
      .get('/uploads/templates/housing_registered.xlsx')
      .buffer(true)
      .parse(binary as never);
    const lists = (await workbook(communes.body as Buffer)).worksheets[1];
    const listed: unknown[] = [];
    lists.eachRow((row) => listed.push(...(row.values as unknown[])));
    expect(listed).toContain(DEFAULT_COMMUNE);
    expect(listed).toContain('VHXH-XA-BAC-AI-DONG');
    await ledger.anonymous().get('/uploads/templates/house_painted.xlsx').expect(400);
    // Some fifty workbooks written and read back, each with its validated ranges read cell by cell.
  }, 240_000);

  it('previews a register naming every bad row, records the good ones once, and a second upload records nothing', async () => {
    const bad = new Map<number, (row: unknown[]) => void>([
      [3, (r) => (r[1] = '12345')],
      [10, (r) => (r[2] = '')],
      [11, (r) => (r[3] = 'rich')],
      [20, (r) => (r[4] = 'hôm qua')],
      // Not in the officer's commune: his rights apply to every row.
      [25, (r) => (r[2] = 'KH-MY-SON')],
    ]);
    const file = await register(40, bad);
    const who = officer();
    const preview = await ledger
      .http(who)
      .post('/uploads/housing_registered/preview')
      .set('Content-Type', XLSX)
      .send(file)
      .expect(201);
    expect(preview.body).toMatchObject({ rows: 40, valid: 35, rejected: 5, recorded: 0 });
    const byRow = new Map<number, { column: string; reason: string }>(
      preview.body.problems.map((p: { row: number; column: string; reason: string }) => [p.row, p]),
    );
    expect([...byRow.keys()]).toEqual([3, 10, 11, 20, 25]);
    expect(byRow.get(3)).toMatchObject({
      column: 'citizen_id',
      reason: expect.stringContaining('CCCD 12 chữ số'),
    });
    expect(byRow.get(10)).toMatchObject({ column: 'commune', reason: expect.stringContaining('Bắt buộc') });
    expect(byRow.get(11)?.column).toBe('category');
    expect(byRow.get(20)?.column).toBe('occurred_at');
    expect(byRow.get(25)).toMatchObject({
      column: 'commune',
      reason: expect.stringContaining('Không có quyền'),
    });
    // Nothing was recorded by the preview.
    const base = await registered();

    const upload = await ledger
      .http(who)
      .post('/uploads/housing_registered')
      .set('Content-Type', XLSX)
      .send(file)
      .expect(200);
    expect(upload.headers['content-type']).toContain('application/x-ndjson');
    const lines = ndjson(upload.text);
    const progress = lines.filter((l) => l.type === 'progress');
    expect(progress[0]).toEqual({ type: 'progress', done: 0, total: 40 });
    expect(progress[progress.length - 1]).toEqual({ type: 'progress', done: 40, total: 40 });
    const result = lines[lines.length - 1];
    expect(result).toMatchObject({ type: 'result', rows: 40, recorded: 35, alreadyRecorded: 0, rejected: 5 });
    const rejected = parseCsv(result.rejectedCsv as string).map((r) => r.fields);
    expect(rejected[0]).toEqual(['row', 'line', 'row_id', 'column', 'reason']);
    expect(rejected.slice(1).map((r) => r[0])).toEqual(['3', '10', '11', '20', '25']);
    expect(rejected[1][2]).toBe('REG-3');
    const rejectedBook = await workbook(Buffer.from(result.rejectedXlsx as string, 'base64'));
    expect(rejectedBook.worksheets[0].rowCount).toBe(6);

    const again = ndjson(
      (
        await ledger
          .http(who)
          .post('/uploads/housing_registered')
          .set('Content-Type', XLSX)
          .send(file)
          .expect(200)
      ).text,
    );
    expect(again[again.length - 1]).toMatchObject({
      rows: 40,
      recorded: 0,
      alreadyRecorded: 35,
      rejected: 5,
    });
    // The recorded rows are the officer's, once each, as a single write makes them.
    expect((await registered()) - base).toBe(35);
  });

  it('records steps on cases opened earlier in the same CSV, one after the other, and refuses a step on no case', async () => {
    const csv = [
      'row_id,case_id,citizen_id,commune,category,occurred_at',
      `C-1,HS-UP-1,058299990001,${DEFAULT_COMMUNE},poor,${at('2026-03-02')}`,
    ].join('\n');
    const who = officer();
    const opened = ndjson(
      (
        await ledger
          .http(who)
          .post('/uploads/housing_registered')
          .set('Content-Type', 'text/csv')
          .send(csv)
          .expect(200)
      ).text,
    );
    expect(opened[opened.length - 1]).toMatchObject({ recorded: 1 });
    const steps = [
      'row_id,case_id,amount_vnd,funding_source,occurred_at',
      'F-1,HS-UP-1,60000000,central_budget,2026-03-10',
      'F-2,HS-NONE,60000000,central_budget,10/03/2026',
    ].join('\r\n');
    const funded = await ledger
      .http(who)
      .post('/uploads/housing_funding_approved/preview?format=csv')
      .send(Buffer.from(steps))
      .expect(201);
    expect(funded.body.problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'case_id',
        reason: expect.stringContaining('Không tìm thấy hồ sơ'),
      }),
    ]);
    const done = ndjson(
      (
        await ledger
          .http(who)
          .post('/uploads/housing_funding_approved?format=csv')
          .send(Buffer.from(steps))
          .expect(200)
      ).text,
    );
    expect(done[done.length - 1]).toMatchObject({ rows: 2, recorded: 1, rejected: 1 });
  });

  it('refuses what cannot be read with a 400 naming the file, a JSON body with a 415, and an inspector with a 403', async () => {
    const who = officer();
    const broken = await ledger
      .http(who)
      .post('/uploads/housing_registered/preview')
      .set('Content-Type', XLSX)
      .send(Buffer.from('PK not a zip'));
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0].field).toBe('file');
    const noHeader = await ledger
      .http(who)
      .post('/uploads/housing_registered')
      .set('Content-Type', 'text/csv')
      .send('a,b\n1,2\n');
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.detail).toContain('occurred_at');
    // A register is a file: a JSON body is not one.
    const json = await ledger
      .http(who)
      .post('/uploads/housing_registered')
      .send({ occurred_at: '2025-07-01' });
    expect([json.status, json.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    await ledger
      .http()
      .post('/uploads/housing_registered/preview')
      .set('Content-Type', 'text/csv')
      .send('a\n')
      .expect(403);
  });
});
