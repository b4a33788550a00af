// Validators for the values of the plan (codes, keys, dates, confirmation status), and a checker that
// runs many validators and keeps every problem instead of stopping at the first. Deciders use the first
// problem as their 400; the seed validator reports all of them with file, entry and field.
import { DomainError, invalid } from '../shared/domain-error';
import { parseIsoInstant } from '../shared/rules';

export interface FieldProblem {
  /** Path of the field inside the record, e.g. `target.comparison` or `contributions[2].field`. */
  field: string;
  code: string;
  message: string;
}

/**
 * Collects field problems. `check(field, run)` runs a validator that throws an 'invalid' DomainError and
 * returns its value, or records the problem and returns undefined. The result is typed as the validator's
 * (a deliberate lie on failure): a record with problems is thrown away, never used.
 */
export class FieldChecker {
  constructor(
    readonly problems: FieldProblem[] = [],
    private readonly prefix = '',
  ) {}

  /** A checker for a nested record whose problems land in the same list, under `prefix.`. */
  nested(field: string): FieldChecker {
    return new FieldChecker(this.problems, this.path(field));
  }

  path(field: string): string {
    if (this.prefix === '' || field === '') return this.prefix || field;
    return field.startsWith('[') ? `${this.prefix}${field}` : `${this.prefix}.${field}`;
  }

  check<T>(field: string, run: (field: string) => T): T {
    try {
      return run(field);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'invalid') {
        this.problems.push({
          field: this.path(error.field ?? field),
          code: error.code,
          message: error.message,
        });
        return undefined as T;
      }
      throw error;
    }
  }

  /** The value as a record, or a problem on this checker's own path (`what` names it at the top). */
  record(value: unknown, what: string): Record<string, unknown> | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
    this.report('', 'RECORD_REQUIRED', `${this.prefix || what} must be an object`);
    return undefined;
  }

  /** The value as a list, or a problem on this checker's own path. */
  list(value: unknown, what: string): unknown[] | undefined {
    if (Array.isArray(value)) return value;
    this.report('', 'LIST_REQUIRED', `${this.prefix || what} must be a list`);
    return undefined;
  }

  report(field: string, code: string, message: string): void {
    this.problems.push({ field: this.path(field), code, message });
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  /** Flags every key the record should not have: a typo in a seed file must not pass silently. */
  onlyKeys(record: Readonly<Record<string, unknown>>, known: readonly string[]): void {
    for (const key of Object.keys(record)) {
      if (!known.includes(key) && !COMMAND_ENVELOPE_KEYS.includes(key)) {
        this.report(key, 'FIELD_UNKNOWN', `unknown field ${key} (expected: ${known.join(', ')})`);
      }
    }
  }
}

/** A command carries the record's fields plus these; they are never part of the record. */
const COMMAND_ENVELOPE_KEYS: readonly string[] = ['type', 'occurredAt', 'now'];

/** Runs a parser and throws its first problem as the command's 400. */
export function parseOrThrow<T>(parse: (checker: FieldChecker) => T): T {
  const checker = new FieldChecker();
  const value = parse(checker);
  const first = checker.problems[0];
  if (first) throw invalid(first.code, first.field, first.message);
  return value;
}

export function requireRecord(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid('RECORD_REQUIRED', field, `${field} must be an object`);
  }
  return value as Record<string, unknown>;
}

export function requireList(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw invalid('LIST_REQUIRED', field, `${field} must be a list`);
  return value;
}

// Org unit and agency codes end up in stream names and URLs: upper case, digits and '-'.
const CODE_PATTERN = /^[A-Z0-9](?:[A-Z0-9-]{0,58}[A-Z0-9])?$/;
// Indicator and baseline keys: the stable names dashboards and reports use.
const KEY_PATTERN = /^[a-z][a-z0-9_]{1,59}$/;
const PLAN_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;
const SECTION_PATTERN = /^(?:I|II|III|IV|V)(?:\.\d{1,2}){0,3}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const YEAR_PATTERN = /^\d{4}$/;

export function requireCode(value: unknown, field: string): string {
  if (typeof value !== 'string' || !CODE_PATTERN.test(value)) {
    throw invalid('CODE_INVALID', field, `${field} must be 1-60 upper-case letters, digits or '-'`);
  }
  return value;
}

export function requireKey(value: unknown, field: string): string {
  if (typeof value !== 'string' || !KEY_PATTERN.test(value)) {
    throw invalid(
      'KEY_INVALID',
      field,
      `${field} must be 2-60 lower-case letters, digits or '_', starting with a letter`,
    );
  }
  return value;
}

export function requirePlanId(value: unknown, field = 'planId'): string {
  if (typeof value !== 'string' || !PLAN_ID_PATTERN.test(value)) {
    throw invalid('PLAN_ID_INVALID', field, `${field} must be 1-60 lower-case letters, digits or '-'`);
  }
  return value;
}

export function requireSection(value: unknown, field: string): string {
  if (typeof value !== 'string' || !SECTION_PATTERN.test(value)) {
    throw invalid('SECTION_INVALID', field, `${field} must be a section of the plan such as II.2 or III.4`);
  }
  return value;
}

/** A calendar date, YYYY-MM-DD, that exists. */
export function requireDate(value: unknown, field: string): string {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value) || parseIsoInstant(value) === null) {
    throw invalid('DATE_INVALID', field, `${field} must be a date YYYY-MM-DD`);
  }
  return value;
}

/** A year (YYYY) or a date (YYYY-MM-DD): what a statistic is "as of". */
export function requireYearOrDate(value: unknown, field: string): string {
  if (typeof value === 'string' && YEAR_PATTERN.test(value)) return value;
  if (typeof value === 'string' && DATE_PATTERN.test(value) && parseIsoInstant(value) !== null) return value;
  throw invalid('AS_OF_INVALID', field, `${field} must be a year YYYY or a date YYYY-MM-DD`);
}

export function requireYear(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 2000 || value > 2100) {
    throw invalid('YEAR_INVALID', field, `${field} must be a year from 2000 to 2100`);
  }
  return value;
}

export function requireBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw invalid('BOOLEAN_REQUIRED', field, `${field} must be true or false`);
  return value;
}

export function requireFiniteNumber(value: unknown, field: string, min = -Infinity, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    const range =
      min === -Infinity && max === Infinity
        ? ''
        : max === Infinity
          ? ` of at least ${min}`
          : min === -Infinity
            ? ` of at most ${max}`
            : ` from ${min} to ${max}`;
    throw invalid('NUMBER_OUT_OF_RANGE', field, `${field} must be a number${range}`);
  }
  return value;
}

export function requirePositiveInteger(value: unknown, field: string, max = 1_000_000): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw invalid('NUMBER_OUT_OF_RANGE', field, `${field} must be a whole number from 1 to ${max}`);
  }
  return value;
}

/** Free text, trimmed; absent, null and blank all mean "no text". */
export function optionalText(value: unknown, field: string, maxLength = 2000): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalid('TEXT_REQUIRED', field, `${field} must be a text, or null`);
  const text = value.trim();
  if (text === '') return null;
  if (text.length > maxLength)
    throw invalid('TEXT_TOO_LONG', field, `${field} must be at most ${maxLength} characters`);
  return text;
}

/** A text that must be there (longer limit than rules.requireText, which is for short command fields). */
export function requireLongText(value: unknown, field: string, maxLength = 2000): string {
  const text = optionalText(value, field, maxLength);
  if (text === null) throw invalid('TEXT_REQUIRED', field, `${field} must be a non-empty text`);
  return text;
}

export function requireNullable<T>(
  value: unknown,
  field: string,
  require: (v: unknown, f: string) => T,
): T | null {
  return value === null || value === undefined ? null : require(value, field);
}

/** A list whose items pass `item`; item problems are named `field[i]`. */
export function requireListOf<T>(
  value: unknown,
  field: string,
  item: (v: unknown, f: string) => T,
  options: { min?: number; unique?: boolean } = {},
): T[] {
  const list = requireList(value, field);
  if (list.length < (options.min ?? 0)) {
    throw invalid('LIST_TOO_SHORT', field, `${field} must have at least ${options.min} item(s)`);
  }
  const items = list.map((v, i) => item(v, `${field}[${i}]`));
  if (options.unique) {
    const seen = new Set<string>();
    items.forEach((v, i) => {
      const k = JSON.stringify(v);
      if (seen.has(k)) throw invalid('LIST_DUPLICATE', `${field}[${i}]`, `${field}[${i}] repeats ${k}`);
      seen.add(k);
    });
  }
  return items;
}

/** Where a fact comes from and whether it was read in the official text (reference: confirmed/reported). */
export interface SourceStatus {
  /** The document or reference the fact comes from, with its status in words when it is not confirmed. */
  source: string;
  /** true only when read in a published official source; false for reported or assumed facts. */
  verified: boolean;
}

export function checkSourceStatus(record: Record<string, unknown>, check: FieldChecker): SourceStatus {
  return {
    source: check.check('source', (f) => requireLongText(record.source, f, 1000)),
    verified: check.check('verified', (f) => requireBoolean(record.verified, f)),
  };
}

/** Equality of validated records (JSON with sorted keys), used for "the same fact again". */
export function sameRecord(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, inner]) => inner !== undefined)
            .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
        )
      : v,
  );
}

/** Compares two dates (YYYY, YYYY-MM-DD) as instants; a year counts as its first day. */
export function compareDates(a: string, b: string): number {
  const pa = parseIsoInstant(a.length === 4 ? `${a}-01-01` : a) ?? 0;
  const pb = parseIsoInstant(b.length === 4 ? `${b}-01-01` : b) ?? 0;
  return pa - pb;
}
