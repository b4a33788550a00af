import type { DatedEvent } from '../shared/dated-event';
import type { DisabilitySeverity } from './disability-allowance.commands';

export interface DisabilityAllowanceGrantedData {
  allowanceId: string;
  beneficiaryRef: string;
  commune: string;
  severity: DisabilitySeverity;
  monthlyAmountVnd: number;
  decisionNo: string;
}

export type DisabilityAllowanceGranted = DatedEvent<
  'DisabilityAllowanceGranted',
  DisabilityAllowanceGrantedData
>;

export type DisabilityAllowanceEvent = DisabilityAllowanceGranted;

export const DISABILITY_ALLOWANCE_EVENT_TYPES = [
  'DisabilityAllowanceGranted',
] as const satisfies readonly DisabilityAllowanceEvent['type'][];
