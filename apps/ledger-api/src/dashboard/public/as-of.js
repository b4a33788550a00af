// The area and the "as of" date that every view reads (from the address), and today's date in the district's
// time (UTC+7), as the API counts days.
import { parseRoute } from './address.js';
import { ledgerDay } from './i18n.js';

/** The area and the "as of" date in the address, as the public APIs take them (none: the district, today). */
export const shared = () => {
  const { params } = parseRoute();
  return { asOf: params.asOf || undefined, orgUnit: params.orgUnit || undefined };
};

/**
 * Today in Hanoi (Asia/Ho_Chi_Minh), whatever the browser's time zone: the API's default asOf is the same
 * day, so the date picker and the figures agree.
 */
export const todayLocal = () => ledgerDay();

/** Today in the district's time (UTC+7): the restatement counts whole district days. */
export function districtToday() {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}
