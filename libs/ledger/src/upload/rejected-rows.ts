// The rejected rows of an upload as a file the officer can open, fix and upload again: one line per problem
// with its row, the line or worksheet row, the row id, the column and the reason in
// Vietnamese (the workbook adds it in English).
import ExcelJS from 'exceljs';
import { toCsvLine } from '../import/csv-cell';
import type { UploadProblem } from './upload-problems';

/** The CSV's header keys (as the CLI has always written them); the reason is in Vietnamese. */
const HEADERS = ['row', 'line', 'row_id', 'column', 'reason'];
const HEADER_LABELS = [
  'Dòng (row)',
  'Dòng trong tệp (line)',
  'Mã dòng (row_id)',
  'Cột (column)',
  'Lý do (reason)',
  'Reason (English)',
];

const cells = (p: UploadProblem) => [p.row, p.line, p.rowId, p.column, p.reason];

export function rejectedRowsCsv(problems: readonly UploadProblem[]): string {
  const lines = [toCsvLine(HEADERS), ...problems.map((p) => toCsvLine(cells(p)))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function rejectedRowsXlsx(problems: readonly UploadProblem[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Dòng bị từ chối');
  sheet.addRow(HEADER_LABELS).font = { bold: true };
  for (const p of problems) sheet.addRow([...cells(p), p.reasonEn]);
  sheet.columns.forEach((column, i) => (column.width = [8, 14, 18, 20, 80, 60][i]));
  return Buffer.from(await book.xlsx.writeBuffer());
}
