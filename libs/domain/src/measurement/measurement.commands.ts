import type { TimedCommand } from '../shared/rules';

export const MEASUREMENT_METHODS = ['survey', 'administrative_data', 'census', 'estimate'] as const;
export type MeasurementMethod = (typeof MEASUREMENT_METHODS)[number];

/** A figure for a rate indicator that no single action produces (a survey, a statistic). */
export interface RecordMeasurement extends TimedCommand {
  type: 'RecordMeasurement';
  measurementId: string;
  /** Indicator key of a measured or qualitative indicator of the plan, e.g. "child_stunting_under5". */
  indicatorKey: string;
  /** Org unit code the figure is for: a commune, or the district. */
  orgUnit: string;
  /** The period the figure is for: "2026", "2026-05" or "2026-Q2". */
  period: string;
  value: number;
  /** Counted cases and population, when the figure is a ratio of counts. */
  numerator?: number;
  denominator?: number;
  method: MeasurementMethod;
  /** Where the figure comes from (survey name, statistical report, agency). */
  source: string;
}

export type MeasurementCommand = RecordMeasurement;
