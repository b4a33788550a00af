// Who may write an account stream: an admin, and only account events (no correction, no other fact). An account
// is made for an agency and org units in force on the day it is created: after the 2025 reorganisation an ended
// one is a 409 naming what took its place, as for any other write.
import { agencyOutOfForce } from '../access/in-force';
import { hasRole, type Principal } from '../access/principal';
import {
  refusalOf,
  refuseNamedUnitOutOfForce,
  type WritePolicyContext,
  type WriteRefusal,
  type WriteRequest,
  type WriteRule,
} from '../access/write-policy';
import { ACCOUNT_STREAM_PREFIX } from './account.aggregate';
import { ACCOUNT_EVENT_TYPES, type AccountRecord } from './account.events';

const forbidden = (message: string): WriteRefusal => ({ code: 'FORBIDDEN', message });

/** undefined when the write does not touch accounts; null when allowed; a refusal otherwise. */
export const accountWriteRule: WriteRule = (principal: Principal, request, context) => {
  const types = request.events.map((event) => event.type);
  const accountEvents = types.filter((type) => (ACCOUNT_EVENT_TYPES as readonly string[]).includes(type));
  if (!request.stream.startsWith(ACCOUNT_STREAM_PREFIX) && accountEvents.length === 0) return undefined;
  if (!request.stream.startsWith(ACCOUNT_STREAM_PREFIX) || accountEvents.length !== types.length)
    return forbidden(`account events go to account streams, and account streams hold account events only`);
  if (!hasRole(principal, 'admin')) return forbidden('only an admin manages accounts');
  return refuseAccountOutOfForce(request, context);
};

function refuseAccountOutOfForce(request: WriteRequest, context: WritePolicyContext): WriteRefusal | null {
  const model = context.inForce;
  const day = request.occurredOn;
  if (!model || !day) return null;
  for (const event of request.events) {
    if (event.type !== 'AccountCreated') continue;
    const account = event.data as AccountRecord;
    for (const orgUnit of account.orgUnits) {
      const refusal = refuseNamedUnitOutOfForce(orgUnit, day, context);
      if (refusal) return refusal;
    }
    const refusal = refusalOf(agencyOutOfForce(account.agency, account.orgUnits[0] ?? '', day, model));
    if (refusal) return refusal;
  }
  return null;
}
