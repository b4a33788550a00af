import type { AggregateDefinition } from '../corrections/aggregate-definition';
import { EVENT_CORRECTED } from '../corrections/correction.event';
import { amendFields } from '../shared/amend-fields';
import { requireAmountVnd, requireOneOf } from '../shared/rules';
import { HOUSING_FUNDING_SOURCES, type HousingCaseCommand } from './housing.commands';
import { requireFloorAreaM2, requireOccupants, housingCaseDecider } from './housing.decider';
import {
  HOUSING_CASE_EVENT_TYPES,
  type HousingCaseEvent,
  type HousingConstructionCompleted,
  type HousingFundingApproved,
} from './housing.events';
import type { HousingCaseState } from './housing.state';

export const HOUSING_CASE_STREAM_PREFIX = 'housing-case-';

export function housingCaseStream(caseId: string): string {
  return `${HOUSING_CASE_STREAM_PREFIX}${caseId}`;
}

export const housingCaseAggregate: AggregateDefinition<
  HousingCaseCommand,
  HousingCaseEvent,
  HousingCaseState
> = {
  name: 'housing-case',
  streamPrefix: HOUSING_CASE_STREAM_PREFIX,
  streamFor: (command) => housingCaseStream(command.caseId),
  decider: housingCaseDecider,
  eventTypes: [...HOUSING_CASE_EVENT_TYPES, EVENT_CORRECTED],
  schemaVersions: {
    HousingCaseRegistered: 1,
    HousingFundingApproved: 1,
    HousingConstructionStarted: 1,
    HousingConstructionCompleted: 1,
    HouseHandedOver: 1,
    HousingCaseWithdrawn: 1,
    [EVENT_CORRECTED]: 1,
  },
  // The lifecycle is linear: each step stands on all earlier ones. Approvals from several sources are
  // the exception: one approval does not need another.
  dependsOn: (later, earlier) =>
    !(later.type === 'HousingFundingApproved' && earlier.type === 'HousingFundingApproved'),
  amend: {
    HousingFundingApproved: amendFields<HousingFundingApproved['data']>({
      amountVnd: requireAmountVnd,
      source: (value, field) => requireOneOf(value, HOUSING_FUNDING_SOURCES, field),
    }),
    HousingConstructionCompleted: amendFields<HousingConstructionCompleted['data']>({
      floorAreaM2: requireFloorAreaM2,
      occupants: requireOccupants,
    }),
  },
};
