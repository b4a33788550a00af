// Who may read an event, decided by what its stream is and by the event's own org unit (never by the first
// event of its stream alone):
// - a person's read log (`beneficiary-reads-<ref>`: which inspector read whose history, and why) and a
//   person's erasure record (`personal-data-<ref>`: the request it answered) are for inspectors only, in
//   whose org units they were recorded;
// - any other event (an action, a step, a correction, a plan fact) is read in the org units of the reader.
// A stream is read when every one of its events may be. A stream named by a person's reference (a payment,
// an enrolment, an allowance: one person's events) is read like that person's history: with a reason,
// recorded; so is a trail search for one person.
import { BENEFICIARY_READS_STREAM_PREFIX } from './beneficiary-read';
import { PERSONAL_DATA_STREAM_PREFIX } from '../personal-data/personal-data-erasure';
import type { OrgScope } from './org-scope';
import { hasRole, type Principal } from './principal';

export type StreamKind = 'read-log' | 'personal-data' | 'record';

export function streamKindOf(stream: string): StreamKind {
  if (stream.startsWith(BENEFICIARY_READS_STREAM_PREFIX)) return 'read-log';
  if (stream.startsWith(PERSONAL_DATA_STREAM_PREFIX)) return 'personal-data';
  return 'record';
}

const INSPECTORS_ONLY: Record<Exclude<StreamKind, 'record'>, string> = {
  'read-log': "a person's read log (who read their history, and why) is for inspectors only",
  'personal-data': "a person's erasure record is for inspectors only",
};

/** Why the principal may not read this event, or null when they may. */
export function refuseEventRead(
  principal: Principal,
  event: { stream: string; metadata: { orgUnit: string } },
  scope: OrgScope,
): string | null {
  const kind = streamKindOf(event.stream);
  if (kind !== 'record' && !hasRole(principal, 'inspector')) return INSPECTORS_ONLY[kind];
  if (!scope.covers(principal.orgUnits, event.metadata.orgUnit))
    return `${event.stream} holds an event of ${event.metadata.orgUnit}, outside your org units (${principal.orgUnits.join(', ')})`;
  return null;
}

const REF_IN_NAME = /(?:^|-)([a-z]-[0-9a-f]{32})(?=-|$)/;

/** The person a record stream is named by (one person's events), or null. */
export function personNamingStream(stream: string): string | null {
  if (streamKindOf(stream) !== 'record') return null;
  return REF_IN_NAME.exec(stream)?.[1] ?? null;
}
