// Trail entries shared by the inspection's two views: those the search read are kept for the page's life, so an
// event opened from the results shows its effects and corrections without asking again; an event opened on its
// own looks its entry up by type, officer and day. And an entry's status in words.
import { get } from '../api.js';
import { ledgerDay, t } from '../i18n.js';

/** Trail entries read so far, by event id. */
const entries = new Map();

/** Keeps the entries of a page of the trail search. */
export function rememberTrailEntries(items) {
  for (const entry of items) entries.set(entry.eventId, entry);
}

/** An event's trail entry: one already read, else looked up by its type, officer and day; null if none. */
export async function findTrailEntry(event) {
  if (entries.has(event.id)) return entries.get(event.id);
  const day = ledgerDay(event.metadata?.occurredAt || '');
  const page = await get(
    '/trail',
    { type: event.type, actor: event.metadata?.actor?.officer, from: day, to: day, limit: 500 },
    { auth: true },
  ).catch(() => ({ items: [] }));
  for (const entry of page.items) entries.set(entry.eventId, entry);
  return entries.get(event.id) || null;
}

/** An entry's status in words: in effect, amended or retracted. */
export function trailStatus(status) {
  return (
    { effective: t('statusEffective'), amended: t('statusAmended'), retracted: t('statusRetracted') }[
      status
    ] ||
    status ||
    ''
  );
}
