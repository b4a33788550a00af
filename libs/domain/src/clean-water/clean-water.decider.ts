import { assertNever, type Decider } from '../shared/decider';
import { conflict } from '../shared/domain-error';
import { occurredAtOf } from '../shared/dated-event';
import { checkOccurredAt, requireId, requireOneOf, requireText } from '../shared/rules';
import { requireBeneficiaryRef } from '../subsidy/subsidy.rules';
import {
  CLEAN_WATER_SOURCES,
  type CleanWaterConnectionCommand,
  type CleanWaterSource,
  type RecordCleanWaterConnection,
} from './clean-water.commands';
import type { CleanWaterConnectionEvent } from './clean-water.events';
import { initialCleanWaterConnectionState, type CleanWaterConnectionState } from './clean-water.state';

export function requireCleanWaterSource(value: unknown, field = 'source'): CleanWaterSource {
  return requireOneOf(value, CLEAN_WATER_SOURCES, field);
}

/** One stream per household: a household counts once towards clean-water access, however it gets water. */
export const cleanWaterConnectionDecider: Decider<
  CleanWaterConnectionCommand,
  CleanWaterConnectionEvent,
  CleanWaterConnectionState
> = {
  initialState: initialCleanWaterConnectionState,

  decide(command, state) {
    checkOccurredAt(command);
    switch (command.type) {
      case 'RecordCleanWaterConnection':
        return connect(command, state);
      default:
        return assertNever(command.type);
    }
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'CleanWaterConnected':
        return { status: 'connected', ...event.data, connectedAt: occurredAtOf(event) };
      default:
        return assertNever(event.type);
    }
  },
};

function connect(
  command: RecordCleanWaterConnection,
  state: CleanWaterConnectionState,
): CleanWaterConnectionEvent[] {
  const data = {
    connectionId: requireId(command.connectionId, 'connectionId'),
    householdRef: requireBeneficiaryRef(command.householdRef, 'householdRef'),
    commune: requireText(command.commune, 'commune', 100),
    source: requireCleanWaterSource(command.source),
  };
  if (state.status === 'connected') {
    throw conflict(
      'CLEAN_WATER_ALREADY_CONNECTED',
      `this household already has clean water (connection ${state.connectionId}, ${state.source})`,
    );
  }
  return [{ type: 'CleanWaterConnected', data }];
}
