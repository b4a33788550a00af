// Baselines marked illustrative are made up so that a ratio can be computed: never an official statistic.
// A figure drawn from one is never claimed, verified or official; it is shown apart, labelled as such.
import type { BaselineRecord, IndicatorDefinition } from './plan-records';

export interface BaselineParts<T> {
  numerator: T;
  denominator: T;
}

/**
 * The baseline series of each part of a ratio that is illustrative: the series the definition names, when
 * the standing figure of any org unit in it (its latest record) is marked illustrative; null for a part
 * drawn from no baseline or from real figures only.
 */
export function illustrativeBaselineParts(
  definition: Pick<IndicatorDefinition, 'numerator' | 'denominator'>,
  recorded: readonly Pick<BaselineRecord, 'key' | 'orgUnit' | 'asOf' | 'illustrative'>[],
): BaselineParts<string | null> {
  const illustrative = (key: string | null | undefined): string | null => {
    if (!key) return null;
    const latest = new Map<string, { asOf: string; illustrative: boolean }>();
    for (const b of recorded) {
      if (b.key !== key) continue;
      const known = latest.get(b.orgUnit);
      if (!known || b.asOf >= known.asOf) latest.set(b.orgUnit, b);
    }
    return [...latest.values()].some((b) => b.illustrative) ? key : null;
  };
  return {
    numerator: illustrative(definition.numerator?.baseline),
    denominator: illustrative(definition.denominator?.baseline),
  };
}

/** The baselines with every illustrative part unknown (null): what a claimed, verified or official figure may use. */
export function withoutIllustrativeParts<T extends BaselineParts<number | null>>(
  baselines: T,
  illustrative: BaselineParts<string | null>,
): T {
  return {
    ...baselines,
    numerator: illustrative.numerator === null ? baselines.numerator : null,
    denominator: illustrative.denominator === null ? baselines.denominator : null,
  };
}
