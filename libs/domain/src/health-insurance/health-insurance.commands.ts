import type { TimedCommand } from '../shared/rules';

export const HEALTH_INSURANCE_SCHEMES = [
  'poor',
  'near_poor',
  'ethnic_minority_area',
  'child_under_6',
  'merit',
  'household',
  'student',
  'other',
] as const;
export type HealthInsuranceScheme = (typeof HEALTH_INSURANCE_SCHEMES)[number];

export interface RecordHealthInsuranceEnrolment extends TimedCommand {
  type: 'RecordHealthInsuranceEnrolment';
  enrolmentId: string;
  /** Pseudonymous beneficiary reference as made by the ledger (e.g. "b-" + 32 hex digits). */
  beneficiaryRef: string;
  commune: string;
  /** The group whose contribution pays (or supports) the card. */
  scheme: HealthInsuranceScheme;
  /** The calendar year the card covers. */
  year: number;
}

export type HealthInsuranceEnrolmentCommand = RecordHealthInsuranceEnrolment;
