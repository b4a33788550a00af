import { assertNever, type Decider } from '../shared/decider';
import { conflict } from '../shared/domain-error';
import { occurredAtOf } from '../shared/dated-event';
import { checkOccurredAt, requireAmountVnd, requireId, requireText } from '../shared/rules';
import { requireBeneficiaryRef, requireProgramme } from '../subsidy/subsidy.rules';
import type { AllowanceGrantCommand, RecordAllowanceGrant } from './allowance-grant.commands';
import type { AllowanceGrantEvent } from './allowance-grant.events';
import { initialAllowanceGrantState, type AllowanceGrantState } from './allowance-grant.state';

export function requireMonthlyAmountVnd(value: unknown, field = 'monthlyAmountVnd'): number {
  return requireAmountVnd(value, field);
}

/**
 * One stream per programme x beneficiary: a grant stays active until it is retracted by a correction,
 * and granting the same allowance again while it is active is a conflict.
 */
export const allowanceGrantDecider: Decider<AllowanceGrantCommand, AllowanceGrantEvent, AllowanceGrantState> =
  {
    initialState: initialAllowanceGrantState,

    decide(command, state) {
      checkOccurredAt(command);
      switch (command.type) {
        case 'RecordAllowanceGrant':
          return grant(command, state);
        default:
          return assertNever(command.type);
      }
    },

    evolve(_state, event) {
      switch (event.type) {
        case 'AllowanceGranted':
          return { status: 'granted', ...event.data, grantedAt: occurredAtOf(event) };
        default:
          return assertNever(event.type);
      }
    },
  };

function grant(command: RecordAllowanceGrant, state: AllowanceGrantState): AllowanceGrantEvent[] {
  const data = {
    grantId: requireId(command.grantId, 'grantId'),
    beneficiaryRef: requireBeneficiaryRef(command.beneficiaryRef),
    programme: requireProgramme(command.programme),
    monthlyAmountVnd: requireMonthlyAmountVnd(command.monthlyAmountVnd),
    commune: requireText(command.commune, 'commune', 100),
  };
  if (state.status === 'granted') {
    throw conflict(
      'ALLOWANCE_ALREADY_GRANTED',
      `${data.programme} is already granted to this beneficiary (grant ${state.grantId})`,
    );
  }
  return [{ type: 'AllowanceGranted', data }];
}
