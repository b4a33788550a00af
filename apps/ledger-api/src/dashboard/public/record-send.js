// How the record form sends a write: one function, so that the way a write travels (straight to the API, or
// through the queue kept while the connection is down, outbox.js) is decided in one place and the form does not
// change.
import { request } from './api.js';
import { currentOwner, enqueue, isOnline } from './outbox.js';
import { shouldQueue } from './outbox-rules.js';

/**
 * Sends one recording command (POST path with its JSON body, which carries the event id chosen when the form was
 * drawn, with the signed-in officer's token) and resolves with the ledger's answer; a refusal is thrown as an
 * ApiError. Offline, or when the request gets no answer (or the server is away: 502, 503, 504), the write is
 * queued on the device instead and the promise resolves with `{ queued: true, id }`: it is sent when the
 * connection comes back, and since the ledger appends nothing for an id it already has, never recorded twice.
 */
export async function sendRecord(path, body) {
  const queueable = typeof body?.id === 'string' && body.id !== '' && currentOwner() !== null;
  if (queueable && !isOnline()) return enqueue(path, body);
  try {
    return await request('POST', path, { body, auth: true });
  } catch (error) {
    if (queueable && shouldQueue(error, isOnline())) return enqueue(path, body);
    throw error;
  }
}
