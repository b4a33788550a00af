// What the projections read off any event: the corrections it makes, the people and cases it names, and
// its dates as calendar days and months, in Asia/Ho_Chi_Minh (shared/local-time.ts) whatever offset the
// officer wrote occurredAt with.
import {
  isEventCorrected,
  type CorrectedOriginal,
  type EventCorrectedData,
} from '../corrections/correction.event';
import type { CorrectionKind } from '../corrections/correction.command';
import type { RecordedEvent } from './envelope';
import { localDayOf } from './local-time';

/** Data fields that hold a pseudonymous reference to a person or a household. */
export const SUBJECT_REF_FIELDS = [
  'beneficiaryRef',
  'householdRef',
  'traineeRef',
  'workerRef',
  'borrowerRef',
] as const;

/** Data fields that name the case or record an action belongs to. */
export const SUBJECT_ID_FIELDS = [
  'caseId',
  'courseId',
  'paymentId',
  'grantId',
  'enrolmentId',
  'connectionId',
  'latrineId',
  'placementId',
  'loanId',
  'measurementId',
] as const;

export interface CorrectionView {
  correctsEventId: string;
  correctedType: string;
  kind: CorrectionKind;
  reason: string;
  changes: Record<string, unknown> | null;
  /** The corrected event as it stood just before this correction; null when the correction does not carry it. */
  original: CorrectedOriginal | null;
}

/** The correction an EventCorrected makes; null for any other event. */
export function correctionOf(event: Pick<RecordedEvent, 'type' | 'data'>): CorrectionView | null {
  if (!isEventCorrected(event)) return null;
  const data = event.data as Partial<EventCorrectedData>;
  const original = data.original;
  return {
    correctsEventId: String(data.correctsEventId),
    correctedType: String(data.correctedType ?? original?.type ?? ''),
    kind: data.kind === 'amendment' ? 'amendment' : 'retraction',
    reason: typeof data.reason === 'string' ? data.reason : '',
    changes: data.changes ?? null,
    original:
      typeof original === 'object' && original !== null && typeof original.type === 'string'
        ? original
        : null,
  };
}

export function dataRecord(data: unknown): Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : {};
}

/**
 * Every pseudonymous reference in the data, in field order, without repeats: the person or household fields,
 * and a latrine's facilityRef when the facility is a household.
 */
export function subjectRefsOf(data: unknown): string[] {
  const record = dataRecord(data);
  const refs: string[] = [];
  for (const field of SUBJECT_REF_FIELDS) {
    const value = record[field];
    if (typeof value === 'string' && value !== '' && !refs.includes(value)) refs.push(value);
  }
  const facility = record.facilityRef;
  if (record.facilityKind === 'household' && typeof facility === 'string' && !refs.includes(facility)) {
    refs.push(facility);
  }
  return refs;
}

/** The case and record ids the data names (caseId, courseId, paymentId, ...), by field. */
export function subjectIdsOf(data: unknown): Record<string, string> {
  const record = dataRecord(data);
  const ids: Record<string, string> = {};
  for (const field of SUBJECT_ID_FIELDS) {
    const value = record[field];
    if (typeof value === 'string' && value !== '') ids[field] = value;
  }
  return ids;
}

/** The day (YYYY-MM-DD) of an ISO date or date-time in Asia/Ho_Chi_Minh; null when it is not one. */
export function localDate(iso: string | null | undefined): string | null {
  return localDayOf(iso);
}

/** YYYY-MM of an ISO date or date-time in Asia/Ho_Chi_Minh; null when it is not one. */
export function monthOf(iso: string | null | undefined): string | null {
  return localDate(iso)?.slice(0, 7) ?? null;
}

/** date (YYYY-MM-DD) + days, on the calendar. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of a calendar date YYYY-MM-DD. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/**
 * The day (YYYY-MM-DD, in Asia/Ho_Chi_Minh) a contribution of an event counts from, so that a figure as of a
 * date counts only what happened by that date: the day of occurredAt (for a correction: the corrected
 * event's, so that it undoes the same day). When the event names the period it is for (an insurance card for
 * the year 2026), that day is kept inside the period: a card issued in December 2025 for 2026 counts from
 * 1 January 2026, one recorded in February 2027 for 2026 on 31 December 2026, and a card issued in November
 * 2026 for 2026 in November. A measurement (`set`) is for its period: it sits on the period's first day
 * (readers show it only from the day it was recorded, by its occurredAt).
 */
export function contributionDay(
  contribution: { mode?: 'add' | 'set'; period: string | null },
  occurredAt: string | null | undefined,
): string | null {
  const happened = localDate(occurredAt);
  if (contribution.period === null) return happened;
  const range = monthsOfPeriod(contribution.period);
  if (range === null) return null;
  if (contribution.mode === 'set' || happened === null || happened.slice(0, 7) < range.first)
    return `${range.first}-01`;
  if (happened.slice(0, 7) > range.last) return lastDayOfMonth(range.last);
  return happened;
}

/** The month (YYYY-MM) of contributionDay. */
export function contributionMonth(
  contribution: { mode?: 'add' | 'set'; period: string | null },
  occurredAt: string | null | undefined,
): string | null {
  return contributionDay(contribution, occurredAt)?.slice(0, 7) ?? null;
}

export interface MonthRange {
  first: string;
  last: string;
}

const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

/** The months a period covers: "2025" -> 2025-01..2025-12, "2025-Q2" -> 2025-04..2025-06, "2025-05". */
export function monthsOfPeriod(period: string | number | null | undefined): MonthRange | null {
  const m = PERIOD.exec(String(period ?? ''));
  if (!m) return null;
  const [, year, month, quarter] = m;
  if (month) return { first: `${year}-${month}`, last: `${year}-${month}` };
  if (quarter) {
    const q = Number(quarter);
    return { first: `${year}-${pad2(q * 3 - 2)}`, last: `${year}-${pad2(q * 3)}` };
  }
  return { first: `${year}-01`, last: `${year}-12` };
}

export function monthCount(range: MonthRange): number {
  return monthIndex(range.last) - monthIndex(range.first) + 1;
}

export function rangesOverlap(a: MonthRange, b: MonthRange): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** Months since year 0: for arithmetic on YYYY-MM. */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthFromIndex(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${pad2((index % 12) + 1)}`;
}

/** The last calendar day of a month YYYY-MM. */
export function lastDayOfMonth(month: string): string {
  return addDays(`${monthFromIndex(monthIndex(month) + 1)}-01`, -1);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
