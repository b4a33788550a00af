import type { MeasurementRecordedData } from './measurement.events';

export type MeasurementState =
  { status: 'not_recorded' } | ({ status: 'recorded'; measuredAt?: string } & MeasurementRecordedData);

export const initialMeasurementState: MeasurementState = { status: 'not_recorded' };
