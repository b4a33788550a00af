import type { AggregateDefinition } from '../corrections/aggregate-definition';
import { EVENT_CORRECTED } from '../corrections/correction.event';
import { amendFields } from '../shared/amend-fields';
import type { MeasurementCommand } from './measurement.commands';
import {
  checkMeasurementRatio,
  measurementDecider,
  requireMeasurementCount,
  requireMeasurementMethod,
  requireMeasurementSource,
  requireMeasurementValue,
} from './measurement.decider';
import {
  MEASUREMENT_EVENT_TYPES,
  type MeasurementEvent,
  type MeasurementRecordedData,
} from './measurement.events';
import type { MeasurementState } from './measurement.state';

export const MEASUREMENT_STREAM_PREFIX = 'measurement-';

/**
 * One stream per indicator x org unit x period, so that a second figure is a conflict on the stream.
 * Parts are joined by '.', which no indicator key or period holds: the name splits at its first and
 * last '.', whatever the org unit code.
 */
export function measurementStream(indicatorKey: string, orgUnit: string, period: string): string {
  return `${MEASUREMENT_STREAM_PREFIX}${indicatorKey}.${orgUnit}.${period}`;
}

const amendMeasurementFields = amendFields<MeasurementRecordedData>({
  value: requireMeasurementValue,
  numerator: requireMeasurementCount,
  denominator: requireMeasurementCount,
  method: requireMeasurementMethod,
  source: requireMeasurementSource,
});

export const measurementAggregate: AggregateDefinition<
  MeasurementCommand,
  MeasurementEvent,
  MeasurementState
> = {
  name: 'measurement',
  streamPrefix: MEASUREMENT_STREAM_PREFIX,
  streamFor: (command) => measurementStream(command.indicatorKey, command.orgUnit, command.period),
  decider: measurementDecider,
  eventTypes: [...MEASUREMENT_EVENT_TYPES, EVENT_CORRECTED],
  schemaVersions: { MeasurementRecorded: 1, [EVENT_CORRECTED]: 1 },
  // A one-off fact: a later figure in the stream only exists because an earlier one was retracted.
  dependsOn: () => false,
  amend: {
    // A revised figure: the counts are checked together, as amended, blaming the field that was sent.
    MeasurementRecorded: (data, changes) => {
      const next = amendMeasurementFields(data, changes);
      checkMeasurementRatio(next, (name) => {
        const other = name === 'numerator' ? 'denominator' : 'numerator';
        return `changes.${Object.hasOwn(changes, name) ? name : other}`;
      });
      return next;
    },
  },
};
