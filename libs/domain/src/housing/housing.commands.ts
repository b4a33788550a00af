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

export type HousingCaseCommand =
  | RegisterHousingCase
  | ApproveHousingFunding
  | StartHousingConstruction
  | CompleteHousingConstruction
  | HandOverHouse;
