import type { AggregateDefinition } from '../corrections/aggregate-definition';
import { EVENT_CORRECTED } from '../corrections/correction.event';
import { amendFields } from '../shared/amend-fields';
import { requireAmountVnd, requireOneOf } from '../shared/rules';
import { PAYMENT_METHODS, type SubsidyPaymentCommand } from './subsidy.commands';
import { subsidyPaymentDecider } from './subsidy.decider';
import {
  SUBSIDY_PAYMENT_EVENT_TYPES,
  type SubsidyPaidData,
  type SubsidyPaymentEvent,
} from './subsidy.events';
import type { SubsidyPaymentState } from './subsidy.state';

export const SUBSIDY_PAYMENT_STREAM_PREFIX = 'subsidy-payment-';

/** One stream per programme x beneficiary x period, so that paying twice is a conflict on the stream. */
export function subsidyPaymentStream(programme: string, beneficiaryRef: string, period: string): string {
  return `${SUBSIDY_PAYMENT_STREAM_PREFIX}${programme}-${beneficiaryRef}-${period}`;
}

export const subsidyPaymentAggregate: AggregateDefinition<
  SubsidyPaymentCommand,
  SubsidyPaymentEvent,
  SubsidyPaymentState
> = {
  name: 'subsidy-payment',
  streamPrefix: SUBSIDY_PAYMENT_STREAM_PREFIX,
  streamFor: (command) => subsidyPaymentStream(command.programme, command.beneficiaryRef, command.period),
  decider: subsidyPaymentDecider,
  eventTypes: [...SUBSIDY_PAYMENT_EVENT_TYPES, EVENT_CORRECTED],
  schemaVersions: { SubsidyPaid: 1, [EVENT_CORRECTED]: 1 },
  // A payment is a one-off fact; a later payment in the stream only exists because an earlier one was
  // retracted, so it never stands on it.
  dependsOn: () => false,
  amend: {
    SubsidyPaid: amendFields<SubsidyPaidData>({
      amountVnd: requireAmountVnd,
      method: (value, field) => requireOneOf(value, PAYMENT_METHODS, field),
    }),
  },
};
