// The area and the "as of" date that every view reads (from the address), and today's date: in the browser's
// time for the date picker, in the district's time (UTC+7) where the API counts whole district days.
import { parseRoute } from './address.js';

/** The area and the "as of" date in the address, as the public APIs take them (none: the district, today). */
export const shared = () => {
  const { params } = parseRoute();
  return { asOf: params.asOf || undefined, orgUnit: params.orgUnit || undefined };
};

/** Today in the browser's time, as the date picker shows it. */
export const todayLocal = () => {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 10);
};

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
