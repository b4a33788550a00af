// Every CSV the ledger writes goes through one cell writer (csv-cell.ts on the server, the same rule in the
// dashboard's csv.js): formulas are made inert, numbers stay numbers.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { csvCell, inertCellText, toCsvLine } from './csv-cell';
import { parseCsv } from './csv';

/** [cell, what a spreadsheet must be given] */
const TABLE: Array<[unknown, string]> = [
  ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
  ['+84912345678', '+84912345678'],
  ['-2+3+cmd|/C calc!A0', "'-2+3+cmd|/C calc!A0"],
  ['@SUM(1)', "'@SUM(1)"],
  ['\t=1', "'\t=1"],
  ['\r=1', "'\r=1"],
  ['-', "'-"],
  // Numbers are data: a DHIS2 value or a report's change may be negative.
  ['-5', '-5'],
  [-12.5, '-12.5'],
  ['+3', '+3'],
  ['1e-3', '1e-3'],
  [42, '42'],
  ['Xã Phước Bình', 'Xã Phước Bình'],
  ['a=b', 'a=b'],
  [null, ''],
  [undefined, ''],
];

describe('CSV cells', () => {
  it.each(TABLE)('%p is written as %p', (value, expected) => {
    expect(inertCellText(value)).toBe(expected);
  });

  it('quotes what needs quoting after making it inert, and reads back as written', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    const line = toCsvLine(['a,b', 'q"', 3, null, '=1+1', -7]);
    expect(parseCsv(line)[0].fields).toEqual(['a,b', 'q"', '3', '', "'=1+1", '-7']);
  });

  it("the dashboard's csv.js writes every cell of the table the same way", () => {
    const file = join(__dirname, '../../../../apps/ledger-api/src/dashboard/public/csv.js');
    const script = `import { inertCellText } from ${JSON.stringify(file)};
      const cells = JSON.parse(process.argv[1]);
      process.stdout.write(JSON.stringify(cells.map((c) => inertCellText(c === '__undefined__' ? undefined : c))));`;
    const cells = TABLE.map(([value]) => (value === undefined ? '__undefined__' : value));
    const run = spawnSync(
      process.execPath,
      ['--no-warnings', '--input-type=module', '-e', script, JSON.stringify(cells)],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(TABLE.map(([, expected]) => expected));
  });
});
