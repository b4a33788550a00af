import type { AggregateDefinition } from '../corrections/aggregate-definition';
import { EVENT_CORRECTED } from '../corrections/correction.event';
import type { SocialInsuranceEnrolmentCommand } from './social-insurance.commands';
import { socialInsuranceEnrolmentDecider } from './social-insurance.decider';
import {
  SOCIAL_INSURANCE_ENROLMENT_EVENT_TYPES,
  type SocialInsuranceEnrolmentEvent,
} from './social-insurance.events';
import type { SocialInsuranceEnrolmentState } from './social-insurance.state';

export const SOCIAL_INSURANCE_ENROLMENT_STREAM_PREFIX = 'social-insurance-enrolment-';

/** One stream per beneficiary x year, so that enrolling twice in a year is a conflict on the stream. */
export function socialInsuranceEnrolmentStream(beneficiaryRef: string, year: number): string {
  return `${SOCIAL_INSURANCE_ENROLMENT_STREAM_PREFIX}${beneficiaryRef}-${year}`;
}

export const socialInsuranceEnrolmentAggregate: AggregateDefinition<
  SocialInsuranceEnrolmentCommand,
  SocialInsuranceEnrolmentEvent,
  SocialInsuranceEnrolmentState
> = {
  name: 'social-insurance-enrolment',
  streamPrefix: SOCIAL_INSURANCE_ENROLMENT_STREAM_PREFIX,
  streamFor: (command) => socialInsuranceEnrolmentStream(command.beneficiaryRef, command.year),
  decider: socialInsuranceEnrolmentDecider,
  eventTypes: [...SOCIAL_INSURANCE_ENROLMENT_EVENT_TYPES, EVENT_CORRECTED],
  schemaVersions: { SocialInsuranceEnrolled: 1, [EVENT_CORRECTED]: 1 },
  // A one-off fact: a later enrolment in the stream only exists because an earlier one was retracted.
  dependsOn: () => false,
  // Nothing is amendable: a wrong kind or year is retracted and recorded again.
  amend: {},
};
