// How the record form sends a write: one function, so that the way a write travels (straight to the API, or
// through a queue kept while the connection is down) is decided in one place and the form does not change.
import { request } from './api.js';

/**
 * Sends one recording command (POST path with its JSON body, the signed-in officer's token) and resolves with
 * the ledger's answer; a refusal is thrown as an ApiError.
 */
export function sendRecord(path, body) {
  return request('POST', path, { body, auth: true });
}
