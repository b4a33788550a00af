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

/** The event a measurement writes; the plan's contribution rules name it (a leaf, so the plan needs no action). */
export const MEASUREMENT_RECORDED = 'MeasurementRecorded';

export type MeasurementRecorded = DatedEvent<typeof MEASUREMENT_RECORDED, MeasurementRecordedData>;

export type MeasurementEvent = MeasurementRecorded;

export const MEASUREMENT_EVENT_TYPES = [
  MEASUREMENT_RECORDED,
] as const satisfies readonly MeasurementEvent['type'][];
