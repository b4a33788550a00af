import { DomainError } from '../shared/domain-error';
import { validatePlanSeed } from './plan-seed';
import { sampleSeedFiles } from './testing/sample-seed';
import { isIndicatorKey, requireMeasuredIndicator, requirePlanIndicator } from './indicator-key';

describe('indicator keys', () => {
  const seeded = validatePlanSeed(sampleSeedFiles());
  if (!seeded.ok) throw new Error('the sample seed is valid');
  const definitions = seeded.seed.indicators.map((i) => i.definition);
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      if (error instanceof DomainError) return { code: error.code, field: error.field };
      throw error;
    }
    return null;
  };

  it("are the plan's snake_case keys", () => {
    for (const d of definitions) expect(isIndicatorKey(d.key)).toBe(true);
    expect(['ty-le-tre-suy-dinh-duong', 'Houses', 'houses.built', 'h', ''].map(isIndicatorKey)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('given a key the plan does not have, then it is refused naming indicatorKey', () => {
    expect(refusal(() => requirePlanIndicator(definitions, 'ty_le_tre_suy_dinh_duong'))).toEqual({
      code: 'INDICATOR_UNKNOWN',
      field: 'indicatorKey',
    });
    expect(refusal(() => requirePlanIndicator(definitions, 'ty-le-tre-suy-dinh-duong'))).toEqual({
      code: 'INDICATOR_KEY_INVALID',
      field: 'indicatorKey',
    });
  });

  it('given a measurement, the indicator must be one that measurements move', () => {
    expect(refusal(() => requireMeasuredIndicator(definitions, 'unemployment_rate', 4.2))).toBeNull();
    expect(refusal(() => requireMeasuredIndicator(definitions, 'malaria_eliminated', 1))).toBeNull();
    expect(refusal(() => requireMeasuredIndicator(definitions, 'houses_built', 3))).toEqual({
      code: 'INDICATOR_NOT_MEASURED',
      field: 'indicatorKey',
    });
    expect(refusal(() => requireMeasuredIndicator(definitions, 'malaria_eliminated', 0.5))).toEqual({
      code: 'MILESTONE_VALUE_INVALID',
      field: 'value',
    });
  });
});
