// The dashboard's service worker, served at /sw.js for the whole site, with the list of the page's files and a
// version made from their content written before this text by the server (self.LEDGER_SHELL). It keeps:
// - the page and its files (the app shell), in a cache named by that version: installed all at once, read from
//   the cache first; a new version is a new cache, and the old ones are dropped when it takes over;
// - the public API's answers (GET with no Authorization header: the plan, figures, the catalogue of actions),
//   network first, the last answer kept for when the connection is down.
// An answer to a request with a token (what an officer alone may read) is never kept, so nothing one officer saw
// can be shown to another on the same device. Writes (POST) are not touched here: the page queues them
// (outbox.js), since only the page holds the officer's token.
/* global self, caches, fetch, Response, URL */

const SHELL = self.LEDGER_SHELL || { version: 'dev', files: [] };
const PREFIX = 'ledger-dashboard-';
const SHELL_CACHE = `${PREFIX}shell-${SHELL.version}`;
const API_CACHE = `${PREFIX}public-api-${SHELL.version}`;
/** The most public answers kept (the oldest go first): the page asks for many dates and areas. */
const API_CACHE_LIMIT = 300;
/** Paths of the site that are neither the page nor the public API: left to the network as they are. */
const NOT_OURS = [/^\/auth\//, /^\/docs/, /^\/sw\.js$/, /^\/health/, /^\/uploads/, /^\/exports\//];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL.files))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(PREFIX) && name !== SHELL_CACHE && name !== API_CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (url.pathname === '/' || url.pathname === '/dashboard' || url.pathname === '/dashboard/')
      event.respondWith(pageFirstFromNetwork(request));
    return;
  }
  if (url.pathname.startsWith('/dashboard/')) {
    event.respondWith(shellFile(request));
    return;
  }
  if (NOT_OURS.some((pattern) => pattern.test(url.pathname))) return;
  // An answer for a token's holder only: straight from the network, never kept.
  if (request.headers.has('Authorization')) return;
  event.respondWith(publicAnswer(request));
});

/** The page itself: the network's (a new version is seen at once), else the one kept. */
async function pageFirstFromNetwork(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const kept = await caches.match('/', { cacheName: SHELL_CACHE });
    if (kept) return kept;
    throw error;
  }
}

/** A file of the page: the one kept for this version, else the network's. */
async function shellFile(request) {
  const kept = await caches.match(request, { cacheName: SHELL_CACHE, ignoreSearch: true });
  return kept || fetch(request);
}

/** A public answer: the network's (kept for later), else the last one kept, else the failure as it was. */
async function publicAnswer(request) {
  const cache = await caches.open(API_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && !response.headers.has('Set-Cookie')) {
      await cache.put(request, response.clone());
      trim(cache);
    }
    return response;
  } catch {
    const kept = await cache.match(request);
    if (kept) return kept;
    return Response.error();
  }
}

async function trim(cache) {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - API_CACHE_LIMIT))) await cache.delete(key);
}
