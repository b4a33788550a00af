// What an indicator key is, in one place: the shape every DTO, pipe and decider checks (the seeds' snake_case
// keys, e.g. houses_built). A leaf: whether a key names an indicator of the plan is plan/indicator-key.ts.
import { invalid } from './domain-error';

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
