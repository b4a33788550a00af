// The ledger's read APIs, from the page's own origin. A token, when the user pasted one, is kept in
// sessionStorage (this tab only, gone when it closes) and sent as a bearer token; public pages send none.
/* global fetch, sessionStorage, atob, URLSearchParams */

const TOKEN_KEY = 'ledger-dashboard-token';

export class ApiError extends Error {
  constructor(status, code, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
    this.code = code;
    this.detail = detail || `HTTP ${status}`;
  }
}

export function getToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) || '';
  } catch {
    return '';
  }
}

export function setToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage off: the token lives as long as the page does
  }
}

/** The claims of a token, read without checking it (the server checks); null when it is not a JWT. */
export function tokenClaims(token = getToken()) {
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
 * GET a path of the API as JSON. `auth`: send the pasted token (inspection views only; public views never
 * send one, so what they show is exactly what anyone sees).
 */
export async function get(path, params = {}, { auth = false } = {}) {
  const headers = { Accept: 'application/json' };
  const token = auth ? getToken() : '';
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path + query(params), { headers, credentials: 'omit' });
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) throw new ApiError(response.status, body?.code, body?.detail || response.statusText);
  return body;
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
