import type { AggregateDefinition } from '../corrections/aggregate-definition';
import { EVENT_CORRECTED } from '../corrections/correction.event';
import { amendFields } from '../shared/amend-fields';
import type { AllowanceGrantCommand } from './allowance-grant.commands';
import { allowanceGrantDecider, requireMonthlyAmountVnd } from './allowance-grant.decider';
import {
  ALLOWANCE_GRANT_EVENT_TYPES,
  type AllowanceGrantedData,
  type AllowanceGrantEvent,
} from './allowance-grant.events';
import type { AllowanceGrantState } from './allowance-grant.state';

export const ALLOWANCE_GRANT_STREAM_PREFIX = 'allowance-grant-';

/**
 * One stream per programme x beneficiary, so that granting twice is a conflict on the stream. Read from
 * the end: the reference has its single '-' right after one letter (see subsidy.rules).
 */
export function allowanceGrantStream(programme: string, beneficiaryRef: string): string {
  return `${ALLOWANCE_GRANT_STREAM_PREFIX}${programme}-${beneficiaryRef}`;
}

export const allowanceGrantAggregate: AggregateDefinition<
  AllowanceGrantCommand,
  AllowanceGrantEvent,
  AllowanceGrantState
> = {
  name: 'allowance-grant',
  streamPrefix: ALLOWANCE_GRANT_STREAM_PREFIX,
  streamFor: (command) => allowanceGrantStream(command.programme, command.beneficiaryRef),
  decider: allowanceGrantDecider,
  eventTypes: [...ALLOWANCE_GRANT_EVENT_TYPES, EVENT_CORRECTED],
  schemaVersions: { AllowanceGranted: 1, [EVENT_CORRECTED]: 1 },
  // A later grant in the stream only exists because an earlier one was retracted.
  dependsOn: () => false,
  amend: {
    AllowanceGranted: amendFields<AllowanceGrantedData>({ monthlyAmountVnd: requireMonthlyAmountVnd }),
  },
};
