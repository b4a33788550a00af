// Which indicators a write moved, and by how much, for the answer an officer sees after recording: the
// contributions of the events it appended (contributions.ts), summed per indicator and part.
import type { ContributionPart } from './contribution-rules';
import { contributionsOf, type ContributingEvent, type IndicatorRules } from './contributions';

export interface IndicatorMoved {
  key: string;
  /** value, numerator or denominator (count and sum rules); measurement: a measured figure was set. */
  part: ContributionPart | 'measurement';
  /** What it added (negative: took back); for a measurement, the value set (null: withdrawn). */
  change: number | null;
}

/** The indicators these events move, in the order of their rules; a part whose changes cancel out is left out. */
export function indicatorsMovedBy(
  events: readonly ContributingEvent[],
  rules: readonly IndicatorRules[],
): IndicatorMoved[] {
  const moved = new Map<string, IndicatorMoved>();
  for (const event of events) {
    for (const c of contributionsOf(event, rules)) {
      if (c.mode === 'set') {
        moved.set(`${c.indicatorKey}\u0000measurement`, {
          key: c.indicatorKey,
          part: 'measurement',
          change: c.value,
        });
        continue;
      }
      const id = `${c.indicatorKey}\u0000${c.part}`;
      const known = moved.get(id);
      if (known) known.change = (known.change ?? 0) + c.delta;
      else moved.set(id, { key: c.indicatorKey, part: c.part, change: c.delta });
    }
  }
  return [...moved.values()].filter((m) => m.part === 'measurement' || m.change !== 0);
}
