// The plan's area as a unit of its own (level plan_area). A plan is adopted for an area drawn on the units
// of its day (a district); a reorganisation may end those units while the plan runs on. The plan area has
// no parent and no end: it reads as every unit whose territory lies within it (`planArea: within`), the
// units that ended and the units made from them alike, so that a plan-wide figure, target, report or
// approval names one unit at any date. A unit that lies in it only in part (`overlaps`) stays out: its
// records cannot be split.
import type { OrgUnitRecord } from './plan-records';

type UnitFacts = Pick<OrgUnitRecord, 'code'> & Partial<Pick<OrgUnitRecord, 'level' | 'planArea'>>;

export function isPlanArea(unit: UnitFacts | undefined): boolean {
  return unit?.level === 'plan_area';
}

/** The units a plan area reads as: every other unit (not a plan area) lying wholly within the plan's area. */
export function planAreaMembers(units: readonly UnitFacts[]): string[] {
  return units.filter((u) => !isPlanArea(u) && u.planArea === 'within').map((u) => u.code);
}

/** The plan areas a unit lies in (none for a unit that lies in the area only in part, or outside it). */
export function planAreasOf(code: string, units: readonly UnitFacts[]): string[] {
  const unit = units.find((u) => u.code === code);
  if (!unit || isPlanArea(unit) || unit.planArea !== 'within') return [];
  return units.filter(isPlanArea).map((u) => u.code);
}
