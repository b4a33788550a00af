// Agencies (stream agency-<code>): registered once; a succession is recorded on the predecessor's stream,
// so its record stays its own and the trail shows where its duties went.
import type { AggregateDefinition } from '../corrections/aggregate-definition';
import { EVENT_CORRECTED } from '../corrections/correction.event';
import { amendFields } from '../shared/amend-fields';
import { assertNever, type Decider } from '../shared/decider';
import { invalid, notFound } from '../shared/domain-error';
import { checkOccurredAt } from '../shared/rules';
import type { RecordAgencySuccession, RegisterAgency } from './plan.commands';
import type { AgencyRegistered, AgencySuccessionRecorded } from './plan.events';
import { parseAgency, parseAgencySuccession, type AgencyRecord, type AgencySuccession } from './plan-records';
import { compareDates, optionalText, parseOrThrow, requireBoolean, requireLongText } from './plan-values';
import { statedOnce } from './stated-once';

export const AGENCY_STREAM_PREFIX = 'agency-';

export function agencyStream(code: string): string {
  return `${AGENCY_STREAM_PREFIX}${code}`;
}

export type AgencyCommand = RegisterAgency | RecordAgencySuccession;
export type AgencyEvent = AgencyRegistered | AgencySuccessionRecorded;

export type AgencyState =
  { status: 'none' } | { status: 'registered'; agency: AgencyRecord; succession: AgencySuccession | null };

export const agencyDecider: Decider<AgencyCommand, AgencyEvent, AgencyState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    checkOccurredAt(command);
    switch (command.type) {
      case 'RegisterAgency': {
        const agency = parseOrThrow((check) => parseAgency(command, check));
        return statedOnce(
          state.status === 'registered' ? state.agency : null,
          agency,
          { type: 'AgencyRegistered', data: agency },
          'AGENCY_ALREADY_REGISTERED',
          `agency ${agency.code} is already registered with other content; correct the recorded event`,
        );
      }
      case 'RecordAgencySuccession':
        return recordSuccession(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'AgencyRegistered':
        return { status: 'registered', agency: event.data, succession: null };
      case 'AgencySuccessionRecorded':
        return state.status === 'registered' ? { ...state, succession: event.data } : state;
      default:
        return assertNever(event);
    }
  },
};

function recordSuccession(command: RecordAgencySuccession, state: AgencyState): AgencyEvent[] {
  const succession = parseOrThrow((check) => parseAgencySuccession(command, check));
  if (state.status !== 'registered') {
    throw notFound('AGENCY_NOT_REGISTERED', `agency ${succession.predecessor} is not registered`);
  }
  const { validFrom } = state.agency;
  if (validFrom !== null && compareDates(succession.effectiveFrom, validFrom) <= 0) {
    throw invalid(
      'SUCCESSION_BEFORE_AGENCY',
      'effectiveFrom',
      `effectiveFrom ${succession.effectiveFrom} is not after the agency's start (${validFrom})`,
    );
  }
  return statedOnce(
    state.succession,
    succession,
    { type: 'AgencySuccessionRecorded', data: succession },
    'AGENCY_ALREADY_SUCCEEDED',
    `agency ${succession.predecessor} already has a succession recorded; correct that event`,
  );
}

export const agencyAggregate: AggregateDefinition<AgencyCommand, AgencyEvent, AgencyState> = {
  name: 'agency',
  streamPrefix: AGENCY_STREAM_PREFIX,
  streamFor: (command) =>
    agencyStream(command.type === 'RegisterAgency' ? command.code : command.predecessor),
  decider: agencyDecider,
  eventTypes: ['AgencyRegistered', 'AgencySuccessionRecorded', EVENT_CORRECTED],
  schemaVersions: { AgencyRegistered: 1, AgencySuccessionRecorded: 1, [EVENT_CORRECTED]: 1 },
  dependsOn: (later, earlier) => earlier.type === 'AgencyRegistered' && later.type !== 'AgencyRegistered',
  amend: {
    AgencyRegistered: amendFields<AgencyRecord>({
      nameVi: (v, f) => requireLongText(v, f, 200),
      nameEn: (v, f) => requireLongText(v, f, 200),
      note: (v, f) => optionalText(v, f),
      source: (v, f) => requireLongText(v, f, 1000),
      verified: requireBoolean,
    }),
    AgencySuccessionRecorded: amendFields<AgencySuccession>({
      reason: (v, f) => requireLongText(v, f, 1000),
      note: (v, f) => optionalText(v, f),
      source: (v, f) => requireLongText(v, f, 1000),
      verified: requireBoolean,
    }),
  },
};
