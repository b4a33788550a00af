import { assertNever, type Decider } from '../shared/decider';
import { conflict } from '../shared/domain-error';
import { occurredAtOf } from '../shared/dated-event';
import {
  checkOccurredAt,
  requireAmountVnd,
  requireId,
  requireIntegerInRange,
  requireText,
} from '../shared/rules';
import { requireBeneficiaryRef, requireProgramme } from '../subsidy/subsidy.rules';
import type { PolicyLoanCommand, RecordPolicyLoanDisbursement } from './policy-loan.commands';
import type { PolicyLoanEvent } from './policy-loan.events';
import { initialPolicyLoanState, type PolicyLoanState } from './policy-loan.state';

/** Social policy bank loans run from one month to 20 years. */
export const MAX_LOAN_TERM_MONTHS = 240;

export function requireLoanTermMonths(value: unknown, field = 'termMonths'): number {
  return requireIntegerInRange(value, field, 1, MAX_LOAN_TERM_MONTHS, 'TERM_OUT_OF_RANGE');
}

/** One stream per loan: the same loan disbursed twice is a conflict; a borrower may hold several loans. */
export const policyLoanDecider: Decider<PolicyLoanCommand, PolicyLoanEvent, PolicyLoanState> = {
  initialState: initialPolicyLoanState,

  decide(command, state) {
    checkOccurredAt(command);
    switch (command.type) {
      case 'RecordPolicyLoanDisbursement':
        return disburse(command, state);
      default:
        return assertNever(command.type);
    }
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'PolicyLoanDisbursed':
        return { status: 'disbursed', ...event.data, disbursedAt: occurredAtOf(event) };
      default:
        return assertNever(event.type);
    }
  },
};

function disburse(command: RecordPolicyLoanDisbursement, state: PolicyLoanState): PolicyLoanEvent[] {
  const data = {
    loanId: requireId(command.loanId, 'loanId'),
    borrowerRef: requireBeneficiaryRef(command.borrowerRef, 'borrowerRef'),
    commune: requireText(command.commune, 'commune', 100),
    programme: requireProgramme(command.programme),
    amountVnd: requireAmountVnd(command.amountVnd),
    termMonths: requireLoanTermMonths(command.termMonths),
  };
  if (state.status === 'disbursed') {
    throw conflict('POLICY_LOAN_ALREADY_DISBURSED', `loan ${data.loanId} is already disbursed`);
  }
  return [{ type: 'PolicyLoanDisbursed', data }];
}
