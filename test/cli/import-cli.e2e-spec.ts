// The CLI's import of registers (built, as a child process): an xlsx register made from the CLI's own
// template and a CSV register, streamed; each imported once however many times it is run; bad rows named in
// FILE.rejected.csv in Vietnamese.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { IMPORTABLE_COMMANDS, headerOf, parseCsv, uploadColumns } from '@ledger/ledger';
import { buildApps, runCli } from './support/built-cli';

jest.setTimeout(300_000);

describe('ledger-cli import of registers (built, as a child process)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ledger-cli-import-'));
  const build = join(scratch, 'build');
  const dataDir = join(scratch, 'data');
  const cli = (args: string[]) => runCli(build, dataDir, args);

  beforeAll(() => {
    buildApps(build);
    expect(cli(['seed']).status).toBe(0);
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('writes the template of an action, which filled in and imported records each row once', async () => {
    const template = join(scratch, 'dang-ky.xlsx');
    const made = cli(['import', '--template', 'housing_registered', '--out', template]);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(template);
    const sheet = book.worksheets[0];
    const columns = uploadColumns(IMPORTABLE_COMMANDS.get('housing_registered')!, { actor: true });
    expect(sheet.getRow(1).values).toEqual([undefined, ...columns.map((c) => headerOf(c, 'vi'))]);
    // The officer's register: the example row replaced by 30 households, two of them wrong.
    sheet.spliceRows(2, 1);
    const at = (key: string) => columns.findIndex((c) => c.key === key) + 1;
    for (let i = 1; i <= 30; i++) {
      const row = sheet.getRow(i + 1);
      row.getCell(at('row_id')).value = `X-${i}`;
      row.getCell(at('officer')).value = 'tran.thi.b';
      row.getCell(at('agency')).value = 'VHXH-XA-BAC-AI-DONG';
      row.getCell(at('citizen_id')).value = i === 7 ? '0582' : `0583${String(i).padStart(8, '0')}`;
      row.getCell(at('commune')).value = 'KH-BAC-AI-DONG';
      row.getCell(at('category')).value = i === 9 ? 'rich' : 'poor';
      row.getCell(at('occurred_at')).value = new Date(Date.UTC(2026, 4, 4));
      row.commit();
    }
    const register = join(scratch, 'so-dang-ky.xlsx');
    // writeBuffer, not xlsx.writeFile: exceljs's writeFile ends the file stream once the zip is finalized, which
    // can cut off its last entries (xl/workbook.xml) on a loaded machine.
    writeFileSync(register, Buffer.from(await book.xlsx.writeBuffer()));

    // The template has no action column: the action is named once for the file.
    const unnamed = cli(['import', register]);
    expect(unnamed.status).toBe(1);
    expect(unnamed.stderr).toContain('--action');
    const first = cli(['import', register, '--action', 'housing_registered']);
    expect(first.stdout).toContain('30 rows: 28 appended, 0 already recorded, 2 rejected');
    expect(first.status).toBe(1);
    // Not a terminal: plain progress lines.
    expect(first.stdout).toMatch(/import: 30\/30 \(/);
    const rejected = parseCsv(readFileSync(`${register}.rejected.csv`, 'utf8')).map((r) => r.fields);
    expect(rejected.slice(1).map(([row, , rowId, column]) => [row, rowId, column])).toEqual([
      ['7', 'X-7', 'citizen_id'],
      ['9', 'X-9', 'category'],
    ]);
    expect(rejected[1][4]).toContain('CCCD 12 chữ số');

    const again = cli(['import', register, '--action', 'housing_registered']);
    expect(again.stdout).toContain('30 rows: 0 appended, 28 already recorded, 2 rejected');
  });

  it('imports a CSV register for one action, checks it alone with --dry-run, and names a broken file', () => {
    const file = join(scratch, 'hoan-thanh.csv');
    const rows = ['officer,agency,occurred_at,citizen_id,commune,category'];
    for (let i = 1; i <= 12; i++)
      rows.push(
        `le.van.c,VHXH-XA-BAC-AI-DONG,20/05/2026,0584${String(i).padStart(8, '0')},KH-BAC-AI-DONG,poor`,
      );
    writeFileSync(file, `\uFEFF${rows.join('\r\n')}\r\n`);
    const dry = cli(['import', file, '--action', 'housing_registered', '--dry-run']);
    expect(dry.stdout).toContain('12 rows: 12 valid (dry run: nothing recorded), 0 rejected');
    expect(dry.status).toBe(0);
    const first = cli(['import', file, '--action', 'housing_registered']);
    expect(first.stdout).toContain('12 rows: 12 appended, 0 already recorded, 0 rejected');
    const again = cli(['import', file, '--action', 'housing_registered']);
    expect(again.stdout).toContain('12 rows: 0 appended, 12 already recorded, 0 rejected');

    const broken = join(scratch, 'broken.csv');
    writeFileSync(broken, 'officer,agency,occurred_at\n"open,x,y\n');
    const refused = cli(['import', broken, '--action', 'housing_registered']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('is not valid CSV');
  });
});
