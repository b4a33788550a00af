// Who may write an account stream: an admin, and only account events (no correction, no other fact).
import { hasRole, type Principal } from '../access/principal';
import type { WriteRefusal, WriteRule } from '../access/write-policy';
import { ACCOUNT_STREAM_PREFIX } from './account.aggregate';
import { ACCOUNT_EVENT_TYPES } from './account.events';

const forbidden = (message: string): WriteRefusal => ({ code: 'FORBIDDEN', message });

/** undefined when the write does not touch accounts; null when allowed; a refusal otherwise. */
export const accountWriteRule: WriteRule = (principal: Principal, request) => {
  const types = request.events.map((event) => event.type);
  const accountEvents = types.filter((type) => (ACCOUNT_EVENT_TYPES as readonly string[]).includes(type));
  if (!request.stream.startsWith(ACCOUNT_STREAM_PREFIX) && accountEvents.length === 0) return undefined;
  if (!request.stream.startsWith(ACCOUNT_STREAM_PREFIX) || accountEvents.length !== types.length)
    return forbidden(`account events go to account streams, and account streams hold account events only`);
  return hasRole(principal, 'admin') ? null : forbidden('only an admin manages accounts');
};
