import type { TimedCommand } from '../shared/rules';

export const PAYMENT_METHODS = ['cash', 'bank', 'e_wallet'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface RecordSubsidyPayment extends TimedCommand {
  type: 'RecordSubsidyPayment';
  /** The paying agency's own reference for the payment (voucher or transfer number). */
  paymentId: string;
  /** Programme code, e.g. "tro-cap-xa-hoi": lowercase letters, digits and '-', 2 to 40 characters. */
  programme: string;
  /** Pseudonymous beneficiary reference as made by the ledger (e.g. "b-" + 32 hex digits). */
  beneficiaryRef: string;
  /** The period the payment is for: "2024", "2024-05" or "2024-Q2". */
  period: string;
  amountVnd: number;
  method: PaymentMethod;
  commune: string;
}

export type SubsidyPaymentCommand = RecordSubsidyPayment;
