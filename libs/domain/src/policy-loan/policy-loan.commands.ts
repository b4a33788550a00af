import type { TimedCommand } from '../shared/rules';

export interface RecordPolicyLoanDisbursement extends TimedCommand {
  type: 'RecordPolicyLoanDisbursement';
  /** The lending bank's loan (contract) number; it keys the stream. */
  loanId: string;
  /** Pseudonymous borrower reference as made by the ledger (e.g. "b-" + 32 hex digits). */
  borrowerRef: string;
  commune: string;
  /** Lending programme code, e.g. "ho-ngheo": lowercase letters, digits and '-', 2 to 40 characters. */
  programme: string;
  amountVnd: number;
  termMonths: number;
}

export type PolicyLoanCommand = RecordPolicyLoanDisbursement;
