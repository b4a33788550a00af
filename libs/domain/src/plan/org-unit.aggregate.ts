// Org units (stream org-unit-<code>) and reorganisations (stream reorganisation-<changeId>). A unit is
// registered once and never edited by a reorganisation: the change is its own dated fact, so the old tree
// stays readable. Confirmation found later (an official code, a checked source) is an amendment.
import type { AggregateDefinition } from '../corrections/aggregate-definition';
import { EVENT_CORRECTED } from '../corrections/correction.event';
import { amendFields } from '../shared/amend-fields';
import { assertNever, type Decider } from '../shared/decider';
import { checkOccurredAt, requireOneOf } from '../shared/rules';
import type { RecordOrgUnitChange, RegisterOrgUnit } from './plan.commands';
import type { OrgUnitChangeRecorded, OrgUnitRegistered } from './plan.events';
import {
  parseOrgUnit,
  parseOrgUnitChange,
  PLAN_AREA_RELATIONS,
  type OrgUnitChange,
  type OrgUnitRecord,
} from './plan-records';
import {
  optionalText,
  parseOrThrow,
  requireBoolean,
  requireCode,
  requireListOf,
  requireLongText,
  requireNullable,
} from './plan-values';
import { statedOnce } from './stated-once';

export const ORG_UNIT_STREAM_PREFIX = 'org-unit-';
export const REORGANISATION_STREAM_PREFIX = 'reorganisation-';

export function orgUnitStream(code: string): string {
  return `${ORG_UNIT_STREAM_PREFIX}${code}`;
}

export function reorganisationStream(changeId: string): string {
  return `${REORGANISATION_STREAM_PREFIX}${changeId}`;
}

export type OrgUnitState = { status: 'none' } | { status: 'registered'; unit: OrgUnitRecord };

export const orgUnitDecider: Decider<RegisterOrgUnit, OrgUnitRegistered, OrgUnitState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    checkOccurredAt(command);
    switch (command.type) {
      case 'RegisterOrgUnit': {
        const unit = parseOrThrow((check) => parseOrgUnit(command, check));
        return statedOnce(
          state.status === 'registered' ? state.unit : null,
          unit,
          { type: 'OrgUnitRegistered', data: unit },
          'ORG_UNIT_ALREADY_REGISTERED',
          `org unit ${unit.code} is already registered with other content; correct the recorded event`,
        );
      }
      default:
        return assertNever(command.type);
    }
  },
  evolve(_state, event) {
    switch (event.type) {
      case 'OrgUnitRegistered':
        return { status: 'registered', unit: event.data };
      default:
        return assertNever(event.type);
    }
  },
};

export const orgUnitAggregate: AggregateDefinition<RegisterOrgUnit, OrgUnitRegistered, OrgUnitState> = {
  name: 'org-unit',
  streamPrefix: ORG_UNIT_STREAM_PREFIX,
  streamFor: (command) => orgUnitStream(command.code),
  decider: orgUnitDecider,
  eventTypes: ['OrgUnitRegistered', EVENT_CORRECTED],
  schemaVersions: { OrgUnitRegistered: 1, [EVENT_CORRECTED]: 1 },
  dependsOn: () => false,
  // The code, level and parent make the tree: those are retracted and registered again, never amended.
  amend: {
    OrgUnitRegistered: amendFields<OrgUnitRecord>({
      officialCode: (v, f) => requireNullable(v, f, requireCode),
      reportedOfficialCode: (v, f) => requireNullable(v, f, requireCode),
      nameVi: (v, f) => requireLongText(v, f, 200),
      nameEn: (v, f) => requireLongText(v, f, 200),
      planArea: (v, f) => requireOneOf(v, PLAN_AREA_RELATIONS, f),
      note: (v, f) => optionalText(v, f),
      source: (v, f) => requireLongText(v, f, 1000),
      verified: requireBoolean,
    }),
  },
};

export type ReorganisationState = { status: 'none' } | { status: 'recorded'; change: OrgUnitChange };

export const reorganisationDecider: Decider<RecordOrgUnitChange, OrgUnitChangeRecorded, ReorganisationState> =
  {
    initialState: { status: 'none' },
    decide(command, state) {
      checkOccurredAt(command);
      switch (command.type) {
        case 'RecordOrgUnitChange': {
          const change = parseOrThrow((check) => parseOrgUnitChange(command, check));
          return statedOnce(
            state.status === 'recorded' ? state.change : null,
            change,
            { type: 'OrgUnitChangeRecorded', data: change },
            'ORG_UNIT_CHANGE_ALREADY_RECORDED',
            `change ${change.changeId} is already recorded with other content; correct the recorded event`,
          );
        }
        default:
          return assertNever(command.type);
      }
    },
    evolve(_state, event) {
      switch (event.type) {
        case 'OrgUnitChangeRecorded':
          return { status: 'recorded', change: event.data };
        default:
          return assertNever(event.type);
      }
    },
  };

export const reorganisationAggregate: AggregateDefinition<
  RecordOrgUnitChange,
  OrgUnitChangeRecorded,
  ReorganisationState
> = {
  name: 'reorganisation',
  streamPrefix: REORGANISATION_STREAM_PREFIX,
  streamFor: (command) => reorganisationStream(command.changeId),
  decider: reorganisationDecider,
  eventTypes: ['OrgUnitChangeRecorded', EVENT_CORRECTED],
  schemaVersions: { OrgUnitChangeRecorded: 1, [EVENT_CORRECTED]: 1 },
  dependsOn: () => false,
  // When the reported reorganisation is checked against the resolution, its status and basis are amended;
  // a different crosswalk is a retraction and a new record.
  amend: {
    OrgUnitChangeRecorded: amendFields<OrgUnitChange>({
      descriptionVi: (v, f) => requireLongText(v, f),
      descriptionEn: (v, f) => requireLongText(v, f),
      legalBasis: (v, f) => requireListOf(v, f, (x, g) => requireLongText(x, g, 300), { min: 1 }),
      note: (v, f) => optionalText(v, f),
      source: (v, f) => requireLongText(v, f, 1000),
      verified: requireBoolean,
    }),
  },
};
