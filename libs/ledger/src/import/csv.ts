// Reading CSV (RFC 4180, UTF-8, optional BOM, CRLF or LF) through csv-parse. `csvRecords` streams a file
// record by record; `parseCsv` reads a small text at once. Each record carries the line it starts on, so
// problems can name it. Writing goes through csv-cell.ts.
import type { Readable } from 'node:stream';
import { parse, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';

export { csvCell, inertCellText, toCsvLine } from './csv-cell';

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'CsvSyntaxError';
  }
}

const OPTIONS: Options = {
  bom: true,
  info: true,
  raw: true,
  skip_empty_lines: true,
  relax_column_count: true,
  record_delimiter: ['\r\n', '\n'],
};

interface ParsedRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

/** The line a record starts on: the line it ends on, less the line breaks inside it. */
function toRecord({ record, info, raw }: ParsedRecord): CsvRecord {
  const inside = raw.replace(/\r?\n$/, '').replace(/^[\r\n]+/, '');
  const breaks = inside.split('\n').length - 1;
  return { line: info.lines - breaks, fields: record };
}

function syntaxError(error: unknown): unknown {
  if (error instanceof Error && 'code' in error && String(error.code).startsWith('CSV_')) {
    const line = Number((error as { lines?: number }).lines ?? 0);
    return new CsvSyntaxError(line, error.message.replace(/ at line \d+/, ''));
  }
  if (error instanceof Error && /^(INVALID|CSV)_/.test(String((error as { code?: string }).code)))
    return new CsvSyntaxError(Number((error as { lines?: number }).lines ?? 0), error.message);
  return error;
}

export function parseCsv(text: string): CsvRecord[] {
  try {
    return (parseSync(text, OPTIONS) as unknown as ParsedRecord[]).map(toRecord);
  } catch (error) {
    throw syntaxError(error);
  }
}

/** The records of a CSV stream, one at a time: the file is never held whole in memory. */
export async function* csvRecords(input: Readable): AsyncGenerator<CsvRecord> {
  const parser = input.pipe(parse(OPTIONS));
  input.on('error', (error) => parser.destroy(error));
  try {
    for await (const parsed of parser as AsyncIterable<ParsedRecord>) yield toRecord(parsed);
  } catch (error) {
    throw syntaxError(error);
  }
}
