// The OpenAPI schemas of the upload routes: the list of what can be uploaded, the summary of a register
// (preview, and the last line of an upload), the lines an upload answers, and the file a request carries.
import { arrayOf, int, object, oneOfValues, str, type SchemaObject } from '../http/response-schema';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const words = (description: string): SchemaObject =>
  object({ vi: str('Vietnamese'), en: str('English') }, { description });

export const UPLOAD_ACTIONS_SCHEMA: SchemaObject = arrayOf(
  object({
    name: str('The upload name: /uploads/{name}, the template <name>.csv or <name>.xlsx'),
    type: str('The command it records'),
    label: words('The command in words'),
    actionLabel: words('The action in words'),
  }),
);

const UPLOAD_PROBLEM_SCHEMA = object({
  row: int('The row of data, counted from 1 after the header'),
  line: int('The CSV line or worksheet row it is on'),
  rowId: str('The row_id cell, empty when the row has none'),
  column: str('The column at fault'),
  reason: str('Why, in Vietnamese'),
  reasonEn: str('Why, in English'),
});

const SUMMARY_PROPERTIES: Record<string, SchemaObject> = {
  action: str('The upload name of the action command'),
  rows: int('Rows of data in the file'),
  valid: int('Rows that passed the checks (preview) or were recorded now or before (upload)'),
  recorded: int('Rows recorded now (0 in a preview)'),
  alreadyRecorded: int('Rows recorded by an earlier upload of the same register'),
  rejected: int('Rows refused'),
  problems: arrayOf(UPLOAD_PROBLEM_SCHEMA, 'Every problem of every refused row'),
  rejectedCsv: str('The refused rows with their reasons, as CSV (only when a row was refused)'),
  rejectedXlsx: str('The same as an xlsx workbook in base64 (only when a row was refused)'),
};
const SUMMARY_OPTIONAL = ['rejectedCsv', 'rejectedXlsx'];

export const UPLOAD_PREVIEW_SCHEMA: SchemaObject = object(SUMMARY_PROPERTIES, { optional: SUMMARY_OPTIONAL });

/** One line of an upload's answer: progress, then the result (the summary), or an error half-way. */
export const UPLOAD_PROGRESS_SCHEMA: SchemaObject = object(
  {
    type: oneOfValues(['progress', 'result', 'error']),
    done: int('progress: rows handled so far'),
    total: int('progress: rows in the file'),
    detail: str('error: what failed; the rows before it are recorded'),
    ...SUMMARY_PROPERTIES,
  },
  {
    optional: ['done', 'total', 'detail', ...Object.keys(SUMMARY_PROPERTIES)],
    description: 'One line of application/x-ndjson',
  },
);

/** The register as the request body: the file as it is. */
export const UPLOAD_REQUEST_BODY = {
  required: true,
  description: 'The register file as it is (CSV in UTF-8, or xlsx); a JSON body is refused (415)',
  content: {
    'text/csv': { schema: { type: 'string' } },
    [XLSX]: { schema: { type: 'string', format: 'binary' } },
    'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
  },
} satisfies { required: boolean; description: string; content: Record<string, { schema: SchemaObject }> };
