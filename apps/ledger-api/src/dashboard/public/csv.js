// CSV of the table on screen: UTF-8 with a byte-order mark (so spreadsheet programs read Vietnamese right),
// comma separated, CRLF, every field quoted when it needs to be. A view may add further tables (extra),
// each after an empty line and its title.
/* global document, URL, Blob, setTimeout */

// The same rule as the server's CSV cell writer (libs/ledger/src/import/csv-cell.ts; a unit test checks both
// on one table): a text starting with = + - @, a tab or a carriage return gets a leading apostrophe so that a
// spreadsheet shows it as text; a plain number, negative or not, is data and stays as it is.
const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function inertCellText(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export function field(value) {
  const text = inertCellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function block({ columns, rows }) {
  const lines = [columns.map(([, label]) => field(label)).join(',')];
  for (const row of rows) lines.push(columns.map(([key]) => field(row[key])).join(','));
  return lines;
}

/** exportable: {columns: [[key, label]], rows: [{key: value}], extra?: [{title, columns, rows}]} */
export function toCsv(exportable) {
  const lines = block(exportable);
  for (const extra of exportable.extra || []) lines.push('', field(extra.title), ...block(extra));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
