import { illustrativeBaselineParts, withoutIllustrativeParts } from './illustrative-baselines';

describe('illustrative baselines', () => {
  const coverage = { numerator: { baseline: null }, denominator: { baseline: 'population' } } as const;
  const water = {
    numerator: { baseline: 'households_with_clean_water' },
    denominator: { baseline: 'households' },
  } as const;
  const record = (key: string, orgUnit: string, asOf: string, illustrative: boolean) => ({
    key,
    orgUnit,
    asOf,
    illustrative,
  });

  it('given a made-up population, the denominator is illustrative and the numerator (no baseline) is not', () => {
    const parts = illustrativeBaselineParts(coverage as never, [record('population', 'C-1', '2023', true)]);
    expect(parts).toEqual({ numerator: null, denominator: 'population' });
    expect(withoutIllustrativeParts({ numerator: 0, denominator: 5000 }, parts)).toEqual({
      numerator: 0,
      denominator: null,
    });
  });

  it('given the statistics office figure recorded later for every unit, the series is no longer illustrative', () => {
    const recorded = [
      record('households', 'C-1', '2023', true),
      record('households', 'C-1', '2024', false),
      record('households_with_clean_water', 'C-1', '2023', true),
      record('households_with_clean_water', 'C-2', '2024', false),
    ];
    expect(illustrativeBaselineParts(water as never, recorded)).toEqual({
      numerator: 'households_with_clean_water',
      denominator: null,
    });
  });
});
