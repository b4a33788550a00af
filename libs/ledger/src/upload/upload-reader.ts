// Reads the rows of a register: CSV streamed through csv-parse, xlsx through exceljs (its first worksheet, the
// one the templates put the data on). Every cell comes out as text: a date cell as the day (and time, when it
// has one) it shows, a formula as its result.
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvRecords } from '../import/csv';

export type UploadFormat = 'csv' | 'xlsx';

export interface SheetRow {
  /** Line of the CSV file, or row of the worksheet, where the row starts. */
  line: number;
  values: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A spreadsheet date holds the wall-clock day and time the officer typed, stored as if it were UTC: it is
 * written back as that day (and time, in Vietnam) and never shifted by the server's own zone.
 */
export function dateCellText(date: Date): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const h = date.getUTCHours();
  const m = date.getUTCMinutes();
  const s = date.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day}T${pad(h)}:${pad(m)}:${pad(s)}+07:00`;
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateCellText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('result' in v) return cellText(v.result);
    if (Array.isArray(v.richText)) return (v.richText as Array<{ text: string }>).map((r) => r.text).join('');
    if ('text' in v) return cellText(v.text);
    if ('error' in v) return String(v.error);
    return '';
  }
  return String(value).trim();
}

async function* xlsxRows(input: Readable): AsyncGenerator<SheetRow> {
  // The whole file, then the workbook from its zip directory: exceljs's streaming reader depends on the order
  // of the zip's entries and on its unzip stream reaching the last of them, and now and then it did not (a
  // TypeError reading the workbook's sheets), so a valid register was refused. A register is a few MB at most.
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
  // Only the first worksheet holds data; the others are the template's lists and notes.
  const sheet = book.worksheets[0];
  if (!sheet) return;
  const rows: SheetRow[] = [];
  sheet.eachRow((row) => {
    const cells = row.values as unknown[];
    // exceljs's row values start at index 1 (column A).
    rows.push({ line: row.number, values: cells.slice(1).map(cellText) });
  });
  yield* rows;
}

async function* csvRows(input: Readable): AsyncGenerator<SheetRow> {
  for await (const record of csvRecords(input))
    yield { line: record.line, values: record.fields.map((f) => f.trim()) };
}

/** The header row first, then every row that has a value in any cell. */
export async function* sheetRows(input: Readable, format: UploadFormat): AsyncGenerator<SheetRow> {
  for await (const row of format === 'xlsx' ? xlsxRows(input) : csvRows(input)) {
    if (row.values.some((v) => v !== '')) yield row;
  }
}

export function formatOfName(name: string): UploadFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}
