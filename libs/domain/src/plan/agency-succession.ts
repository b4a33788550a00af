// Who carries an agency's duties on a date: follow its successions (split by org unit where it has several
// successors). The events an agency recorded stay its own; this only says who answers for them now.
import type { AgencySuccession } from './plan-records';
import { compareDates } from './plan-values';

export interface DutyHolder {
  /** The agency that holds the duties on the date. */
  agency: string;
  /** The agencies the duties passed through, the original first, the holder last. */
  chain: string[];
  /**
   * true when a succession took the agency's duties away but no successor covers this org unit: the
   * holder is then the last agency that did, and the gap is for a person to close.
   */
  unresolved: boolean;
}

export function dutyHolderOn(
  agency: string,
  orgUnit: string,
  date: string,
  successions: readonly AgencySuccession[],
): DutyHolder {
  const chain = [agency];
  let current = agency;
  for (;;) {
    const succession = successions.find(
      (s) => s.predecessor === current && compareDates(s.effectiveFrom, date) <= 0,
    );
    if (!succession) return { agency: current, chain, unresolved: false };
    const successor = succession.successors.find((s) => s.orgUnits === null || s.orgUnits.includes(orgUnit));
    if (!successor) return { agency: current, chain, unresolved: true };
    if (chain.includes(successor.agency)) return { agency: current, chain, unresolved: true };
    chain.push(successor.agency);
    current = successor.agency;
  }
}
