import type { AggregateDefinition } from '../corrections/aggregate-definition';
import { EVENT_CORRECTED } from '../corrections/correction.event';
import { amendFields } from '../shared/amend-fields';
import { requireAmountVnd, requireOneOf } from '../shared/rules';
import { DISABILITY_SEVERITIES, type DisabilityAllowanceCommand } from './disability-allowance.commands';
import { disabilityAllowanceDecider } from './disability-allowance.decider';
import {
  DISABILITY_ALLOWANCE_EVENT_TYPES,
  type DisabilityAllowanceEvent,
  type DisabilityAllowanceGrantedData,
} from './disability-allowance.events';
import type { DisabilityAllowanceState } from './disability-allowance.state';

export const DISABILITY_ALLOWANCE_STREAM_PREFIX = 'disability-allowance-';

/** One stream per beneficiary, so that granting it twice is a conflict on the stream. */
export function disabilityAllowanceStream(beneficiaryRef: string): string {
  return `${DISABILITY_ALLOWANCE_STREAM_PREFIX}${beneficiaryRef}`;
}

export const disabilityAllowanceAggregate: AggregateDefinition<
  DisabilityAllowanceCommand,
  DisabilityAllowanceEvent,
  DisabilityAllowanceState
> = {
  name: 'disability-allowance',
  streamPrefix: DISABILITY_ALLOWANCE_STREAM_PREFIX,
  streamFor: (command) => disabilityAllowanceStream(command.beneficiaryRef),
  decider: disabilityAllowanceDecider,
  eventTypes: [...DISABILITY_ALLOWANCE_EVENT_TYPES, EVENT_CORRECTED],
  schemaVersions: { DisabilityAllowanceGranted: 1, [EVENT_CORRECTED]: 1 },
  // A later grant in the stream only exists because an earlier one was retracted.
  dependsOn: () => false,
  amend: {
    DisabilityAllowanceGranted: amendFields<DisabilityAllowanceGrantedData>({
      monthlyAmountVnd: (value, field) => requireAmountVnd(value, field),
      severity: (value, field) => requireOneOf(value, DISABILITY_SEVERITIES, field),
    }),
  },
};
