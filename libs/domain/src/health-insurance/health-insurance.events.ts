import type { DatedEvent } from '../shared/dated-event';
import type { HealthInsuranceScheme } from './health-insurance.commands';

export interface HealthInsuranceEnrolledData {
  enrolmentId: string;
  beneficiaryRef: string;
  commune: string;
  scheme: HealthInsuranceScheme;
  year: number;
}

export type HealthInsuranceEnrolled = DatedEvent<'HealthInsuranceEnrolled', HealthInsuranceEnrolledData>;

export type HealthInsuranceEnrolmentEvent = HealthInsuranceEnrolled;

export const HEALTH_INSURANCE_ENROLMENT_EVENT_TYPES = [
  'HealthInsuranceEnrolled',
] as const satisfies readonly HealthInsuranceEnrolmentEvent['type'][];
