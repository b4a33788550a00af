// The signed-in session. The access token lives in this module's memory only (never in localStorage or
// sessionStorage, never in the address): a reload resumes the session from the refresh cookie (HttpOnly, sent
// to /auth only) with POST /auth/refresh, which also gives a new cookie. The token is renewed before it
// expires; refreshes are taken one at a time across the browser's tabs (Web Locks), since a refresh token used
// twice ends every session of its family.
/* global navigator, setTimeout, clearTimeout */
import { ApiError, request, setToken, useSession } from './api.js';

let current = null; // { accessToken, officer, expiresAt }
let timer = null;
let renewing = null;
/** The refusal that ended the last session by itself (null after a sign-in or a sign-out). */
let endedBecause = null;
const listeners = new Set();

/** The signed-in officer ({ id, displayName, agency, orgUnits, roles }), or null. */
export const signedIn = () => current?.officer ?? null;

/** Why the last session ended by itself: the API's refusal of its renewal, or null. */
export const sessionEndedBecause = () => endedBecause;

/** fn(officer | null, reason) after every change: 'signed-in', 'resumed', 'signed-out', 'ended'. */
export function onSessionChange(fn) {
  listeners.add(fn);
}

function announce(reason) {
  for (const fn of listeners) fn(signedIn(), reason);
}

/** What the sign-in page may offer: password always; OpenID Connect when the server has it. */
export async function signInMethods() {
  try {
    return await request('GET', '/auth/methods');
  } catch {
    return { password: true, oidc: { enabled: false } };
  }
}

/** Signs in with officer id and password; throws the API's ApiError (401, 429 with retryAfter, ...). */
export async function signIn(officer, password) {
  const answer = await request('POST', '/auth/login', { body: { officer, password }, cookies: true });
  // A signed-in person uses their own session, not a service token pasted earlier in this tab.
  setToken('');
  endedBecause = null;
  begin(answer);
  announce('signed-in');
  return answer.officer;
}

/** At page load: a session from the refresh cookie, if there is one; null when not signed in. */
export async function resumeSession() {
  const ok = await renew();
  if (ok) announce('resumed');
  return signedIn();
}

/** Ends the session on the server (the cookie cleared) and here, whatever the server answers. */
export async function signOut() {
  try {
    await request('POST', '/auth/logout', { cookies: true });
  } catch {
    // already ended or the server is away: the page forgets it all the same
  }
  end();
  endedBecause = null;
  announce('signed-out');
}

/**
 * A new access token from the refresh cookie; false when there is no session (any more). A call made while
 * another is under way waits for it.
 */
function renew() {
  if (!renewing) {
    renewing = refreshOnce().finally(() => {
      renewing = null;
    });
  }
  return renewing;
}

async function refreshOnce() {
  const call = () => request('POST', '/auth/refresh', { cookies: true });
  try {
    const answer = navigator.locks ? await navigator.locks.request('ledger-refresh', call) : await call();
    begin(answer);
    return true;
  } catch (error) {
    // Refused (no cookie, session ended, account disabled, role revoked): nobody is signed in any more.
    if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429) {
      const had = Boolean(current);
      end();
      if (had) {
        endedBecause = error;
        announce('ended');
      }
      return false;
    }
    // The server could not be reached: keep the token while it lasts and try again soon.
    if (current) schedule(15);
    return Boolean(current);
  }
}

function begin({ accessToken, expiresIn, officer }) {
  const seconds = Number(expiresIn) > 0 ? Number(expiresIn) : 900;
  current = { accessToken, officer, expiresAt: Date.now() + seconds * 1000 };
  useSession(accessToken, renewWhenRejected);
  // A minute before expiry (half-way for a short-lived token).
  schedule(seconds > 120 ? seconds - 60 : seconds / 2);
}

function end() {
  current = null;
  if (timer) clearTimeout(timer);
  timer = null;
  useSession('', renewWhenRejected);
}

function schedule(seconds) {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => renew(), Math.max(1, seconds) * 1000);
}

/** The API said 401 to the session's token (a tab asleep past the renewal): one renewal, then the call again. */
async function renewWhenRejected() {
  return renew();
}
