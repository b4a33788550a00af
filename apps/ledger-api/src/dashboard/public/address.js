// The dashboard's address: #/<view>/<id>?<params>. The area (orgUnit) and the "as of" date (asOf) are kept in
// it and carried by every link, so a view can be bookmarked and shared as it is.
/* global location, history, URLSearchParams */

export function parseRoute() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, params: Object.fromEntries(new URLSearchParams(search)) };
}

/** A link inside the dashboard that keeps the shared asOf / orgUnit. */
export function href(path, extra = {}) {
  const { params } = parseRoute();
  const keep = {};
  if (params.asOf) keep.asOf = params.asOf;
  if (params.orgUnit) keep.orgUnit = params.orgUnit;
  const search = new URLSearchParams({ ...keep, ...extra });
  for (const [key, value] of [...search.entries()]) if (!value) search.delete(key);
  const text = search.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

export function setParams(changes) {
  const { parts, params } = parseRoute();
  const next = { ...params, ...changes };
  for (const key of Object.keys(next)) if (!next[key]) delete next[key];
  const text = new URLSearchParams(next).toString();
  location.hash = `#/${parts.map(encodeURIComponent).join('/')}${text ? `?${text}` : ''}`;
}

/** Keeps a view's own parameters in the address without loading the view again. */
export function replaceParams(changes) {
  const { parts, params } = parseRoute();
  const next = { ...params, ...changes };
  for (const key of Object.keys(next)) if (!next[key]) delete next[key];
  const text = new URLSearchParams(next).toString();
  history.replaceState(null, '', `#/${parts.map(encodeURIComponent).join('/')}${text ? `?${text}` : ''}`);
}
