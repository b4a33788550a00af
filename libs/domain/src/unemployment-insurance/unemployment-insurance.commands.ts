import type { TimedCommand } from '../shared/rules';

export interface RecordUnemploymentInsuranceEnrolment extends TimedCommand {
  type: 'RecordUnemploymentInsuranceEnrolment';
  enrolmentId: string;
  /** Pseudonymous beneficiary reference as made by the ledger (e.g. "b-" + 32 hex digits). */
  beneficiaryRef: string;
  commune: string;
  /** The calendar year the contributions are for. */
  year: number;
}

export type UnemploymentInsuranceEnrolmentCommand = RecordUnemploymentInsuranceEnrolment;
