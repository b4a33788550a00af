import type { DatedEvent } from '../shared/dated-event';

export interface PolicyLoanDisbursedData {
  loanId: string;
  borrowerRef: string;
  commune: string;
  programme: string;
  amountVnd: number;
  termMonths: number;
}

export type PolicyLoanDisbursed = DatedEvent<'PolicyLoanDisbursed', PolicyLoanDisbursedData>;

export type PolicyLoanEvent = PolicyLoanDisbursed;

export const POLICY_LOAN_EVENT_TYPES = [
  'PolicyLoanDisbursed',
] as const satisfies readonly PolicyLoanEvent['type'][];
