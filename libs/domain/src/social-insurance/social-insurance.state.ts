import type { SocialInsuranceEnrolledData } from './social-insurance.events';

export type SocialInsuranceEnrolmentState =
  { status: 'not_enrolled' } | ({ status: 'enrolled'; enrolledAt?: string } & SocialInsuranceEnrolledData);

export const initialSocialInsuranceEnrolmentState: SocialInsuranceEnrolmentState = { status: 'not_enrolled' };
