import type { DatedEvent } from '../shared/dated-event';

export interface UnemploymentInsuranceEnrolledData {
  enrolmentId: string;
  beneficiaryRef: string;
  commune: string;
  year: number;
}

export type UnemploymentInsuranceEnrolled = DatedEvent<
  'UnemploymentInsuranceEnrolled',
  UnemploymentInsuranceEnrolledData
>;

export type UnemploymentInsuranceEnrolmentEvent = UnemploymentInsuranceEnrolled;

export const UNEMPLOYMENT_INSURANCE_ENROLMENT_EVENT_TYPES = [
  'UnemploymentInsuranceEnrolled',
] as const satisfies readonly UnemploymentInsuranceEnrolmentEvent['type'][];
