// DHIS2's period syntax for the periods the plan reports on: a year (2026), a quarter (2026Q1) and a month
// (202603). A period is a run of calendar days in Asia/Ho_Chi_Minh, as every day of the ledger is; ADX
// writes the same period as its first day and an ISO 8601 duration (2026-01-01/P1Y).

export type Dhis2PeriodType = 'Yearly' | 'Quarterly' | 'Monthly';

export interface Dhis2Period {
  /** As DHIS2 writes it: 2026, 2026Q1, 202603. */
  id: string;
  type: Dhis2PeriodType;
  /** First and last local day, YYYY-MM-DD. */
  start: string;
  end: string;
  /** ADX's form: the first day and the period's length, 2026-01-01/P1Y. */
  adx: string;
}

export const DHIS2_PERIOD_HINT =
  'period is a DHIS2 period: a year (2026), a quarter (2026Q1) or a month (202603)';

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a month (1-12) of a year. */
function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The period a DHIS2 period id names; null for anything else (other period types are not exported). */
export function parseDhis2Period(text: string): Dhis2Period | null {
  const m = /^(\d{4})(?:Q([1-4])|(0[1-9]|1[0-2]))?$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900 || year > 2100) return null;
  if (m[2] !== undefined) {
    const quarter = Number(m[2]);
    const first = (quarter - 1) * 3 + 1;
    const start = `${year}-${pad(first)}-01`;
    return { id: text, type: 'Quarterly', start, end: lastDayOf(year, first + 2), adx: `${start}/P3M` };
  }
  if (m[3] !== undefined) {
    const month = Number(m[3]);
    const start = `${year}-${pad(month)}-01`;
    return { id: text, type: 'Monthly', start, end: lastDayOf(year, month), adx: `${start}/P1M` };
  }
  const start = `${year}-01-01`;
  return { id: text, type: 'Yearly', start, end: `${year}-12-31`, adx: `${start}/P1Y` };
}
