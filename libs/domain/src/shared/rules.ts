// Validators shared by every decider and by the amendment functions. Each returns the value it accepts
// (trimmed, typed) or throws an 'invalid' DomainError naming the field, so the HTTP layer can answer 400.
import { invalid } from './domain-error';

/** Every command says when the action happened (officer) and when the server received it. */
export interface TimedCommand {
  /** ISO 8601, when the action happened: a date (2024-05-01) or a date-time with offset. */
  occurredAt: string;
  /** ISO 8601 server time at which the command was received; never copied into an event. */
  now: string;
}

/** Officers may run a few minutes ahead of the server clock; more than that is a typing mistake. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** The ledger records actions of the current policy cycle; older dates are typing mistakes. */
export const EARLIEST_OCCURRED_AT = '2000-01-01T00:00:00Z';
export const MAX_AMOUNT_VND = 100_000_000_000;

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Milliseconds since the epoch, or null when the text is not a real ISO 8601 date or date-time.
 * A date-time without an offset is refused: it would mean different instants on different servers.
 * Computed by hand because Date.parse rolls 2024-02-30 over to March 1st.
 */
export function parseIsoInstant(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = ISO_INSTANT.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', offset = 'Z'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (offset !== 'Z') {
    const oh = Number(offset.slice(1, 3));
    const om = Number(offset.slice(4, 6));
    if (oh > 14 || om > 59) return null;
    offsetMinutes = (offset[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const millis = Number((frac + '000').slice(0, 3));
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** The shared rule of every command: occurredAt is a real date, not in the future, not before 2000. */
export function checkOccurredAt(command: TimedCommand): void {
  const occurredAt = parseIsoInstant(command.occurredAt);
  if (occurredAt === null) {
    throw invalid(
      'OCCURRED_AT_INVALID',
      'occurredAt',
      'occurredAt must be an ISO 8601 date or date-time with offset',
    );
  }
  const now = parseIsoInstant(command.now);
  if (now === null) throw invalid('NOW_INVALID', 'now', 'now must be an ISO 8601 date-time with offset');
  if (occurredAt > now + CLOCK_SKEW_MS) {
    throw invalid('OCCURRED_AT_IN_FUTURE', 'occurredAt', `occurredAt ${command.occurredAt} is in the future`);
  }
  if (occurredAt < (parseIsoInstant(EARLIEST_OCCURRED_AT) as number)) {
    throw invalid(
      'OCCURRED_AT_TOO_OLD',
      'occurredAt',
      `occurredAt must not be before ${EARLIEST_OCCURRED_AT}`,
    );
  }
}

/**
 * A lifecycle step cannot happen before the step it follows. When the earlier step's date is unknown
 * (events folded without their envelope) there is nothing to compare with.
 */
export function checkNotBefore(
  occurredAt: string,
  previousAt: string | undefined,
  previousStep: string,
): void {
  if (previousAt === undefined) return;
  const current = parseIsoInstant(occurredAt);
  const previous = parseIsoInstant(previousAt);
  if (current !== null && previous !== null && current < previous) {
    throw invalid(
      'STEP_BEFORE_PREVIOUS_STEP',
      'occurredAt',
      `occurredAt ${occurredAt} is before the ${previousStep} it follows (${previousAt})`,
    );
  }
}

/** The latest of some step dates, as written; undefined when none is known. */
export function latestOf(dates: ReadonlyArray<string | undefined>): string | undefined {
  let latest: string | undefined;
  for (const date of dates) {
    if (date === undefined) continue;
    if (latest === undefined || (parseIsoInstant(date) ?? 0) > (parseIsoInstant(latest) ?? 0)) latest = date;
  }
  return latest;
}

/** The earliest of two step dates; keeps the known one when the other is missing. */
export function earliestOf(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return (parseIsoInstant(b) ?? 0) < (parseIsoInstant(a) ?? 0) ? b : a;
}

export function requireText(value: unknown, field: string, maxLength = 200): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalid('TEXT_REQUIRED', field, `${field} must be a non-empty text`);
  }
  const text = value.trim();
  if (text.length > maxLength)
    throw invalid('TEXT_TOO_LONG', field, `${field} must be at most ${maxLength} characters`);
  return text;
}

// Case and course ids end up in stream names and URLs, so they keep to a URL-safe alphabet.
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

export function requireId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
    throw invalid(
      'ID_INVALID',
      field,
      `${field} must be 1-100 letters, digits, '.', '_', ':' or '-', starting with a letter or digit`,
    );
  }
  return value;
}

export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalid('VALUE_NOT_ALLOWED', field, `${field} must be one of: ${allowed.join(', ')}`);
  }
  return value as T;
}

/** An integer within [min, max]; anything else (fractions, strings, NaN) is out of range under one code. */
export function requireIntegerInRange(
  value: unknown,
  field: string,
  min: number,
  max: number,
  code: string,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(code, field, `${field} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/** Amounts are whole đồng: VND has no minor unit in practice. */
export function requireAmountVnd(value: unknown, field = 'amountVnd'): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0 || value > MAX_AMOUNT_VND) {
    throw invalid(
      'AMOUNT_OUT_OF_RANGE',
      field,
      `${field} must be a whole number of VND above 0 and at most ${MAX_AMOUNT_VND}`,
    );
  }
  return value;
}
