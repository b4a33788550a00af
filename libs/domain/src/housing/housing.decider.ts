import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/domain-error';
import { occurredAtOf } from '../shared/dated-event';
import { requireSealedPersonalData } from '../personal-data/sealed-personal-data';
import {
  checkNotBefore,
  checkOccurredAt,
  earliestOf,
  requireAmountVnd,
  requireId,
  requireIntegerInRange,
  requireOneOf,
  requireText,
} from '../shared/rules';
import {
  HOUSING_CATEGORIES,
  HOUSING_FUNDING_SOURCES,
  HOUSING_WITHDRAWAL_GROUNDS,
  type ApproveHousingFunding,
  type CompleteHousingConstruction,
  type HandOverHouse,
  type HousingCaseCommand,
  type RegisterHousingCase,
  type StartHousingConstruction,
  type WithdrawHousingCase,
} from './housing.commands';
import type { HousingCaseEvent, WithdrawnStep } from './housing.events';
import { initialHousingCaseState, type HousingCaseState, type RegisteredHousingCase } from './housing.state';

export const MAX_FLOOR_AREA_M2 = 1000;
export const MAX_OCCUPANTS = 50;

export function requireFloorAreaM2(value: unknown, field = 'floorAreaM2'): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_FLOOR_AREA_M2) {
    throw invalid(
      'FLOOR_AREA_OUT_OF_RANGE',
      field,
      `${field} must be above 0 and at most ${MAX_FLOOR_AREA_M2} m²`,
    );
  }
  return value;
}

export function requireOccupants(value: unknown, field = 'occupants'): number {
  return requireIntegerInRange(value, field, 1, MAX_OCCUPANTS, 'OCCUPANTS_OUT_OF_RANGE');
}

export const housingCaseDecider: Decider<HousingCaseCommand, HousingCaseEvent, HousingCaseState> = {
  initialState: initialHousingCaseState,

  decide(command, state) {
    checkOccurredAt(command);
    switch (command.type) {
      case 'RegisterHousingCase':
        return register(command, state);
      case 'ApproveHousingFunding':
        return approveFunding(command, state);
      case 'StartHousingConstruction':
        return startConstruction(command, state);
      case 'CompleteHousingConstruction':
        return completeConstruction(command, state);
      case 'HandOverHouse':
        return handOver(command, state);
      case 'WithdrawHousingCase':
        return withdraw(command, state);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    if (event.type === 'HousingCaseRegistered') {
      return {
        status: 'registered',
        ...event.data,
        fundings: [],
        fundingApprovedVnd: 0,
        registeredAt: occurredAtOf(event),
      };
    }
    // A step without its registration only happens in a corrupted stream; replay must not fail on it.
    if (state.status === 'unregistered') return state;
    switch (event.type) {
      case 'HousingFundingApproved':
        return {
          ...state,
          status: state.status === 'registered' ? 'funded' : state.status,
          fundings: [...state.fundings, { amountVnd: event.data.amountVnd, source: event.data.source }],
          fundingApprovedVnd: state.fundingApprovedVnd + event.data.amountVnd,
          firstFundingApprovedAt: earliestOf(state.firstFundingApprovedAt, occurredAtOf(event)),
        };
      case 'HousingConstructionStarted':
        return { ...state, status: 'under_construction', constructionStartedAt: occurredAtOf(event) };
      case 'HousingConstructionCompleted':
        return {
          ...state,
          status: 'completed',
          floorAreaM2: event.data.floorAreaM2,
          occupants: event.data.occupants,
          constructionCompletedAt: occurredAtOf(event),
        };
      case 'HouseHandedOver':
        return { ...state, status: 'handed_over', handedOverAt: occurredAtOf(event) };
      case 'HousingCaseWithdrawn':
        return { ...state, status: 'withdrawn', withdrawnAt: occurredAtOf(event) };
      default:
        return assertNever(event);
    }
  },
};

function register(command: RegisterHousingCase, state: HousingCaseState): HousingCaseEvent[] {
  const caseId = requireId(command.caseId, 'caseId');
  const householdRef = requireText(command.householdRef, 'householdRef');
  const commune = requireText(command.commune, 'commune', 100);
  const category = requireOneOf(command.category, HOUSING_CATEGORIES, 'category');
  const personal =
    command.personal === undefined
      ? undefined
      : requireSealedPersonalData(command.personal, 'personal', householdRef);
  if (state.status !== 'unregistered') {
    throw conflict('HOUSING_CASE_ALREADY_REGISTERED', `housing case ${caseId} is already registered`);
  }
  return [
    {
      type: 'HousingCaseRegistered',
      data: { caseId, householdRef, commune, category, ...(personal ? { personal } : {}) },
    },
  ];
}

function approveFunding(command: ApproveHousingFunding, state: HousingCaseState): HousingCaseEvent[] {
  const caseId = requireId(command.caseId, 'caseId');
  const amountVnd = requireAmountVnd(command.amountVnd);
  const source = requireOneOf(command.source, HOUSING_FUNDING_SOURCES, 'source');
  const housingCase = registered(state, caseId);
  if (housingCase.status === 'completed' || housingCase.status === 'handed_over') {
    throw conflict(
      'HOUSING_CASE_CLOSED_FOR_FUNDING',
      `housing case ${caseId} is ${housingCase.status}: no more funding`,
    );
  }
  checkNotBefore(command.occurredAt, housingCase.registeredAt, 'registration');
  return [{ type: 'HousingFundingApproved', data: { caseId, amountVnd, source } }];
}

function startConstruction(command: StartHousingConstruction, state: HousingCaseState): HousingCaseEvent[] {
  const caseId = requireId(command.caseId, 'caseId');
  const housingCase = registered(state, caseId);
  if (housingCase.status === 'registered') {
    throw conflict('HOUSING_FUNDING_NOT_APPROVED', `housing case ${caseId} has no approved funding yet`);
  }
  if (housingCase.status !== 'funded') {
    throw conflict(
      'HOUSING_CONSTRUCTION_ALREADY_STARTED',
      `construction of housing case ${caseId} has already started`,
    );
  }
  checkNotBefore(command.occurredAt, housingCase.firstFundingApprovedAt, 'funding approval');
  return [{ type: 'HousingConstructionStarted', data: { caseId } }];
}

function completeConstruction(
  command: CompleteHousingConstruction,
  state: HousingCaseState,
): HousingCaseEvent[] {
  const caseId = requireId(command.caseId, 'caseId');
  const floorAreaM2 = requireFloorAreaM2(command.floorAreaM2);
  const occupants = requireOccupants(command.occupants);
  const housingCase = registered(state, caseId);
  if (housingCase.status === 'registered' || housingCase.status === 'funded') {
    throw conflict(
      'HOUSE_CONSTRUCTION_NOT_STARTED',
      `construction of housing case ${caseId} has not started`,
    );
  }
  if (housingCase.status !== 'under_construction') {
    throw conflict(
      'HOUSE_CONSTRUCTION_ALREADY_COMPLETED',
      `construction of housing case ${caseId} is already completed`,
    );
  }
  checkNotBefore(command.occurredAt, housingCase.constructionStartedAt, 'construction start');
  return [{ type: 'HousingConstructionCompleted', data: { caseId, floorAreaM2, occupants } }];
}

function handOver(command: HandOverHouse, state: HousingCaseState): HousingCaseEvent[] {
  const caseId = requireId(command.caseId, 'caseId');
  const housingCase = registered(state, caseId);
  if (housingCase.status === 'handed_over') {
    throw conflict('HOUSE_ALREADY_HANDED_OVER', `the house of housing case ${caseId} is already handed over`);
  }
  if (housingCase.status !== 'completed') {
    throw conflict(
      'HOUSE_CONSTRUCTION_NOT_COMPLETED',
      `construction of housing case ${caseId} is not completed`,
    );
  }
  checkNotBefore(command.occurredAt, housingCase.constructionCompletedAt, 'construction completion');
  return [{ type: 'HouseHandedOver', data: { caseId } }];
}

function withdraw(command: WithdrawHousingCase, state: HousingCaseState): HousingCaseEvent[] {
  const caseId = requireId(command.caseId, 'caseId');
  const grounds = requireOneOf(command.grounds, HOUSING_WITHDRAWAL_GROUNDS, 'grounds');
  const reason = requireText(command.reason, 'reason', 500);
  const housingCase = registered(state, caseId);
  if (housingCase.status === 'completed' || housingCase.status === 'handed_over') {
    throw conflict(
      'HOUSING_CASE_HOUSE_BUILT',
      `the house of housing case ${caseId} is built: it is not withdrawn (correct a wrong record instead)`,
    );
  }
  checkNotBefore(command.occurredAt, housingCase.registeredAt, 'registration');
  const withdrawnSteps: WithdrawnStep[] = [
    {
      type: 'HousingCaseRegistered',
      data: {
        caseId,
        householdRef: housingCase.householdRef,
        commune: housingCase.commune,
        category: housingCase.category,
      },
    },
    ...housingCase.fundings.map((f): WithdrawnStep => ({
      type: 'HousingFundingApproved',
      data: { caseId, amountVnd: f.amountVnd, source: f.source },
    })),
    ...(housingCase.status === 'under_construction'
      ? [{ type: 'HousingConstructionStarted' as const, data: { caseId } }]
      : []),
  ];
  return [{ type: 'HousingCaseWithdrawn', data: { caseId, grounds, reason, withdrawnSteps } }];
}

/** The registered case, open for a next step: a withdrawn case takes none. */
function registered(state: HousingCaseState, caseId: string): RegisteredHousingCase {
  if (state.status === 'unregistered') {
    throw notFound('HOUSING_CASE_NOT_REGISTERED', `housing case ${caseId} is not registered`);
  }
  if (state.status === 'withdrawn') {
    throw conflict('HOUSING_CASE_WITHDRAWN', `housing case ${caseId} was withdrawn: it takes no more steps`);
  }
  return state;
}
