import type { AggregateDefinition } from '../corrections/aggregate-definition';
import { EVENT_CORRECTED } from '../corrections/correction.event';
import { amendFields } from '../shared/amend-fields';
import { requireAmountVnd } from '../shared/rules';
import type { PolicyLoanCommand } from './policy-loan.commands';
import { policyLoanDecider, requireLoanTermMonths } from './policy-loan.decider';
import {
  POLICY_LOAN_EVENT_TYPES,
  type PolicyLoanDisbursedData,
  type PolicyLoanEvent,
} from './policy-loan.events';
import type { PolicyLoanState } from './policy-loan.state';

export const POLICY_LOAN_STREAM_PREFIX = 'policy-loan-';

export function policyLoanStream(loanId: string): string {
  return `${POLICY_LOAN_STREAM_PREFIX}${loanId}`;
}

export const policyLoanAggregate: AggregateDefinition<PolicyLoanCommand, PolicyLoanEvent, PolicyLoanState> = {
  name: 'policy-loan',
  streamPrefix: POLICY_LOAN_STREAM_PREFIX,
  streamFor: (command) => policyLoanStream(command.loanId),
  decider: policyLoanDecider,
  eventTypes: [...POLICY_LOAN_EVENT_TYPES, EVENT_CORRECTED],
  schemaVersions: { PolicyLoanDisbursed: 1, [EVENT_CORRECTED]: 1 },
  // A one-off fact: a later disbursement in the stream only exists because an earlier one was retracted.
  dependsOn: () => false,
  amend: {
    PolicyLoanDisbursed: amendFields<PolicyLoanDisbursedData>({
      amountVnd: requireAmountVnd,
      termMonths: requireLoanTermMonths,
    }),
  },
};
