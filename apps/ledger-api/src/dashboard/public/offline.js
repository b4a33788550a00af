// Working offline: the service worker that keeps the page and its files on the device (served at /sw.js, for the
// whole site), the queue of writes made while the connection is down (outbox.js), and the header's link to the
// queue with the number of writes not done yet.
/* global document, navigator, window */
import { t } from './i18n.js';
import { currentOwner, onOutboxChange, pending, startOutbox } from './outbox.js';

/** Registers the service worker (where the browser has one) and starts sending the queue. */
export function startOffline() {
  if ('serviceWorker' in navigator) {
    const register = () => navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register);
  }
  onOutboxChange(() => showQueueLink());
  window.addEventListener('online', () => showQueueLink());
  window.addEventListener('offline', () => showQueueLink());
  startOutbox();
}

/**
 * The header's "Chờ gửi / Outbox" link: shown to a signed-in officer, or whenever writes wait on the device, with
 * how many are not done yet (waiting or refused).
 */
export async function showQueueLink() {
  const count = await pending();
  const item = document.getElementById('nav-queue-item');
  const text = document.getElementById('nav-queue-text');
  const badge = document.getElementById('queue-count');
  if (!item || !text || !badge) return;
  item.hidden = !currentOwner() && count === 0;
  text.textContent = t('navQueue');
  badge.textContent = String(count);
  badge.hidden = count === 0;
  badge.setAttribute('aria-label', t('queueCountLabel', { count }));
  item.classList.toggle('offline', navigator.onLine === false);
}
