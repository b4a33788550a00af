import type { SubsidyPaidData } from './subsidy.events';

export type SubsidyPaymentState =
  { status: 'unpaid' } | ({ status: 'paid'; paidAt?: string } & SubsidyPaidData);

export const initialSubsidyPaymentState: SubsidyPaymentState = { status: 'unpaid' };
