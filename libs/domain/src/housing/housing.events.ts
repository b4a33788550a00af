import type { SealedPersonalData } from '../personal-data/sealed-personal-data';
import type { DatedEvent } from '../shared/dated-event';
import type { HousingCategory, HousingFundingSource, HousingWithdrawalGrounds } from './housing.commands';

/** `personal` (optional, since the start): name and contact sealed under the household's key, never in clear. */
export type HousingCaseRegistered = DatedEvent<
  'HousingCaseRegistered',
  {
    caseId: string;
    householdRef: string;
    commune: string;
    category: HousingCategory;
    personal?: SealedPersonalData;
  }
>;

/** One approval per funding source decision; a case may be funded from several sources. */
export type HousingFundingApproved = DatedEvent<
  'HousingFundingApproved',
  { caseId: string; amountVnd: number; source: HousingFundingSource }
>;

export type HousingConstructionStarted = DatedEvent<'HousingConstructionStarted', { caseId: string }>;

export type HousingConstructionCompleted = DatedEvent<
  'HousingConstructionCompleted',
  { caseId: string; floorAreaM2: number; occupants: number }
>;

export type HouseHandedOver = DatedEvent<'HouseHandedOver', { caseId: string }>;

/** A step of the case as it stood when the case was withdrawn (amendments applied, sealed data left out). */
export interface WithdrawnStep {
  type: 'HousingCaseRegistered' | 'HousingFundingApproved' | 'HousingConstructionStarted';
  data: Record<string, unknown>;
}

/**
 * The case is withdrawn before its house was built. It carries the steps that stood, so that a projection
 * reading this event alone takes back what they contributed (as a retraction carries its original).
 */
export type HousingCaseWithdrawn = DatedEvent<
  'HousingCaseWithdrawn',
  { caseId: string; grounds: HousingWithdrawalGrounds; reason: string; withdrawnSteps: WithdrawnStep[] }
>;

export type HousingCaseEvent =
  | HousingCaseRegistered
  | HousingCaseWithdrawn
  | HousingFundingApproved
  | HousingConstructionStarted
  | HousingConstructionCompleted
  | HouseHandedOver;

export const HOUSING_CASE_EVENT_TYPES = [
  'HousingCaseRegistered',
  'HousingFundingApproved',
  'HousingConstructionStarted',
  'HousingConstructionCompleted',
  'HouseHandedOver',
  'HousingCaseWithdrawn',
] as const satisfies readonly HousingCaseEvent['type'][];
