// The ledger's APIs, from the page's own origin. Two kinds of token: the access token of a signed-in session
// (session.js keeps it in memory only, never in storage) and, for service accounts, a token pasted by hand, kept
// in sessionStorage (this tab only, gone when it closes). Either is sent as a bearer token, only where a call
// asks for it; public pages send none. Cookies go only to /auth (sign-in, refresh, sign-out).
/* global fetch, sessionStorage, atob, URLSearchParams */

const TOKEN_KEY = 'ledger-dashboard-token';

export class ApiError extends Error {
  constructor(status, code, detail, { body = null, retryAfter = null } = {}) {
    super(detail || `HTTP ${status}`);
    this.status = status;
    this.code = code;
    this.detail = detail || `HTTP ${status}`;
    /** The problem details as the API sent them (field, errors, ...). */
    this.body = body;
    /** Seconds to wait, from Retry-After (429), when the API said. */
    this.retryAfter = retryAfter;
  }
}

// The signed-in session's access token (memory only) and how to get a new one when the API says it expired.
let sessionAccess = '';
let renewSession = null;

/** session.js: the access token of the signed-in session ('' when none) and how to renew it. */
export function useSession(token, renew = renewSession) {
  sessionAccess = token || '';
  renewSession = renew;
}

/** The token sent with a call that needs one: the signed-in session's, else a service account's pasted one. */
export function getToken() {
  return sessionAccess || serviceToken();
}

/** The service account token pasted in this tab ('' when none). */
export function serviceToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) || '';
  } catch {
    return '';
  }
}

/** Keeps (or, with '', forgets) a pasted service account token for this tab. */
export function setToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage off: the token lives as long as the page does
  }
}

/** The claims of a token, read without checking it (the server checks); null when it is not a JWT. */
export function tokenClaims(token = serviceToken()) {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(decodeURIComponent(escape(json)));
  } catch {
    return null;
  }
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Calls the API and reads its JSON answer; a problem (4xx, 5xx) is thrown as an ApiError. `auth`: send the
 * token (a session's expired token is renewed once and the call made again); `cookies`: send the refresh
 * cookie (the /auth calls only).
 */
export async function request(method, path, { params = {}, body, auth = false, cookies = false } = {}) {
  const call = async () => {
    const headers = { Accept: 'application/json' };
    const token = auth ? getToken() : '';
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path + query(params), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: cookies ? 'same-origin' : 'omit',
    });
    return { response, token };
  };
  let { response, token } = await call();
  if (response.status === 401 && auth && token && token === sessionAccess && renewSession) {
    if (await renewSession()) ({ response } = await call());
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const header = Number(response.headers.get('Retry-After'));
    const retryAfter = Number.isFinite(header) && header > 0 ? header : (json?.retryAfterSeconds ?? null);
    throw new ApiError(response.status, json?.code, json?.detail || json?.title || response.statusText, {
      body: json,
      retryAfter,
    });
  }
  return json;
}

/**
 * GET a path of the API as JSON. `auth`: send the token (views that need one only; public views never send
 * one, so what they show is exactly what anyone sees).
 */
export function get(path, params = {}, { auth = false } = {}) {
  return request('GET', path, { params, auth });
}

/** Every page of a paginated list (limit 500 a page). */
export async function getAll(path, params = {}, options = {}) {
  const items = [];
  let cursor;
  do {
    const page = await get(path, { ...params, limit: 500, cursor }, options);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
