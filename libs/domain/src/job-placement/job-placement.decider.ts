import { assertNever, type Decider } from '../shared/decider';
import { conflict } from '../shared/domain-error';
import { occurredAtOf } from '../shared/dated-event';
import { checkOccurredAt, requireId, requireOneOf, requireText } from '../shared/rules';
import { requireBeneficiaryRef } from '../subsidy/subsidy.rules';
import {
  JOB_PLACEMENT_KINDS,
  type JobPlacementCommand,
  type JobPlacementKind,
  type RecordJobPlacement,
} from './job-placement.commands';
import type { JobPlacementEvent } from './job-placement.events';
import { initialJobPlacementState, type JobPlacementState } from './job-placement.state';

export function requireEmployer(value: unknown, field = 'employer'): string {
  return requireText(value, field, 200);
}

export function requireJobPlacementKind(value: unknown, field = 'kind'): JobPlacementKind {
  return requireOneOf(value, JOB_PLACEMENT_KINDS, field);
}

/**
 * One stream per placement: a worker may be placed several times over the years, but the same placement
 * (contract) recorded twice is a conflict.
 */
export const jobPlacementDecider: Decider<JobPlacementCommand, JobPlacementEvent, JobPlacementState> = {
  initialState: initialJobPlacementState,

  decide(command, state) {
    checkOccurredAt(command);
    switch (command.type) {
      case 'RecordJobPlacement':
        return place(command, state);
      default:
        return assertNever(command.type);
    }
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'JobPlaced':
        return { status: 'placed', ...event.data, placedAt: occurredAtOf(event) };
      default:
        return assertNever(event.type);
    }
  },
};

function place(command: RecordJobPlacement, state: JobPlacementState): JobPlacementEvent[] {
  const data = {
    placementId: requireId(command.placementId, 'placementId'),
    workerRef: requireBeneficiaryRef(command.workerRef, 'workerRef'),
    commune: requireText(command.commune, 'commune', 100),
    employer: requireEmployer(command.employer),
    kind: requireJobPlacementKind(command.kind),
  };
  if (state.status === 'placed') {
    throw conflict('JOB_PLACEMENT_ALREADY_RECORDED', `placement ${data.placementId} is already recorded`);
  }
  return [{ type: 'JobPlaced', data }];
}
