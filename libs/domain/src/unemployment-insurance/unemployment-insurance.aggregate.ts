import type { AggregateDefinition } from '../corrections/aggregate-definition';
import { EVENT_CORRECTED } from '../corrections/correction.event';
import type { UnemploymentInsuranceEnrolmentCommand } from './unemployment-insurance.commands';
import { unemploymentInsuranceEnrolmentDecider } from './unemployment-insurance.decider';
import {
  UNEMPLOYMENT_INSURANCE_ENROLMENT_EVENT_TYPES,
  type UnemploymentInsuranceEnrolmentEvent,
} from './unemployment-insurance.events';
import type { UnemploymentInsuranceEnrolmentState } from './unemployment-insurance.state';

export const UNEMPLOYMENT_INSURANCE_ENROLMENT_STREAM_PREFIX = 'unemployment-insurance-enrolment-';

/** One stream per beneficiary x year, so that enrolling twice in a year is a conflict on the stream. */
export function unemploymentInsuranceEnrolmentStream(beneficiaryRef: string, year: number): string {
  return `${UNEMPLOYMENT_INSURANCE_ENROLMENT_STREAM_PREFIX}${beneficiaryRef}-${year}`;
}

export const unemploymentInsuranceEnrolmentAggregate: AggregateDefinition<
  UnemploymentInsuranceEnrolmentCommand,
  UnemploymentInsuranceEnrolmentEvent,
  UnemploymentInsuranceEnrolmentState
> = {
  name: 'unemployment-insurance-enrolment',
  streamPrefix: UNEMPLOYMENT_INSURANCE_ENROLMENT_STREAM_PREFIX,
  streamFor: (command) => unemploymentInsuranceEnrolmentStream(command.beneficiaryRef, command.year),
  decider: unemploymentInsuranceEnrolmentDecider,
  eventTypes: [...UNEMPLOYMENT_INSURANCE_ENROLMENT_EVENT_TYPES, EVENT_CORRECTED],
  schemaVersions: { UnemploymentInsuranceEnrolled: 1, [EVENT_CORRECTED]: 1 },
  // A one-off fact: a later enrolment in the stream only exists because an earlier one was retracted.
  dependsOn: () => false,
  // Nothing is amendable: a wrong year is retracted and recorded again.
  amend: {},
};
