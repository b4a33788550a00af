import type { SealedPersonalData } from '../personal-data/sealed-personal-data';
import type { TimedCommand } from '../shared/rules';

export const HOUSING_CATEGORIES = ['poor', 'near_poor', 'merit', 'disaster_hit'] as const;
export type HousingCategory = (typeof HOUSING_CATEGORIES)[number];

export const HOUSING_FUNDING_SOURCES = [
  'central_budget',
  'local_budget',
  'social_policy_bank',
  'fatherland_front',
  'enterprise_or_donor',
  'other',
] as const;
export type HousingFundingSource = (typeof HOUSING_FUNDING_SOURCES)[number];

/** Why a case is withdrawn before its house is built. */
export const HOUSING_WITHDRAWAL_GROUNDS = ['ineligible', 'moved_away', 'duplicate'] as const;
export type HousingWithdrawalGrounds = (typeof HOUSING_WITHDRAWAL_GROUNDS)[number];

export interface RegisterHousingCase extends TimedCommand {
  type: 'RegisterHousingCase';
  caseId: string;
  /** Pseudonymous household reference, never a name or citizen id. */
  householdRef: string;
  commune: string;
  category: HousingCategory;
  /** The household head's name and contact, sealed under the household's own key; opaque here. */
  personal?: SealedPersonalData;
}

export interface ApproveHousingFunding extends TimedCommand {
  type: 'ApproveHousingFunding';
  caseId: string;
  amountVnd: number;
  source: HousingFundingSource;
}

export interface StartHousingConstruction extends TimedCommand {
  type: 'StartHousingConstruction';
  caseId: string;
}

export interface CompleteHousingConstruction extends TimedCommand {
  type: 'CompleteHousingConstruction';
  caseId: string;
  floorAreaM2: number;
  occupants: number;
}

export interface HandOverHouse extends TimedCommand {
  type: 'HandOverHouse';
  caseId: string;
}

/** Withdraws a case before its house is built: it leaves every count it was in, its open steps close. */
export interface WithdrawHousingCase extends TimedCommand {
  type: 'WithdrawHousingCase';
  caseId: string;
  grounds: HousingWithdrawalGrounds;
  /** What was found, in the officer's words. */
  reason: string;
}

export type HousingCaseCommand =
  | RegisterHousingCase
  | WithdrawHousingCase
  | ApproveHousingFunding
  | StartHousingConstruction
  | CompleteHousingConstruction
  | HandOverHouse;
