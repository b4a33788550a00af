import type { TimedCommand } from '../shared/rules';

/** Degree of disability as the commune's council assessed it (Decree 20/2021/ND-CP grants it for these two). */
export const DISABILITY_SEVERITIES = ['severe', 'especially_severe'] as const;
export type DisabilitySeverity = (typeof DISABILITY_SEVERITIES)[number];

export interface RecordDisabilityAllowance extends TimedCommand {
  type: 'RecordDisabilityAllowance';
  allowanceId: string;
  /** Pseudonymous beneficiary reference as made by the ledger (e.g. "b-" + 32 hex digits). */
  beneficiaryRef: string;
  commune: string;
  severity: DisabilitySeverity;
  monthlyAmountVnd: number;
  /** Number of the district's decision granting it. */
  decisionNo: string;
}

export type DisabilityAllowanceCommand = RecordDisabilityAllowance;
