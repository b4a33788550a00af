// The per-person keys that seal names and contact details (Decree 13/2023/ND-CP). Kept outside the event store
// on purpose: deleting a person's key erases their personal data from every read, while the events (and their
// hash chains and signed tree heads) stay exactly as they were appended.
import { LedgerError, PERSON_REF_PATTERN } from '@ledger/domain';

export const PERSONAL_KEYS = Symbol('PERSONAL_KEYS');

/** Bytes of every key (AES-256). */
export const PERSONAL_KEY_BYTES = 32;

export interface PersonalKeyStore {
  /** The person's key, created (random, 32 bytes) on first use. Concurrent first uses get the same key. */
  keyFor(personRef: string): Promise<Buffer>;
  /** The person's key, or null when there is none (never created, or erased). */
  find(personRef: string): Promise<Buffer | null>;
  /** Deletes the person's key for good; true when there was one. Erasing an erased person is not an error. */
  erase(personRef: string): Promise<boolean>;
  close(): Promise<void>;
}

/** The key store cannot be used right now (locked file, disk, MongoDB unreachable or silent): 503. */
export class PersonalKeysUnavailableError extends LedgerError {
  readonly code = 'PERSONAL_KEYS_UNAVAILABLE';
  readonly kind = 'unavailable';

  override get publicDetail(): string {
    return 'The personal key store cannot be reached; try again shortly.';
  }
}

export function checkPersonRef(personRef: string): void {
  if (typeof personRef !== 'string' || !PERSON_REF_PATTERN.test(personRef))
    throw new TypeError('a personal key belongs to a pseudonymous reference such as b-<32 hex digits>');
}
