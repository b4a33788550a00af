// Erasing a person's personal data (Decree 13/2023/ND-CP, the right to deletion): the shell deletes the person's
// key, so every sealed name and contact detail of theirs stops opening, and this event puts the erasure on the
// record: who erased whom, when and why. It carries no personal data itself. The ledger's events stay as they
// are, so every hash chain and signed tree head still verifies.
import { invalid } from '../shared/domain-error';
import { hasRole, type Principal } from '../access/principal';
import type { WriteRefusal, WriteRule } from '../access/write-policy';

export const PERSONAL_DATA_ERASED = 'PersonalDataErased';
export const PERSONAL_DATA_STREAM_PREFIX = 'personal-data-';
/** A pseudonymous reference: a kind letter, a dash, hex (beneficiaries are "b-" + 32 hex digits). */
export const PERSON_REF_PATTERN = /^[a-z]-[0-9a-f]{16,64}$/;

export interface PersonalDataErasedData {
  personRef: string;
  /** The lawful request it answers (a letter, a decision number) and why. */
  reason: string;
}

export interface PersonalDataErased {
  type: typeof PERSONAL_DATA_ERASED;
  data: PersonalDataErasedData;
}

export function personalDataStream(personRef: string): string {
  return `${PERSONAL_DATA_STREAM_PREFIX}${personRef}`;
}

export function requirePersonRef(value: unknown, field = 'personRef'): string {
  if (typeof value !== 'string' || !PERSON_REF_PATTERN.test(value))
    throw invalid(
      'PERSON_REF_INVALID',
      field,
      `${field} must be a pseudonymous reference such as b-<32 hex digits>`,
    );
  return value;
}

/**
 * The events of an erasure, given the person's stream so far: none when the person is already erased (erasing
 * again changes nothing and records nothing), else one PersonalDataErased.
 */
export function decidePersonalDataErasure(
  request: { personRef: unknown; reason: unknown },
  history: readonly { type: string }[],
): PersonalDataErased[] {
  const personRef = requirePersonRef(request.personRef);
  const reason = typeof request.reason === 'string' ? request.reason.trim() : '';
  if (reason.length < 10 || reason.length > 500)
    throw invalid(
      'ERASURE_REASON_REQUIRED',
      'reason',
      'say which lawful request this erasure answers (10 to 500 characters)',
    );
  if (history.some((event) => event.type === PERSONAL_DATA_ERASED)) return [];
  return [{ type: PERSONAL_DATA_ERASED, data: { personRef, reason } }];
}

const forbidden = (message: string): WriteRefusal => ({ code: 'FORBIDDEN', message });

/**
 * Only an admin (the data protection officer) erases personal data, and only into the person's own stream.
 * Undefined for any other write, which the other rules decide.
 */
export const personalDataWriteRule: WriteRule = (principal: Principal, request) => {
  const erasing = request.events.some((event) => event.type === PERSONAL_DATA_ERASED);
  if (!erasing && !request.stream.startsWith(PERSONAL_DATA_STREAM_PREFIX)) return undefined;
  const onlyErasures = request.events.every(
    (event) =>
      event.type === PERSONAL_DATA_ERASED &&
      request.stream === personalDataStream((event.data as PersonalDataErasedData).personRef),
  );
  if (!onlyErasures)
    return forbidden(`${request.stream} holds only the erasures of that person's personal data`);
  return hasRole(principal, 'admin')
    ? null
    : forbidden("only an admin (the data protection officer) erases a person's personal data");
};
