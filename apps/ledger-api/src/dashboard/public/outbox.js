// The queue of writes made while the connection was down, and how it is sent: when the connection comes back
// (the browser's "online" event), at page load, after a sign-in, and on a timer that waits longer after each
// failed try. Each officer has their own queue: a write is only ever sent with the token of the officer who made
// it, and waits (kept on the device) while someone else, or nobody, is signed in. A write refused on replay waits
// for the officer to fix it (same event id) or discard it; a token refused on replay (401, and the renewal
// failed) asks the officer to sign in again, and the queue is sent after the sign-in.
/* global navigator, window, setTimeout, clearTimeout, BroadcastChannel */
import { getToken, request, serviceToken, tokenClaims } from './api.js';
import {
  dueWrites,
  failed,
  fixed,
  newWrite,
  nextTryAt,
  outcomeOf,
  pendingCount,
  recorded,
  refused,
} from './outbox-rules.js';
import { deleteWrite, getWrite, listWrites, putWrite } from './outbox-store.js';
import { onSessionChange, resumeSession, signedIn } from './session.js';

const listeners = new Set();
let sending = null;
let again = null;
let timer = null;
/** The officer whose replay was refused for want of a valid token (null when nobody needs to sign in again). */
let signInNeededFor = null;

/** The officer whose queue this page sends: the signed-in officer, else the pasted service token's subject. */
export function currentOwner() {
  const officer = signedIn();
  if (officer) return officer.id;
  return (serviceToken() && tokenClaims()?.sub) || null;
}

/** Whether the browser believes it is online (a wrong "true" is found out by the request itself). */
export const isOnline = () => navigator.onLine !== false;

/** fn() after every change of the queue (a write queued, sent, refused, fixed, discarded). */
export function onOutboxChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

// The page's other tabs hear of every change, so that their count and queue view follow.
const tabs = typeof BroadcastChannel === 'function' ? new BroadcastChannel('ledger-outbox') : null;
if (tabs) tabs.onmessage = () => notify();

function notify() {
  for (const fn of listeners) fn();
}

function changed() {
  notify();
  tabs?.postMessage('changed');
}

/** The officer who must sign in again before their queue can be sent, or null. */
export const signInNeeded = () => signInNeededFor;

/** The current officer's writes, oldest first; every officer's count when nobody is signed in. */
export async function ownWrites() {
  const owner = currentOwner();
  if (!owner) return [];
  return (await listWrites(owner)).sort((a, b) => a.createdAt - b.createdAt);
}

/** How many writes wait (to be sent or fixed): the current officer's, or all on the device when nobody is. */
export async function pending() {
  const owner = currentOwner();
  return pendingCount(await listWrites(owner ?? undefined));
}

/** Puts a write in the current officer's queue and tries to send it soon; resolves with { queued, id }. */
export async function enqueue(path, body) {
  const write = newWrite({ owner: currentOwner(), path, body, now: Date.now() });
  const existing = await getWrite(write.id);
  // The same event id queued again (the form sent twice): one write, the newer fields.
  await putWrite(existing && existing.state === 'waiting' ? { ...existing, body, path } : write);
  changed();
  schedule(1000);
  return { queued: true, id: write.id };
}

/**
 * Sends the current officer's writes that are due (all that wait when `all`), one at a time, oldest first. It
 * stops at the first one that gets no answer (the connection is still down) or whose token is refused; a
 * refusal only sets that write aside. One pass at a time in the page, and across the browser's tabs.
 */
export function flush({ all = false } = {}) {
  if (sending) {
    // A pass is under way with the list it read: another follows it (a write fixed, the connection back).
    again = again || { all };
    if (all) again.all = true;
    return sending;
  }
  const pass = () => sendDue(all);
  sending = (navigator.locks ? navigator.locks.request('ledger-outbox', pass) : pass()).finally(() => {
    sending = null;
    const next = again;
    again = null;
    if (next) flush(next);
    else schedule();
  });
  return sending;
}

async function sendDue(all) {
  const owner = currentOwner();
  if (!owner || !getToken()) return;
  for (const write of dueWrites(await listWrites(owner), Date.now(), all)) {
    // The officer changed while this pass ran: the rest waits for its own officer.
    if (currentOwner() !== write.owner) return;
    let next;
    try {
      const answer = await request('POST', write.path, { body: write.body, auth: true });
      next = recorded(write, answer, Date.now());
    } catch (error) {
      const outcome = outcomeOf(error);
      if (outcome === 'refused') next = refused(write, error, Date.now());
      else if (outcome === 'sign-in') {
        signInNeededFor = write.owner;
        changed();
        return;
      } else {
        // Not sent (no connection, the server away): this write and the rest of the pass wait their turn again.
        const now = Date.now();
        for (const later of dueWrites(await listWrites(owner), now, all))
          await putWrite(failed(later, now, error?.retryAfter));
        changed();
        return;
      }
    }
    // A write discarded while it was on its way is not brought back.
    if (await getWrite(write.id)) await putWrite(next);
    if (signInNeededFor === write.owner) signInNeededFor = null;
    changed();
  }
}

/** A refused write with its fields fixed by the officer, sent again under the same event id. */
export async function resend(id, fields) {
  const write = await getWrite(id);
  if (!write || write.owner !== currentOwner()) return;
  await putWrite(fixed(write, fields, Date.now()));
  changed();
  await flush();
}

/** A write taken out of the queue (refused and given up, or recorded and no longer needed in the list). */
export async function discard(id) {
  const write = await getWrite(id);
  if (!write || write.owner !== currentOwner()) return;
  await deleteWrite(id);
  changed();
}

/** Takes the current officer's recorded writes out of the list. */
export async function clearRecorded() {
  for (const write of await ownWrites()) if (write.state === 'recorded') await deleteWrite(write.id);
  changed();
}

/** The next pass when the first waiting write is due (or in `ms`), while the page is open. */
async function schedule(ms) {
  if (timer) clearTimeout(timer);
  timer = null;
  let wait = ms;
  if (wait === undefined) {
    const owner = currentOwner();
    if (!owner) return;
    const due = nextTryAt(await listWrites(owner));
    if (due === null) return;
    wait = Math.max(1000, due - Date.now());
  }
  // Offline, the browser's "online" event sends the queue; the timer is for a connection that says it is up.
  timer = setTimeout(() => {
    timer = null;
    if (isOnline()) flush();
  }, wait);
}

/**
 * Starts sending: now (page load), when the connection comes back (the session resumed from its cookie first if
 * the page lost it while offline), and after every sign-in.
 */
export function startOutbox() {
  window.addEventListener('online', async () => {
    if (!currentOwner()) await resumeSession();
    flush({ all: true });
  });
  window.addEventListener('offline', () => changed());
  onSessionChange((officer, reason) => {
    if (reason === 'signed-in' || reason === 'resumed') {
      if (signInNeededFor === currentOwner()) signInNeededFor = null;
      flush({ all: true });
    }
    changed();
  });
  flush({ all: true });
}
