import type { TimedCommand } from '../shared/rules';

export const SOCIAL_INSURANCE_KINDS = ['compulsory', 'voluntary'] as const;
export type SocialInsuranceKind = (typeof SOCIAL_INSURANCE_KINDS)[number];

export interface RecordSocialInsuranceEnrolment extends TimedCommand {
  type: 'RecordSocialInsuranceEnrolment';
  enrolmentId: string;
  /** Pseudonymous beneficiary reference as made by the ledger (e.g. "b-" + 32 hex digits). */
  beneficiaryRef: string;
  commune: string;
  kind: SocialInsuranceKind;
  /** The calendar year the contributions are for. */
  year: number;
}

export type SocialInsuranceEnrolmentCommand = RecordSocialInsuranceEnrolment;
