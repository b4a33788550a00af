// What an indicator key is, in one place: the shape every DTO, pipe and decider checks (the seeds' snake_case
// keys, e.g. houses_built), and the check that a key names an indicator of the plan that a measurement may
// set. Pure: the plan's definitions come in.
import { invalid } from '../shared/domain-error';
import { checkMeasurementFits } from './contributions';
import type { IndicatorDefinition } from './plan-records';

/** 2-64 characters: a lowercase letter, then lowercase letters, digits or '_' (houses_built). */
export const INDICATOR_KEY_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;
export const INDICATOR_KEY_RULE = "an indicator key of the plan (a-z, 0-9 and '_', e.g. houses_built)";

export function isIndicatorKey(value: unknown): value is string {
  return typeof value === 'string' && INDICATOR_KEY_PATTERN.test(value);
}

/** The key as given, or an 'invalid' error naming the field. */
export function requireIndicatorKey(value: unknown, field = 'indicatorKey'): string {
  if (!isIndicatorKey(value))
    throw invalid('INDICATOR_KEY_INVALID', field, `${field} must be ${INDICATOR_KEY_RULE}`);
  return value;
}

/** The plan's definition of the key (its latest version), or an 'invalid' error naming the field. */
export function requirePlanIndicator<D extends Pick<IndicatorDefinition, 'key' | 'version'>>(
  definitions: readonly D[],
  key: unknown,
  field = 'indicatorKey',
): D {
  const wanted = requireIndicatorKey(key, field);
  const found = definitions.filter((d) => d.key === wanted).sort((a, b) => b.version - a.version)[0];
  if (!found) throw invalid('INDICATOR_UNKNOWN', field, `${field} ${wanted} is not an indicator of the plan`);
  return found;
}

/**
 * For a measurement: the key names an indicator of the plan that measurements move (a MeasurementRecorded
 * rule: measured and qualitative indicators), and a qualitative milestone is 1 (achieved) or 0.
 */
export function requireMeasuredIndicator(
  definitions: readonly IndicatorDefinition[],
  key: unknown,
  value: unknown,
): IndicatorDefinition {
  const definition = requirePlanIndicator(definitions, key);
  checkMeasurementFits(definition, value);
  return definition;
}
