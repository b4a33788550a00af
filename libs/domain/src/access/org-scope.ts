// Org-unit scope: a principal's org units cover themselves and every unit below them, across the
// reorganisation (a unit's parent is read from every version the plan knows).
import type { OrgUnitRecord } from '../plan/plan-records';

export class OrgScope {
  private readonly children = new Map<string, Set<string>>();
  private readonly known = new Set<string>();

  constructor(units: readonly Pick<OrgUnitRecord, 'code' | 'parent'>[]) {
    for (const unit of units) {
      this.known.add(unit.code);
      if (unit.parent) {
        const set = this.children.get(unit.parent) ?? new Set<string>();
        set.add(unit.code);
        this.children.set(unit.parent, set);
      }
    }
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
