// The register an upload request carries: its raw body (the file as it is, CSV or xlsx), read up to a limit,
// and its rows. A file that cannot be read is a 400 naming `file`; a JSON body is a 415.
import { UnsupportedMediaTypeException } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { Request } from 'express';
import { ValidationFailedError } from '../errors/ledger-errors';
import { CsvSyntaxError } from '../import/csv';
import { sheetRows, type SheetRow, type UploadFormat } from './upload-reader';

/** Large enough for a register of tens of thousands of rows. */
export const UPLOAD_LIMIT_BYTES = 32 * 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const fileProblem = (message: string) => new ValidationFailedError([{ field: 'file', message }]);

export async function readUploadBody(request: Request): Promise<Buffer> {
  // The JSON parser read a JSON body already: a register is a file, never JSON.
  if (request.body !== undefined)
    throw new UnsupportedMediaTypeException('send the register as text/csv or an xlsx file, not JSON');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > UPLOAD_LIMIT_BYTES)
      throw fileProblem(`file must be at most ${UPLOAD_LIMIT_BYTES / 1024 / 1024} MB`);
    chunks.push(chunk);
  }
  if (size === 0) throw fileProblem('file is required: send the CSV or xlsx file as the request body');
  return Buffer.concat(chunks);
}

/** From ?format=, else the content type, else the bytes (an xlsx is a zip: it starts with PK). */
export function uploadFormatOf(
  body: Buffer,
  contentType: string | undefined,
  format: string | undefined,
): UploadFormat {
  if (format !== undefined) {
    if (format === 'csv' || format === 'xlsx') return format;
    throw new ValidationFailedError([{ field: 'format', message: 'format must be csv or xlsx' }]);
  }
  if (contentType?.startsWith(XLSX_TYPE)) return 'xlsx';
  if (contentType?.startsWith('text/csv')) return 'csv';
  return body.subarray(0, 2).toString('latin1') === 'PK' ? 'xlsx' : 'csv';
}

/** Every row of the file, read before anything is checked, so that a broken file is refused as a whole. */
export async function rowsOf(body: Buffer, format: UploadFormat): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  try {
    for await (const row of sheetRows(Readable.from([body]), format)) rows.push(row);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw fileProblem(`file is not valid CSV: ${error.message}`);
    throw fileProblem(
      `file is not a readable ${format} workbook: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return rows;
}
