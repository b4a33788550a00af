import type { DatedEvent } from '../shared/dated-event';
import type { SocialInsuranceKind } from './social-insurance.commands';

export interface SocialInsuranceEnrolledData {
  enrolmentId: string;
  beneficiaryRef: string;
  commune: string;
  kind: SocialInsuranceKind;
  year: number;
}

export type SocialInsuranceEnrolled = DatedEvent<'SocialInsuranceEnrolled', SocialInsuranceEnrolledData>;

export type SocialInsuranceEnrolmentEvent = SocialInsuranceEnrolled;

export const SOCIAL_INSURANCE_ENROLMENT_EVENT_TYPES = [
  'SocialInsuranceEnrolled',
] as const satisfies readonly SocialInsuranceEnrolmentEvent['type'][];
