import type { DatedEvent } from '../shared/dated-event';
import type { PaymentMethod } from './subsidy.commands';

export interface SubsidyPaidData {
  paymentId: string;
  programme: string;
  beneficiaryRef: string;
  period: string;
  amountVnd: number;
  method: PaymentMethod;
  commune: string;
}

export type SubsidyPaid = DatedEvent<'SubsidyPaid', SubsidyPaidData>;

export type SubsidyPaymentEvent = SubsidyPaid;

export const SUBSIDY_PAYMENT_EVENT_TYPES = [
  'SubsidyPaid',
] as const satisfies readonly SubsidyPaymentEvent['type'][];
