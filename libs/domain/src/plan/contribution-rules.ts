// How events move indicators, as data (seeds/indicators.json, `contributions` of each indicator).
//
//   { "event": "HousingConstructionCompleted", "measure": "count", "part": "value" }
//       each completed house adds 1
//   { "event": "HousingConstructionCompleted", "measure": "sum", "field": "floorAreaM2", "part": "numerator" }
//       adds the house's floor area to the numerator
//   { "event": "HousingConstructionCompleted", "measure": "count", "part": "value", "factor": -1 }
//       takes 1 off (a stock such as "houses under construction")
//   { "event": "HygienicLatrineCompleted", "measure": "count", "part": "numerator",
//     "where": { "facilityKind": "household" } }
//       only events whose data.facilityKind is "household" (a list means any of its values)
//   { "event": "HealthInsuranceEnrolled", "measure": "count", "part": "numerator", "periodField": "year" }
//       the contribution belongs to the period named by data.year, not to the month it was recorded in
//   { "event": "MeasurementRecorded", "measure": "measurement" }
//       a measurement of this indicator sets its value for the measurement's period
import { invalid } from '../shared/domain-error';
import {
  ACTION_EVENT_CATALOGUE,
  isActionEventType,
  MEASUREMENT_RECORDED,
  type ActionEventType,
} from './action-events';
import { FieldChecker, requireFiniteNumber, requireRecord } from './plan-values';
import { requireOneOf } from '../shared/rules';

export const CONTRIBUTION_PARTS = ['value', 'numerator', 'denominator'] as const;
export type ContributionPart = (typeof CONTRIBUTION_PARTS)[number];

export const CONTRIBUTION_MEASURES = ['count', 'sum', 'measurement'] as const;
export type ContributionMeasure = (typeof CONTRIBUTION_MEASURES)[number];

export type WhereValue = string | number | boolean;

/** A rule as recorded: optional fields of the seed file filled in, so equal rules are equal data. */
export interface AdditiveRule {
  event: Exclude<ActionEventType, typeof MEASUREMENT_RECORDED>;
  measure: 'count' | 'sum';
  part: ContributionPart;
  /** The summed data field (measure "sum"); null for "count". */
  field: string | null;
  /** Multiplies the contribution; -1 for events that take something off a stock. */
  factor: number;
  /** Equality filters on data fields; a list matches any of its values. Empty: every event of the type. */
  where: Record<string, WhereValue | WhereValue[]>;
  /** Data field naming the period of the contribution; null: the period of the event's occurredAt. */
  periodField: string | null;
}

export interface MeasurementRule {
  event: typeof MEASUREMENT_RECORDED;
  measure: 'measurement';
}

export type ContributionRule = AdditiveRule | MeasurementRule;

export function isMeasurementRule(rule: ContributionRule): rule is MeasurementRule {
  return rule.measure === 'measurement';
}

const RULE_KEYS = ['event', 'measure', 'part', 'field', 'factor', 'where', 'periodField'];

/** Validates one rule; every problem lands in `check` under the rule's own field names. */
export function parseContributionRule(value: unknown, check: FieldChecker): ContributionRule {
  const raw = check.record(value, 'rule');
  if (!raw) return undefined as unknown as ContributionRule;
  check.onlyKeys(raw, RULE_KEYS);
  const event = check.check('event', (f) => requireEventType(raw.event, f));
  const measure = check.check('measure', (f) => requireOneOf(raw.measure, CONTRIBUTION_MEASURES, f));
  if (event === undefined || measure === undefined) return undefined as unknown as ContributionRule;

  if (measure === 'measurement' || event === MEASUREMENT_RECORDED) {
    if (event !== MEASUREMENT_RECORDED) {
      check.report(
        'measure',
        'MEASURE_NOT_ALLOWED',
        `measure "measurement" needs event ${MEASUREMENT_RECORDED}`,
      );
    } else if (measure !== 'measurement') {
      check.report(
        'measure',
        'MEASURE_NOT_ALLOWED',
        `${MEASUREMENT_RECORDED} moves an indicator only by measure "measurement"`,
      );
    }
    for (const key of ['part', 'field', 'factor', 'where', 'periodField']) {
      if (raw[key] !== undefined) {
        check.report(key, 'FIELD_NOT_ALLOWED', `${key} does not apply to a measurement rule`);
      }
    }
    return { event: MEASUREMENT_RECORDED, measure: 'measurement' };
  }

  const spec = ACTION_EVENT_CATALOGUE[event];
  const part = check.check('part', (f) => requireOneOf(raw.part, CONTRIBUTION_PARTS, f));
  let field: string | null = null;
  if (measure === 'sum') {
    field = check.check('field', (f) =>
      requireOneOfList(raw.field, spec.numeric, f, `numeric field of ${event}`),
    );
  } else if (raw.field !== undefined && raw.field !== null) {
    check.report('field', 'FIELD_NOT_ALLOWED', 'field applies only to measure "sum"');
  }
  const factor =
    raw.factor === undefined
      ? 1
      : check.check('factor', (f) => {
          const n = requireFiniteNumber(raw.factor, f);
          if (n === 0) throw invalid('FACTOR_ZERO', f, `${f} must not be 0`);
          return n;
        });
  const where = raw.where === undefined ? {} : check.check('where', (f) => requireWhere(raw.where, f, event));
  const periodField =
    raw.periodField === undefined || raw.periodField === null
      ? null
      : check.check('periodField', (f) =>
          requireOneOfList(raw.periodField, spec.period, f, `period field of ${event}`),
        );
  return { event, measure, part, field, factor, where, periodField };
}

function requireEventType(value: unknown, field: string): ActionEventType {
  if (!isActionEventType(value)) {
    throw invalid(
      'EVENT_TYPE_UNKNOWN',
      field,
      `${field} must be an action event type: ${Object.keys(ACTION_EVENT_CATALOGUE).join(', ')}`,
    );
  }
  return value;
}

function requireOneOfList(value: unknown, allowed: readonly string[], field: string, what: string): string {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw invalid(
      'FIELD_NAME_UNKNOWN',
      field,
      allowed.length === 0
        ? `${field}: the event has no ${what}`
        : `${field} must be a ${what}: ${allowed.join(', ')}`,
    );
  }
  return value;
}

function requireWhere(
  value: unknown,
  field: string,
  event: ActionEventType,
): Record<string, WhereValue | WhereValue[]> {
  const record = requireRecord(value, field);
  const allowed: readonly string[] = ACTION_EVENT_CATALOGUE[event].filterable;
  const out: Record<string, WhereValue | WhereValue[]> = {};
  for (const [name, expected] of Object.entries(record)) {
    requireOneOfList(name, allowed, `${field}.${name}`, `filterable field of ${event}`);
    const ok = (v: unknown): v is WhereValue =>
      typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
    if (Array.isArray(expected) ? expected.length === 0 || !expected.every(ok) : !ok(expected)) {
      throw invalid(
        'WHERE_VALUE_INVALID',
        `${field}.${name}`,
        `${field}.${name} must be a text, number or boolean, or a non-empty list of them`,
      );
    }
    out[name] = expected as WhereValue | WhereValue[];
  }
  return out;
}
