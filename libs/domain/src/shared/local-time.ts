// The plan's calendar: every day, month, year and reporting period of the ledger is taken in
// Asia/Ho_Chi_Minh (UTC+7 all year, no daylight saving time), whatever offset an instant was written with
// and whatever the server's own time zone. A payment at 2025-12-31T18:00:00Z happened on 1 January 2026 in
// Bác Ái. `recordedAt` stays an instant in UTC; only its reading as a day goes through here.
import { parseIsoInstant } from './rules';

export const LEDGER_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Vietnam has kept UTC+7 without daylight saving time since 1975. */
export const LEDGER_UTC_OFFSET = '+07:00';
const OFFSET_MS = 7 * 60 * 60 * 1000;

export interface LocalCalendar {
  /** YYYY-MM-DD */
  day: string;
  /** YYYY-MM */
  month: string;
  /** YYYY */
  year: string;
  /** YYYY-Qn */
  quarter: string;
}

const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * The day, month, year and quarter of an instant in Asia/Ho_Chi_Minh. Takes an ISO 8601 date (a calendar
 * day, kept as it is), a date-time with an offset or Z (moved to UTC+7), a Date or epoch milliseconds. A
 * date-time written without an offset is read as local time already. Null for anything else.
 */
export function localCalendarOf(instant: string | Date | number | null | undefined): LocalCalendar | null {
  if (typeof instant !== 'string') return calendarOf(instant);
  const known = recentCalendars.get(instant);
  if (known !== undefined) return known;
  const calendar = calendarOf(instant);
  if (recentCalendars.size >= RECENT_CALENDARS) recentCalendars.clear();
  recentCalendars.set(instant, calendar);
  return calendar;
}

/**
 * The calendars of the instants read lately, frozen and shared: an event's time is read by every projection
 * it feeds and again by each page of the trail that shows it; parsing it each time took about 7% of a
 * rebuild's main thread. Bounded; emptied when full.
 */
const recentCalendars = new Map<string, LocalCalendar | null>();
const RECENT_CALENDARS = 8192;

function calendarOf(instant: string | Date | number | null | undefined): LocalCalendar | null {
  const millis =
    instant instanceof Date
      ? instant.getTime()
      : typeof instant === 'number'
        ? instant
        : typeof instant === 'string'
          ? parseIsoInstant(instant)
          : null;
  let day: string | null = null;
  if (millis !== null && Number.isFinite(millis)) {
    day = new Date(millis + OFFSET_MS).toISOString().slice(0, 10);
  } else if (typeof instant === 'string') {
    // A date-time without an offset: the officer's own (local) clock.
    const m = DATE_PREFIX.exec(instant);
    day = m ? `${m[1]}-${m[2]}-${m[3]}` : null;
  }
  if (day === null) return null;
  const month = day.slice(0, 7);
  const year = day.slice(0, 4);
  return Object.freeze({ day, month, year, quarter: `${year}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}` });
}

/** YYYY-MM-DD of an instant in Asia/Ho_Chi_Minh; null when it is not one. */
export function localDayOf(instant: string | Date | number | null | undefined): string | null {
  return localCalendarOf(instant)?.day ?? null;
}

/** Today in Asia/Ho_Chi_Minh (the default `asOf`), from the clock given. */
export function todayInLedgerZone(now: Date = new Date()): string {
  return localCalendarOf(now)!.day;
}

/** The instant (UTC, ISO) at which a local day YYYY-MM-DD starts in Asia/Ho_Chi_Minh. */
export function startOfLocalDay(day: string): string {
  return new Date(`${day}T00:00:00${LEDGER_UTC_OFFSET}`).toISOString();
}
