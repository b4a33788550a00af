import { assertNever, type Decider } from '../shared/decider';
import { conflict } from '../shared/domain-error';
import { occurredAtOf } from '../shared/dated-event';
import { checkOccurredAt, requireAmountVnd, requireId, requireOneOf, requireText } from '../shared/rules';
import { requireBeneficiaryRef } from '../subsidy/subsidy.rules';
import {
  DISABILITY_SEVERITIES,
  type DisabilityAllowanceCommand,
  type RecordDisabilityAllowance,
} from './disability-allowance.commands';
import type { DisabilityAllowanceEvent } from './disability-allowance.events';
import { initialDisabilityAllowanceState, type DisabilityAllowanceState } from './disability-allowance.state';

/**
 * One stream per beneficiary: the monthly allowance for a person with a disability is granted once and stands
 * until a correction retracts it; granting it again while it stands is a conflict.
 */
export const disabilityAllowanceDecider: Decider<
  DisabilityAllowanceCommand,
  DisabilityAllowanceEvent,
  DisabilityAllowanceState
> = {
  initialState: initialDisabilityAllowanceState,
  decide(command, state) {
    checkOccurredAt(command);
    switch (command.type) {
      case 'RecordDisabilityAllowance':
        return grant(command, state);
      default:
        return assertNever(command.type);
    }
  },
  evolve(_state, event) {
    switch (event.type) {
      case 'DisabilityAllowanceGranted':
        return { status: 'granted', ...event.data, grantedAt: occurredAtOf(event) };
      default:
        return assertNever(event.type);
    }
  },
};

function grant(
  command: RecordDisabilityAllowance,
  state: DisabilityAllowanceState,
): DisabilityAllowanceEvent[] {
  const data = {
    allowanceId: requireId(command.allowanceId, 'allowanceId'),
    beneficiaryRef: requireBeneficiaryRef(command.beneficiaryRef),
    commune: requireText(command.commune, 'commune', 100),
    severity: requireOneOf(command.severity, DISABILITY_SEVERITIES, 'severity'),
    monthlyAmountVnd: requireAmountVnd(command.monthlyAmountVnd, 'monthlyAmountVnd'),
    decisionNo: requireText(command.decisionNo, 'decisionNo', 100),
  };
  if (state.status === 'granted') {
    throw conflict(
      'DISABILITY_ALLOWANCE_ALREADY_GRANTED',
      `the disability allowance is already granted to this beneficiary (decision ${state.decisionNo})`,
    );
  }
  return [{ type: 'DisabilityAllowanceGranted', data }];
}
