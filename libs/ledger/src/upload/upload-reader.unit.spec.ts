import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Readable } from 'node:stream';
import { sheetRows, type SheetRow } from './upload-reader';

/** An xlsx of a register, repacked so that its zip entries come in the given order (the rest after them). */
async function register(order: string[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sổ đăng ký');
  sheet.addRow(['Mã dòng', 'Ngày', 'Xã']);
  sheet.addRow(['X-1', new Date(Date.UTC(2026, 4, 4)), 'Phước Đại']);
  sheet.addRow(['X-2', new Date(Date.UTC(2026, 4, 5, 9, 30)), 'Phước Tân']);
  book.addWorksheet('Danh mục').addRow(['không đọc']);
  const written = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  const names = Object.keys(written.files).filter((name) => !written.files[name].dir);
  const repacked = new JSZip();
  for (const name of [...order, ...names.filter((n) => !order.includes(n))])
    repacked.file(name, await written.files[name].async('uint8array'));
  return repacked.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function rowsOf(file: Buffer): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of sheetRows(Readable.from([file]), 'xlsx')) rows.push(row);
  return rows;
}

const expected: SheetRow[] = [
  { line: 1, values: ['Mã dòng', 'Ngày', 'Xã'] },
  { line: 2, values: ['X-1', '2026-05-04', 'Phước Đại'] },
  { line: 3, values: ['X-2', '2026-05-05T09:30:00+07:00', 'Phước Tân'] },
];

describe('reading an xlsx register', () => {
  it('gives the rows of the first worksheet, each cell as the text it shows', async () => {
    expect(await rowsOf(await register([]))).toEqual(expected);
  });

  it('whatever the order of the zip entries (the workbook after its worksheets, as some programs write it)', async () => {
    const workbookLast = [
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/styles.xml',
    ];
    expect(await rowsOf(await register(workbookLast))).toEqual(expected);
  });
});
