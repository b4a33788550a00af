import type { HousingCategory, HousingFundingSource } from './housing.commands';

export interface HousingFunding {
  amountVnd: number;
  source: HousingFundingSource;
}

export interface RegisteredHousingCase {
  status: 'registered' | 'funded' | 'under_construction' | 'completed' | 'handed_over' | 'withdrawn';
  caseId: string;
  householdRef: string;
  commune: string;
  category: HousingCategory;
  fundings: HousingFunding[];
  fundingApprovedVnd: number;
  floorAreaM2?: number;
  occupants?: number;
  // Step dates (from the envelope) for the step-order rule; absent when folded without metadata.
  registeredAt?: string;
  /** The earliest approval: construction can start once any funding is approved. */
  firstFundingApprovedAt?: string;
  constructionStartedAt?: string;
  constructionCompletedAt?: string;
  handedOverAt?: string;
  withdrawnAt?: string;
}

export type HousingCaseState = { status: 'unregistered' } | RegisteredHousingCase;

export const initialHousingCaseState: HousingCaseState = { status: 'unregistered' };
