// Sealing and opening personal data: AES-256-GCM under the person's own key, with the person's reference as
// associated data, so a sealed object moved onto another person's event does not open. The nonce is derived
// from the key, the person, the content and a salt (the client's event id when it sent one, else random), so
// a retried command with the same id seals to the very same bytes and is recognized as a retry, while two
// different contents never share a nonce under one key.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { SEALED_PERSONAL_DATA_VERSION, type SealedPersonalData } from '@ledger/domain';
import { PERSONAL_KEY_BYTES } from './personal-key-store.port';

/** What a registration may record about a person, besides the pseudonymous reference. */
export interface PersonalData {
  householdHeadName?: string;
  contactPhone?: string;
}

/** What readers see once the person's key is gone. */
export interface ErasedPersonalData {
  erased: true;
  person: string;
}

export class PersonalDataUnreadableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PersonalDataUnreadableError';
  }
}

const FIELDS = ['householdHeadName', 'contactPhone'] as const;

function checkKey(key: Buffer): void {
  if (key.length !== PERSONAL_KEY_BYTES) throw new Error(`a personal key is ${PERSONAL_KEY_BYTES} bytes`);
}

const associatedData = (person: string) => Buffer.from(`${SEALED_PERSONAL_DATA_VERSION}:${person}`, 'utf8');

/** Only the known fields, in a fixed order, so that equal contents seal to equal plaintexts. */
function canonical(data: PersonalData): string {
  const out: Record<string, string> = {};
  for (const field of FIELDS) if (typeof data[field] === 'string') out[field] = data[field];
  return JSON.stringify(out);
}

export function sealPersonalData(
  data: PersonalData,
  person: string,
  key: Buffer,
  salt: string = randomBytes(16).toString('hex'),
): SealedPersonalData {
  checkKey(key);
  const plaintext = canonical(data);
  const iv = createHmac('sha256', key)
    .update(`${SEALED_PERSONAL_DATA_VERSION}-iv\0${person}\0${salt}\0${plaintext}`)
    .digest()
    .subarray(0, 12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(person));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    sealed: SEALED_PERSONAL_DATA_VERSION,
    person,
    iv: iv.toString('base64'),
    data: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** The personal data, or PersonalDataUnreadableError when the key, the person or the bytes do not match. */
export function openPersonalData(sealed: SealedPersonalData, key: Buffer): PersonalData {
  checkKey(key);
  let text: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(associatedData(sealed.person));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    text = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new PersonalDataUnreadableError(`the personal data of ${sealed.person} does not open with its key`);
  }
  const parsed = JSON.parse(text) as Record<string, unknown>;
  const out: PersonalData = {};
  for (const field of FIELDS) if (typeof parsed[field] === 'string') out[field] = parsed[field];
  return out;
}
