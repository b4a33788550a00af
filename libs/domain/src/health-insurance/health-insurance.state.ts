import type { HealthInsuranceEnrolledData } from './health-insurance.events';

export type HealthInsuranceEnrolmentState =
  { status: 'not_enrolled' } | ({ status: 'enrolled'; enrolledAt?: string } & HealthInsuranceEnrolledData);

export const initialHealthInsuranceEnrolmentState: HealthInsuranceEnrolmentState = { status: 'not_enrolled' };
