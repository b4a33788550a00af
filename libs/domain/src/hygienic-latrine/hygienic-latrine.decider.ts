import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid } from '../shared/domain-error';
import { occurredAtOf } from '../shared/dated-event';
import { checkOccurredAt, requireId, requireOneOf, requireText } from '../shared/rules';
import { requireBeneficiaryRef } from '../subsidy/subsidy.rules';
import {
  LATRINE_FACILITY_KINDS,
  type HygienicLatrineCommand,
  type LatrineFacilityKind,
  type RecordHygienicLatrineCompletion,
} from './hygienic-latrine.commands';
import type { HygienicLatrineEvent } from './hygienic-latrine.events';
import { initialHygienicLatrineState, type HygienicLatrineState } from './hygienic-latrine.state';

// A school or health station code ends up in the stream name. Twelve bare digits look like a citizen id
// (CCCD), which must never be stored in clear, so such a code is refused.
const FACILITY_CODE_PATTERN = /^(?!\d{12}$)[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

/** The facility reference as its kind requires: a pseudonym for a household, a code otherwise. */
export function requireLatrineFacilityRef(
  kind: LatrineFacilityKind,
  value: unknown,
  field = 'facilityRef',
): string {
  if (kind === 'household') return requireBeneficiaryRef(value, field);
  if (typeof value !== 'string' || !FACILITY_CODE_PATTERN.test(value)) {
    throw invalid(
      'FACILITY_CODE_INVALID',
      field,
      `${field} of a ${kind} must be its code (2-64 letters, digits, '.', '_' or '-'; not a citizen id)`,
    );
  }
  return value;
}

/** One stream per facility: a facility counts once towards hygienic latrines. */
export const hygienicLatrineDecider: Decider<
  HygienicLatrineCommand,
  HygienicLatrineEvent,
  HygienicLatrineState
> = {
  initialState: initialHygienicLatrineState,

  decide(command, state) {
    checkOccurredAt(command);
    switch (command.type) {
      case 'RecordHygienicLatrineCompletion':
        return complete(command, state);
      default:
        return assertNever(command.type);
    }
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'HygienicLatrineCompleted':
        return { status: 'completed', ...event.data, completedAt: occurredAtOf(event) };
      default:
        return assertNever(event.type);
    }
  },
};

function complete(
  command: RecordHygienicLatrineCompletion,
  state: HygienicLatrineState,
): HygienicLatrineEvent[] {
  const facilityKind = requireOneOf(command.facilityKind, LATRINE_FACILITY_KINDS, 'facilityKind');
  const data = {
    latrineId: requireId(command.latrineId, 'latrineId'),
    facilityKind,
    facilityRef: requireLatrineFacilityRef(facilityKind, command.facilityRef),
    commune: requireText(command.commune, 'commune', 100),
  };
  if (state.status === 'completed') {
    throw conflict(
      'HYGIENIC_LATRINE_ALREADY_COMPLETED',
      `this ${facilityKind} already has a hygienic latrine (latrine ${state.latrineId})`,
    );
  }
  return [{ type: 'HygienicLatrineCompleted', data }];
}
