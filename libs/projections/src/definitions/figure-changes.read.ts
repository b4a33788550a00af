// Reading figure-changes. The projection keeps one entry per event x indicator x month in the org unit the
// action counts in, not one more in each unit it rolls up to (a district, a province, the plan area): the
// entries of a unit are those of every unit that counts in it, put together here per event, indicator and
// month, as one entry in the unit asked for.
import type { PlanModel } from '@ledger/domain';
import type { FigureChangeDoc } from './figure-assurance.projection';

/** The unit and every unit that counts in it (its communes, the old communes merged into it, ...). */
export function unitsCountingIn(plan: Pick<PlanModel, 'rollUps'>, orgUnit: string): string[] {
  const units = [orgUnit];
  for (const [code, ups] of Object.entries(plan.rollUps)) if (ups.includes(orgUnit)) units.push(code);
  return units;
}

const tidy = (n: number) => Number(n.toPrecision(15));

/**
 * The changes of `orgUnit` from the entries of the units that count in it, in the order of their first
 * entry: per event, indicator and month, the sums added and the measurements listed together. A change whose
 * parts cancel out in the unit (nothing moved, no measurement) is left out, as the projection leaves it out.
 */
export function figureChangesIn(entries: readonly FigureChangeDoc[], orgUnit: string): FigureChangeDoc[] {
  const merged = new Map<string, FigureChangeDoc>();
  for (const entry of entries) {
    const key = `${entry.eventId}\u0000${entry.indicatorKey}\u0000${entry.month}`;
    const known = merged.get(key);
    if (!known) {
      merged.set(key, { ...entry, orgUnit });
      continue;
    }
    merged.set(key, {
      ...known,
      claimed: addSums(known.claimed, entry.claimed),
      verified: addSums(known.verified, entry.verified),
      measurements: [...known.measurements, ...entry.measurements],
    });
  }
  return [...merged.values()].filter(
    (c) =>
      c.measurements.length > 0 ||
      Object.values(c.claimed).some((v) => v !== 0) ||
      Object.values(c.verified).some((v) => v !== 0),
  );
}

function addSums(a: FigureChangeDoc['claimed'], b: FigureChangeDoc['claimed']): FigureChangeDoc['claimed'] {
  return {
    value: tidy(a.value + b.value),
    numerator: tidy(a.numerator + b.numerator),
    denominator: tidy(a.denominator + b.denominator),
  };
}
