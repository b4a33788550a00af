// Citizens are never stored in clear (Decree 13/2023/ND-CP): a beneficiary is the HMAC-SHA256 of the
// citizen id (CCCD, 12 digits) under a secret key kept outside the event store. The same citizen always
// gets the same reference, so duplicates are found without exposing ids; without the key a reference
// cannot be turned back into an id by trying all 10^12 ids.
import { createHmac } from 'node:crypto';
import { readOrCreateHexKey, secretFile } from '../secrets/data-dir-secret';

export const PSEUDONYMIZER = Symbol('PSEUDONYMIZER');

export const CITIZEN_ID_PATTERN = /^\d{12}$/;

export class Pseudonymizer {
  constructor(private readonly key: Buffer) {
    if (key.length < 32) throw new Error('pseudonym key must be at least 32 bytes');
  }

  /** "b-" + 32 hex digits (128 bits of the HMAC): short enough to read, far too long to collide. */
  reference(citizenId: string): string {
    if (!CITIZEN_ID_PATTERN.test(citizenId)) throw new Error('a citizen id is 12 digits');
    return 'b-' + createHmac('sha256', this.key).update(`cccd:${citizenId}`).digest('hex').slice(0, 32);
  }
}

/**
 * The key from configuration, or else the one in `<dataDir>/secrets/pseudonym.key`, created (mode 0600) on
 * the first start. Losing this file means new references no longer match old ones: back it up apart
 * from the event store.
 */
export function loadPseudonymKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return Buffer.from(configured, 'hex');
  return readOrCreateHexKey(secretFile(dataDir, 'pseudonym.key'));
}

/**
 * The pseudonymous reference a reader names a person by: a reference as given, or a citizen id (12 digits)
 * hashed to its reference here, so that the id goes no further than this call.
 */
export function referenceOf(refOrCitizenId: string, pseudonyms: Pseudonymizer): string {
  return CITIZEN_ID_PATTERN.test(refOrCitizenId) ? pseudonyms.reference(refOrCitizenId) : refOrCitizenId;
}
