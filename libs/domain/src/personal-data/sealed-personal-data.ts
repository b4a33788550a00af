// Names and contact details are never in an event in clear (Decree 13/2023/ND-CP): the shell seals them
// (AES-256-GCM) under a key of their own per person, kept outside the event store, and the event carries only
// this sealed object. Deleting the person's key erases them from every read while the ledger and its hash
// chain stay whole. The domain checks the shape, never the content: it cannot open it, and must not.
import { invalid } from '../shared/domain-error';

export const SEALED_PERSONAL_DATA_VERSION = 'pd1';

export interface SealedPersonalData {
  sealed: typeof SEALED_PERSONAL_DATA_VERSION;
  /** The pseudonymous reference of the person whose key sealed it (also the cipher's associated data). */
  person: string;
  /** base64 of the 12-byte nonce. */
  iv: string;
  /** base64 of the ciphertext. */
  data: string;
  /** base64 of the 16-byte authentication tag. */
  tag: string;
}

const FIELDS = ['sealed', 'person', 'iv', 'data', 'tag'] as const;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** Enough for a 200-character name and a phone number in UTF-8, with room to spare. */
const MAX_SEALED_CHARS = 4000;

/** True for anything shaped like a sealed object (readers look for them in any response). */
export function isSealedPersonalData(value: unknown): value is SealedPersonalData {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return (
    record.sealed === SEALED_PERSONAL_DATA_VERSION &&
    Object.keys(record).length === FIELDS.length &&
    FIELDS.every((field) => typeof record[field] === 'string')
  );
}

/** The sealed object of `personRef`, well formed; its content is not this layer's business. */
export function requireSealedPersonalData(
  value: unknown,
  field: string,
  personRef: string,
): SealedPersonalData {
  if (!isSealedPersonalData(value)) {
    throw invalid(
      'PERSONAL_DATA_NOT_SEALED',
      field,
      `${field} must be personal data sealed by the ledger ({ sealed: "${SEALED_PERSONAL_DATA_VERSION}", person, iv, data, tag })`,
    );
  }
  if (value.person !== personRef) {
    throw invalid('PERSONAL_DATA_OF_ANOTHER_PERSON', field, `${field} is sealed for another person`);
  }
  if (
    base64Bytes(value.iv) !== 12 ||
    base64Bytes(value.tag) !== 16 ||
    base64Bytes(value.data) === null ||
    value.data.length > MAX_SEALED_CHARS
  ) {
    throw invalid('PERSONAL_DATA_NOT_SEALED', field, `${field} is not a well-formed sealed object`);
  }
  return { sealed: value.sealed, person: value.person, iv: value.iv, data: value.data, tag: value.tag };
}

/** The number of bytes a padded base64 text decodes to, or null when it is not padded base64. */
function base64Bytes(text: string): number | null {
  if (text.length === 0 || text.length % 4 !== 0 || !BASE64.test(text)) return null;
  return (text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);
}
