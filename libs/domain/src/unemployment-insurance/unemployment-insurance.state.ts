import type { UnemploymentInsuranceEnrolledData } from './unemployment-insurance.events';

export type UnemploymentInsuranceEnrolmentState =
  | { status: 'not_enrolled' }
  | ({ status: 'enrolled'; enrolledAt?: string } & UnemploymentInsuranceEnrolledData);

export const initialUnemploymentInsuranceEnrolmentState: UnemploymentInsuranceEnrolmentState = {
  status: 'not_enrolled',
};
