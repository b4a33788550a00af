import type { AggregateDefinition } from '../corrections/aggregate-definition';
import { EVENT_CORRECTED } from '../corrections/correction.event';
import type { HealthInsuranceEnrolmentCommand } from './health-insurance.commands';
import { healthInsuranceEnrolmentDecider } from './health-insurance.decider';
import {
  HEALTH_INSURANCE_ENROLMENT_EVENT_TYPES,
  type HealthInsuranceEnrolmentEvent,
} from './health-insurance.events';
import type { HealthInsuranceEnrolmentState } from './health-insurance.state';

export const HEALTH_INSURANCE_ENROLMENT_STREAM_PREFIX = 'health-insurance-enrolment-';

/** One stream per beneficiary x year, so that enrolling twice in a year is a conflict on the stream. */
export function healthInsuranceEnrolmentStream(beneficiaryRef: string, year: number): string {
  return `${HEALTH_INSURANCE_ENROLMENT_STREAM_PREFIX}${beneficiaryRef}-${year}`;
}

export const healthInsuranceEnrolmentAggregate: AggregateDefinition<
  HealthInsuranceEnrolmentCommand,
  HealthInsuranceEnrolmentEvent,
  HealthInsuranceEnrolmentState
> = {
  name: 'health-insurance-enrolment',
  streamPrefix: HEALTH_INSURANCE_ENROLMENT_STREAM_PREFIX,
  streamFor: (command) => healthInsuranceEnrolmentStream(command.beneficiaryRef, command.year),
  decider: healthInsuranceEnrolmentDecider,
  eventTypes: [...HEALTH_INSURANCE_ENROLMENT_EVENT_TYPES, EVENT_CORRECTED],
  schemaVersions: { HealthInsuranceEnrolled: 1, [EVENT_CORRECTED]: 1 },
  // A one-off fact: a later enrolment in the stream only exists because an earlier one was retracted.
  dependsOn: () => false,
  // Scheme and year decide which contribution rule counts the card, and the year keys the stream: a wrong
  // one is retracted and recorded again rather than amended.
  amend: {},
};
