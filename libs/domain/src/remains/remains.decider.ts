import { assertNever, type Decider } from '../shared/decider';
import { conflict, notFound } from '../shared/domain-error';
import { occurredAtOf } from '../shared/dated-event';
import {
  checkNotBefore,
  checkOccurredAt,
  latestOf,
  requireId,
  requireIntegerInRange,
  requireOneOf,
  requireText,
} from '../shared/rules';
import {
  IDENTIFICATION_METHODS,
  REMAINS_CASE_OUTCOMES,
  type CloseRemainsCase,
  type IdentifyRemains,
  type OpenRemainsCase,
  type RecordReburial,
  type RecordRemainsRecovery,
  type RemainsCaseCommand,
} from './remains.commands';
import type { RemainsCaseEvent } from './remains.events';
import { initialRemainsCaseState, type OpenedRemainsCase, type RemainsCaseState } from './remains.state';

export const MAX_SETS_OF_REMAINS = 1000;

export function requireSetsOfRemains(value: unknown, field = 'setsOfRemains'): number {
  return requireIntegerInRange(value, field, 1, MAX_SETS_OF_REMAINS, 'SETS_OF_REMAINS_OUT_OF_RANGE');
}

export const remainsCaseDecider: Decider<RemainsCaseCommand, RemainsCaseEvent, RemainsCaseState> = {
  initialState: initialRemainsCaseState,

  decide(command, state) {
    checkOccurredAt(command);
    switch (command.type) {
      case 'OpenRemainsCase':
        return open(command, state);
      case 'RecordRemainsRecovery':
        return recordRecovery(command, state);
      case 'IdentifyRemains':
        return identify(command, state);
      case 'RecordReburial':
        return recordReburial(command, state);
      case 'CloseRemainsCase':
        return close(command, state);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    if (event.type === 'RemainsCaseOpened') {
      return { status: 'open', ...event.data, openedAt: occurredAtOf(event) };
    }
    // A step without its opening only happens in a corrupted stream; replay must not fail on it.
    if (state.status === 'not_opened') return state;
    switch (event.type) {
      case 'RemainsRecovered':
        return {
          ...state,
          recovery: { setsOfRemains: event.data.setsOfRemains, recoveredAt: occurredAtOf(event) },
        };
      case 'RemainsIdentified':
        return {
          ...state,
          identification: {
            method: event.data.method,
            martyrRecordRef: event.data.martyrRecordRef,
            identifiedAt: occurredAtOf(event),
          },
        };
      case 'RemainsReburied':
        return { ...state, reburial: { cemetery: event.data.cemetery, reburiedAt: occurredAtOf(event) } };
      case 'RemainsCaseClosed':
        return {
          ...state,
          status: 'closed',
          closure: { outcome: event.data.outcome, closedAt: occurredAtOf(event) },
        };
      default:
        return assertNever(event);
    }
  },
};

function open(command: OpenRemainsCase, state: RemainsCaseState): RemainsCaseEvent[] {
  const caseId = requireId(command.caseId, 'caseId');
  const site = requireText(command.site, 'site', 500);
  const commune = requireText(command.commune, 'commune', 100);
  if (state.status !== 'not_opened') {
    throw conflict('REMAINS_CASE_ALREADY_OPENED', `remains case ${caseId} is already opened`);
  }
  return [{ type: 'RemainsCaseOpened', data: { caseId, site, commune } }];
}

function recordRecovery(command: RecordRemainsRecovery, state: RemainsCaseState): RemainsCaseEvent[] {
  const caseId = requireId(command.caseId, 'caseId');
  const setsOfRemains = requireSetsOfRemains(command.setsOfRemains);
  const remainsCase = stillOpen(state, caseId);
  if (remainsCase.recovery) {
    throw conflict('REMAINS_ALREADY_RECOVERED', `the recovery of remains case ${caseId} is already recorded`);
  }
  checkNotBefore(command.occurredAt, remainsCase.openedAt, 'opening of the case');
  return [{ type: 'RemainsRecovered', data: { caseId, setsOfRemains } }];
}

function identify(command: IdentifyRemains, state: RemainsCaseState): RemainsCaseEvent[] {
  const caseId = requireId(command.caseId, 'caseId');
  const method = requireOneOf(command.method, IDENTIFICATION_METHODS, 'method');
  const martyrRecordRef = requireText(command.martyrRecordRef, 'martyrRecordRef');
  const remainsCase = stillOpen(state, caseId);
  const recovery = recovered(remainsCase);
  if (remainsCase.identification) {
    throw conflict('REMAINS_ALREADY_IDENTIFIED', `the remains of case ${caseId} are already identified`);
  }
  checkNotBefore(command.occurredAt, recovery.recoveredAt, 'recovery');
  return [{ type: 'RemainsIdentified', data: { caseId, method, martyrRecordRef } }];
}

/** Unidentified remains are reburied too, so reburial needs the recovery only. */
function recordReburial(command: RecordReburial, state: RemainsCaseState): RemainsCaseEvent[] {
  const caseId = requireId(command.caseId, 'caseId');
  const cemetery = requireText(command.cemetery, 'cemetery');
  const remainsCase = stillOpen(state, caseId);
  const recovery = recovered(remainsCase);
  if (remainsCase.reburial) {
    throw conflict('REMAINS_ALREADY_REBURIED', `the reburial of case ${caseId} is already recorded`);
  }
  checkNotBefore(command.occurredAt, recovery.recoveredAt, 'recovery');
  return [{ type: 'RemainsReburied', data: { caseId, cemetery } }];
}

function close(command: CloseRemainsCase, state: RemainsCaseState): RemainsCaseEvent[] {
  const caseId = requireId(command.caseId, 'caseId');
  const outcome = requireOneOf(command.outcome, REMAINS_CASE_OUTCOMES, 'outcome');
  const remainsCase = stillOpen(state, caseId);
  if (outcome === 'reburied' && !remainsCase.reburial) {
    throw conflict(
      'REMAINS_NOT_REBURIED',
      `remains case ${caseId} cannot close as reburied: no reburial is recorded`,
    );
  }
  if (outcome === 'no_remains_found' && remainsCase.recovery) {
    throw conflict(
      'REMAINS_WERE_RECOVERED',
      `remains case ${caseId} cannot close as no_remains_found: remains were recovered`,
    );
  }
  // Closing concludes the case, so it follows whichever step came last.
  checkNotBefore(
    command.occurredAt,
    latestOf([
      remainsCase.openedAt,
      remainsCase.recovery?.recoveredAt,
      remainsCase.identification?.identifiedAt,
      remainsCase.reburial?.reburiedAt,
    ]),
    'last step of the case',
  );
  return [{ type: 'RemainsCaseClosed', data: { caseId, outcome } }];
}

function stillOpen(state: RemainsCaseState, caseId: string): OpenedRemainsCase {
  if (state.status === 'not_opened')
    throw notFound('REMAINS_CASE_NOT_OPENED', `remains case ${caseId} is not opened`);
  if (state.status === 'closed') throw conflict('REMAINS_CASE_CLOSED', `remains case ${caseId} is closed`);
  return state;
}

function recovered(remainsCase: OpenedRemainsCase): NonNullable<OpenedRemainsCase['recovery']> {
  if (!remainsCase.recovery) {
    throw conflict(
      'REMAINS_NOT_RECOVERED',
      `no recovery of remains is recorded for case ${remainsCase.caseId}`,
    );
  }
  return remainsCase.recovery;
}
