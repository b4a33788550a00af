import type { TimedCommand } from '../shared/rules';

export interface RecordAllowanceGrant extends TimedCommand {
  type: 'RecordAllowanceGrant';
  grantId: string;
  /** Pseudonymous beneficiary reference as made by the ledger (e.g. "b-" + 32 hex digits). */
  beneficiaryRef: string;
  /** Allowance programme code, e.g. "tro-cap-xa-hoi": lowercase letters, digits and '-', 2 to 40 characters. */
  programme: string;
  monthlyAmountVnd: number;
  commune: string;
}

export type AllowanceGrantCommand = RecordAllowanceGrant;
