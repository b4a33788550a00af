// What every read that leaves the ledger goes through: each sealed object in the value (an event's data, a
// trail entry, a stream) becomes the personal data it holds, opened with the person's key, or
// { erased: true, person } once that key is gone. Projections and stores only ever hold the sealed objects.
import { isSealedPersonalData, PERSON_REF_PATTERN, type SealedPersonalData } from '@ledger/domain';
import {
  openPersonalData,
  PersonalDataUnreadableError,
  type ErasedPersonalData,
  type PersonalData,
} from './personal-data-seal';
import type { PersonalKeyStore } from './personal-key-store.port';
import { isDeepFrozen } from '../read/deep-frozen';

/** Deeper than any response we make; a guard against cycles rather than a limit anyone meets. */
const MAX_DEPTH = 64;

/**
 * Deep-frozen values found to hold no sealed object: the answers kept while the projections rest are handed
 * to every caller as they are, so each is scanned once instead of at every request.
 */
const knownClear = new WeakSet<object>();

function containsSealed(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth > MAX_DEPTH || isSealedPersonalData(value)) return true;
  if (Array.isArray(value)) return value.some((item) => containsSealed(item, depth + 1));
  // What collect and replace do not descend into (a Buffer, a Date) holds no sealed object.
  if (!isPlainObject(value)) return false;
  for (const item of Object.values(value)) if (containsSealed(item, depth + 1)) return true;
  return false;
}

/** Whether the value may hold a sealed object; a deep-frozen value found clear is remembered as such. */
function holdsSealed(value: unknown): boolean {
  if (isDeepFrozen(value) && knownClear.has(value)) return false;
  const sealed = containsSealed(value, 0);
  if (!sealed && isDeepFrozen(value)) knownClear.add(value);
  return sealed;
}

function collect(value: unknown, found: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return;
  if (isSealedPersonalData(value)) {
    // A reference of another shape cannot have a key: it shows as erased.
    if (PERSON_REF_PATTERN.test(value.person)) found.add(value.person);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collect(item, found, depth + 1);
    return;
  }
  if (!isPlainObject(value)) return;
  for (const item of Object.values(value)) collect(item, found, depth + 1);
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The agency that recorded what this object holds: an event's actor, or a trail entry's agency. */
function recordingAgencyOf(value: Record<string, unknown>): string | undefined {
  const metadata = value.metadata as { actor?: { agency?: unknown } } | undefined;
  const candidates = [metadata?.actor?.agency, (value.actor as { agency?: unknown } | undefined)?.agency];
  if (value.officer !== undefined || value.position !== undefined) candidates.push(value.agency);
  return candidates.find((c): c is string => typeof c === 'string');
}

function replace(
  value: unknown,
  open: (
    sealed: SealedPersonalData,
    agency: string | undefined,
  ) => PersonalData | ErasedPersonalData | WithheldPersonalData,
  depth: number,
  agency: string | undefined = undefined,
): unknown {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return value;
  if (isSealedPersonalData(value)) return open(value, agency);
  if (Array.isArray(value)) return value.map((item) => replace(item, open, depth + 1, agency));
  if (!isPlainObject(value)) return value;
  const here = recordingAgencyOf(value) ?? agency;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = replace(item, open, depth + 1, here);
  return out;
}

/** What a caller who may not see personal data gets in place of each sealed object: not even the reference. */
export interface WithheldPersonalData {
  withheld: true;
}

/** The value with every sealed object withheld, without a key being looked up (public routes). */
export function withholdPersonalData<T>(value: T): T {
  if (!holdsSealed(value)) return value;
  return replace(value, () => ({ withheld: true }), 0) as T;
}

/**
 * The value with every sealed object opened (or marked erased) where `mayOpen` allows it for the agency that
 * recorded it (the nearest event actor or trail entry around it), withheld elsewhere; the value itself when
 * it holds none.
 */
export async function revealPersonalData<T>(
  value: T,
  keys: PersonalKeyStore,
  mayOpen: (recordingAgency: string | undefined) => boolean = () => true,
): Promise<T> {
  if (!holdsSealed(value)) return value;
  const people = new Set<string>();
  collect(value, people, 0);
  const found = new Map<string, Buffer | null>();
  await Promise.all(
    [...people].map(async (person) => {
      found.set(person, await keys.find(person));
    }),
  );
  const open = (
    sealed: SealedPersonalData,
    agency: string | undefined,
  ): PersonalData | ErasedPersonalData | WithheldPersonalData => {
    if (!mayOpen(agency)) return { withheld: true };
    const key = found.get(sealed.person);
    if (!key) return { erased: true, person: sealed.person };
    try {
      return openPersonalData(sealed, key);
    } catch (error) {
      // Sealed under a key that was erased since (the person has a new one now): as erased as can be.
      if (error instanceof PersonalDataUnreadableError) return { erased: true, person: sealed.person };
      throw error;
    }
  };
  return replace(value, open, 0) as T;
}
