// The one place a CSV cell is written, for every CSV the ledger makes (exports, reports, templates, rejected
// rows). A text that starts with = + - @, a tab or a carriage return is read as a formula by spreadsheet
// programs (CSV injection): it is written with a leading apostrophe, which they show as text. A cell that is
// a plain number is data and is written as it is, negative numbers included: DHIS2 and the reports carry
// negative values (a change, a correction) in numeric columns, a number cannot hold a formula, and an
// apostrophe would turn the value into text that DHIS2 refuses.

/** A decimal number, signed, with an optional exponent: never a formula. */
const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text of a cell, made inert for a spreadsheet when it could be read as a formula. */
export function inertCellText(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  if (!FORMULA_START.test(text) || PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}

/** One CSV field (RFC 4180): inert, and quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: unknown): string {
  const text = inertCellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsvLine(values: readonly unknown[]): string {
  return values.map(csvCell).join(',');
}
