import type { DatedEvent } from '../shared/dated-event';

export interface AllowanceGrantedData {
  grantId: string;
  beneficiaryRef: string;
  programme: string;
  monthlyAmountVnd: number;
  commune: string;
}

/** The decision that a beneficiary receives a monthly allowance; the payments are SubsidyPaid events. */
export type AllowanceGranted = DatedEvent<'AllowanceGranted', AllowanceGrantedData>;

export type AllowanceGrantEvent = AllowanceGranted;

export const ALLOWANCE_GRANT_EVENT_TYPES = [
  'AllowanceGranted',
] as const satisfies readonly AllowanceGrantEvent['type'][];
