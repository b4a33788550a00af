// A person's name as recorded (the household head's): printable text only. No control character (NUL, tab,
// newline: a name that breaks a log line, a CSV row or a report), and no bidirectional control (U+202A-202E
// embeddings and overrides, U+2066-2069 isolates, the marks U+200E, U+200F, U+061C), which can make a name
// display as another. Checked before the name is sealed, so the rule holds for every way of recording it.
import { invalid } from '../shared/domain-error';

// The control characters are the point of this pattern.
// eslint-disable-next-line no-control-regex
const NOT_IN_A_NAME = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** The rule as the API documents it: a JSON Schema pattern a name must match, and the sentence that says it. */
export const PRINTABLE_NAME = {
  pattern: `^[^${NOT_IN_A_NAME.source.slice(1, -1)}]*$`,
  rule:
    'Printable text only: no control character (NUL, tab, newline, carriage return, U+0000-001F, U+007F-009F) ' +
    'and no bidirectional control (U+202A-202E, U+2066-2069, U+200E, U+200F, U+061C); otherwise 400 NAME_NOT_PRINTABLE naming the field.',
} as const;

/** Throws an invalid-input error naming `field` when the name holds a control or bidirectional character. */
export function requirePrintableName(name: string, field: string): void {
  const bad = NOT_IN_A_NAME.exec(name);
  if (bad)
    throw invalid(
      'NAME_NOT_PRINTABLE',
      field,
      `${field} holds the control character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}: a name is printable text, with no control or bidirectional characters`,
    );
}
