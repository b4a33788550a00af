import type { DatedEvent } from '../shared/dated-event';
import type { MeasurementMethod } from './measurement.commands';

export interface MeasurementRecordedData {
  measurementId: string;
  indicatorKey: string;
  orgUnit: string;
  period: string;
  value: number;
  /** Absent (not null) when the figure was not given as a ratio of counts. */
  numerator?: number;
  denominator?: number;
  method: MeasurementMethod;
  source: string;
}

export type MeasurementRecorded = DatedEvent<'MeasurementRecorded', MeasurementRecordedData>;

export type MeasurementEvent = MeasurementRecorded;

export const MEASUREMENT_EVENT_TYPES = [
  'MeasurementRecorded',
] as const satisfies readonly MeasurementEvent['type'][];
