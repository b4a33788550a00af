// Whether an indicator key names an indicator of the plan, and one that a measurement may set. Pure: the
// plan's definitions come in, read through the action kernel's narrow PlanLookup types so that an action's
// check needs nothing of the plan's parsing. The key's shape is shared/indicator-key.ts.
import type { PlannedIndicator } from '../actions/plan-lookup';
import { invalid } from '../shared/domain-error';
import { requireIndicatorKey } from '../shared/indicator-key';

export {
  INDICATOR_KEY_PATTERN,
  INDICATOR_KEY_RULE,
  isIndicatorKey,
  requireIndicatorKey,
} from '../shared/indicator-key';

/** The plan's definition of the key (its latest version), or an 'invalid' error naming the field. */
export function requirePlanIndicator<D extends Pick<PlannedIndicator, 'key' | 'version'>>(
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
 * A measurement may set the indicator: one of its rules is a MeasurementRecorded rule (measure
 * "measurement", see isMeasurementRule in contribution-rules.ts), and a qualitative milestone is 1 or 0.
 */
export function checkMeasurementFits(definition: PlannedIndicator, value: unknown): void {
  if (!definition.contributions.some((rule) => rule.measure === 'measurement')) {
    throw invalid(
      'INDICATOR_NOT_MEASURED',
      'indicatorKey',
      `${definition.key} is a ${definition.kind} indicator: it is moved by the actions it counts, not by measurements`,
    );
  }
  if (definition.kind === 'qualitative' && value !== 0 && value !== 1) {
    throw invalid(
      'MILESTONE_VALUE_INVALID',
      'value',
      `${definition.key} is a milestone: value is 1 (achieved) or 0`,
    );
  }
}

/**
 * For a measurement: the key names an indicator of the plan that measurements move (a MeasurementRecorded
 * rule: measured and qualitative indicators), and a qualitative milestone is 1 (achieved) or 0.
 */
export function requireMeasuredIndicator<D extends PlannedIndicator>(
  definitions: readonly D[],
  key: unknown,
  value: unknown,
): D {
  const definition = requirePlanIndicator(definitions, key);
  checkMeasurementFits(definition, value);
  return definition;
}
