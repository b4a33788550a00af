import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid } from '../shared/domain-error';
import { occurredAtOf } from '../shared/dated-event';
import { checkOccurredAt, requireId, requireOneOf, requireText } from '../shared/rules';
import { requirePeriod } from '../subsidy/subsidy.rules';
import { requireIndicatorKey } from '../shared/indicator-key';
import {
  MEASUREMENT_METHODS,
  type MeasurementCommand,
  type MeasurementMethod,
  type RecordMeasurement,
} from './measurement.commands';
import type { MeasurementEvent, MeasurementRecordedData } from './measurement.events';
import { initialMeasurementState, type MeasurementState } from './measurement.state';

// Both key the stream. Indicator keys have no '.', so the stream name splits unambiguously (see
// measurement.aggregate.ts). Whether the key names a measured indicator of the plan is checked by the
// handler against the plan (requireMeasuredIndicator, plan/indicator-key.ts); the key's shape is
// shared/indicator-key.ts.
const ORG_UNIT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

export function requireMeasurementIndicatorKey(value: unknown, field = 'indicatorKey'): string {
  return requireIndicatorKey(value, field);
}

export function requireMeasurementOrgUnit(value: unknown, field = 'orgUnit'): string {
  if (typeof value !== 'string' || !ORG_UNIT_CODE_PATTERN.test(value)) {
    throw invalid(
      'ORG_UNIT_CODE_INVALID',
      field,
      `${field} must be an org unit code (2-64 letters, digits, . _ -)`,
    );
  }
  return value;
}

export function requireMeasurementValue(value: unknown, field = 'value'): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalid('MEASUREMENT_VALUE_INVALID', field, `${field} must be a finite number`);
  }
  return value;
}

/** A numerator or denominator: a count, or an estimated one, so not necessarily whole; never negative. */
export function requireMeasurementCount(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw invalid('MEASUREMENT_COUNT_INVALID', field, `${field} must be a finite number of 0 or more`);
  }
  return value;
}

export function requireMeasurementMethod(value: unknown, field = 'method'): MeasurementMethod {
  return requireOneOf(value, MEASUREMENT_METHODS, field);
}

export function requireMeasurementSource(value: unknown, field = 'source'): string {
  return requireText(value, field, 500);
}

/**
 * When both counts are given, the figure is a share of the denominator: it must be positive and hold the
 * numerator. `fieldOf` names the field to blame (a command field, or `changes.<name>` in an amendment).
 */
export function checkMeasurementRatio(
  data: Pick<MeasurementRecordedData, 'numerator' | 'denominator'>,
  fieldOf: (name: 'numerator' | 'denominator') => string = (name) => name,
): void {
  const { numerator, denominator } = data;
  if (numerator === undefined || denominator === undefined) return;
  if (denominator <= 0) {
    throw invalid(
      'DENOMINATOR_NOT_POSITIVE',
      fieldOf('denominator'),
      'denominator must be above 0 when a numerator is given',
    );
  }
  if (numerator > denominator) {
    throw invalid(
      'NUMERATOR_EXCEEDS_DENOMINATOR',
      fieldOf('numerator'),
      `numerator ${numerator} must not exceed denominator ${denominator}`,
    );
  }
}

/** One stream per indicator x org unit x period: a second figure is a conflict; a revised one an amendment. */
export const measurementDecider: Decider<MeasurementCommand, MeasurementEvent, MeasurementState> = {
  initialState: initialMeasurementState,

  decide(command, state) {
    checkOccurredAt(command);
    switch (command.type) {
      case 'RecordMeasurement':
        return record(command, state);
      default:
        return assertNever(command.type);
    }
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'MeasurementRecorded':
        return { status: 'recorded', ...event.data, measuredAt: occurredAtOf(event) };
      default:
        return assertNever(event.type);
    }
  },
};

function record(command: RecordMeasurement, state: MeasurementState): MeasurementEvent[] {
  const numerator = optional(command.numerator, 'numerator');
  const denominator = optional(command.denominator, 'denominator');
  const data: MeasurementRecordedData = {
    measurementId: requireId(command.measurementId, 'measurementId'),
    indicatorKey: requireMeasurementIndicatorKey(command.indicatorKey),
    orgUnit: requireMeasurementOrgUnit(command.orgUnit),
    period: requirePeriod(command.period),
    value: requireMeasurementValue(command.value),
    // Absent counts stay absent: no `numerator: undefined` key in the stored data.
    ...(numerator === undefined ? {} : { numerator }),
    ...(denominator === undefined ? {} : { denominator }),
    method: requireMeasurementMethod(command.method),
    source: requireMeasurementSource(command.source),
  };
  checkMeasurementRatio(data);
  if (state.status === 'recorded') {
    throw conflict(
      'MEASUREMENT_ALREADY_RECORDED',
      `${data.indicatorKey} for ${data.orgUnit} in ${data.period} is already recorded ` +
        `(measurement ${state.measurementId}); amend it with a correction instead`,
    );
  }
  return [{ type: 'MeasurementRecorded', data }];
}

function optional(value: unknown, field: string): number | undefined {
  return value === undefined || value === null ? undefined : requireMeasurementCount(value, field);
}
