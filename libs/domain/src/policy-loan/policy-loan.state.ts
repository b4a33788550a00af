import type { PolicyLoanDisbursedData } from './policy-loan.events';

export type PolicyLoanState =
  { status: 'none' } | ({ status: 'disbursed'; disbursedAt?: string } & PolicyLoanDisbursedData);

export const initialPolicyLoanState: PolicyLoanState = { status: 'none' };
