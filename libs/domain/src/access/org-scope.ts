// Org-unit scope: a principal's org units cover themselves and every unit below them, across the
// reorganisation: a unit's parent is read from every version the plan knows; a unit made by a
// reorganisation covers the units it was made from (a new commune's officers take the next step on the
// old communes' cases); a level that was dissolved (the district) covers the units made wholly from its
// children (an agency serving the district and left in force reads and records there through the crosswalk);
// a plan area covers every unit within it, and a unit that covers every one of those covers the plan area
// too (the district left in force, the province the area lies in).
import { isPlanArea, planAreaMembers } from '../plan/plan-area';
import type { OrgUnitChange, OrgUnitRecord } from '../plan/plan-records';

type ScopeUnit = Pick<OrgUnitRecord, 'code' | 'parent'> & Partial<Pick<OrgUnitRecord, 'level' | 'planArea'>>;

export class OrgScope {
  private readonly children = new Map<string, Set<string>>();
  private readonly known = new Set<string>();

  constructor(
    units: readonly ScopeUnit[],
    changes: readonly Pick<OrgUnitChange, 'ends' | 'crosswalk'>[] = [],
  ) {
    const below = (parent: string, child: string) => {
      const set = this.children.get(parent) ?? new Set<string>();
      set.add(child);
      this.children.set(parent, set);
    };
    for (const unit of units) {
      this.known.add(unit.code);
      if (unit.parent) below(unit.parent, unit.code);
    }
    for (const change of changes) {
      for (const row of change.crosswalk) below(row.to, row.from);
      // A dissolved unit (it ends with no crosswalk row of its own): the units made wholly from its children
      // (a unit that also took territory from elsewhere stays out: covering it would cover that too).
      for (const ended of change.ends) {
        if (change.crosswalk.some((row) => row.from === ended)) continue;
        const kids = new Set(units.filter((u) => u.parent === ended).map((u) => u.code));
        for (const to of new Set(change.crosswalk.map((row) => row.to))) {
          const sources = change.crosswalk.filter((row) => row.to === to);
          if (sources.every((row) => kids.has(row.from) && row.relation === 'whole')) below(ended, to);
        }
      }
    }
    const areas = units.filter(isPlanArea).map((u) => u.code);
    if (areas.length === 0) return;
    const members = planAreaMembers(units);
    for (const area of areas) for (const code of members) below(area, code);
    // Decided on the tree as it stands before any unit covers a plan area, so that covering one never
    // makes another unit look like it covers the area's members.
    const wholly = [...this.known]
      .filter((code) => !areas.includes(code))
      .filter((code) => {
        const reach = this.covered([code]);
        return members.length > 0 && members.every((m) => reach.has(m));
      });
    for (const code of wholly) for (const area of areas) below(code, area);
  }
  isKnown(code: string): boolean {
    return this.known.has(code);
  }

  /** Every unit the given units cover, themselves included; unknown codes cover only themselves. */
  covered(scope: readonly string[]): Set<string> {
    const out = new Set<string>();
    const queue = [...scope];
    while (queue.length > 0) {
      const code = queue.pop()!;
      if (out.has(code)) continue;
      out.add(code);
      for (const child of this.children.get(code) ?? []) queue.push(child);
    }
    return out;
  }

  covers(scope: readonly string[], code: string): boolean {
    return this.covered(scope).has(code);
  }

  /** True when the scope covers every unit the plan knows (no filter is needed for it). */
  coversAll(scope: readonly string[]): boolean {
    const covered = this.covered(scope);
    return [...this.known].every((code) => covered.has(code));
  }
}
