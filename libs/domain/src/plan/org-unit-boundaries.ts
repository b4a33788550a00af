// Reading an org unit on the boundaries of another date, through the crosswalks of the recorded changes,
// without rewriting anything: an event keeps the org unit it was recorded in, and a report on new (or
// old) boundaries maps it when it reads.
import type { CrosswalkRelation, OrgUnitChange, OrgUnitRecord } from './plan-records';
import { compareDates } from './plan-values';

export interface OrgUnitModel {
  units: readonly OrgUnitRecord[];
  changes: readonly OrgUnitChange[];
}

export interface MappedUnit {
  code: string;
  /** whole: all of the source lies in this unit; part: only some of it does, or it holds more. */
  relation: CrosswalkRelation;
}

/**
 * same: the unit exists on that date. successors: it ended before; its territory lies in these units.
 * predecessors: it started after; it was made from these units (an event recorded in it cannot be split
 * among them, so old-boundary reports show it for the group). dissolved: it ended with no successor (a
 * level that was abolished; read it through its former children). unknown: no such unit.
 */
export type BoundaryReading =
  | { relation: 'same'; units: MappedUnit[] }
  | { relation: 'successors'; units: MappedUnit[] }
  | { relation: 'predecessors'; units: MappedUnit[] }
  | { relation: 'dissolved'; units: [] }
  | { relation: 'unknown'; units: [] };

export function endOf(code: string, model: OrgUnitModel): OrgUnitChange | undefined {
  return model.changes.find((change) => change.ends.includes(code));
}

export function isValidOn(unit: OrgUnitRecord, date: string, model: OrgUnitModel): boolean {
  const end = endOf(unit.code, model);
  return (
    (unit.validFrom === null || compareDates(unit.validFrom, date) <= 0) &&
    (end === undefined || compareDates(date, end.effectiveFrom) < 0)
  );
}

/** The units that exist on a date, in seed order. */
export function unitsValidOn(date: string, model: OrgUnitModel): OrgUnitRecord[] {
  return model.units.filter((unit) => isValidOn(unit, date, model));
}

/** The units of a level, existing on a date, whose territory lies in the plan's area wholly or in part. */
export function planAreaOn(
  date: string,
  model: OrgUnitModel,
  level: OrgUnitRecord['level'] = 'commune',
): OrgUnitRecord[] {
  return unitsValidOn(date, model).filter((unit) => unit.level === level && unit.planArea !== 'outside');
}

export function readOnBoundariesOf(code: string, date: string, model: OrgUnitModel): BoundaryReading {
  const unit = model.units.find((u) => u.code === code);
  if (!unit) return { relation: 'unknown', units: [] };
  if (isValidOn(unit, date, model)) return { relation: 'same', units: [{ code, relation: 'whole' }] };
  const end = endOf(code, model);
  if (end !== undefined && compareDates(date, end.effectiveFrom) >= 0) {
    const units = follow(code, date, model, 'forward', new Set());
    return units.length === 0 ? { relation: 'dissolved', units: [] } : { relation: 'successors', units };
  }
  return { relation: 'predecessors', units: follow(code, date, model, 'backward', new Set()) };
}

function follow(
  code: string,
  date: string,
  model: OrgUnitModel,
  direction: 'forward' | 'backward',
  seen: Set<string>,
): MappedUnit[] {
  if (seen.has(code)) return [];
  seen.add(code);
  const rows =
    direction === 'forward'
      ? (endOf(code, model)?.crosswalk.filter((row) => row.from === code) ?? []).map((row) => ({
          next: row.to,
          relation: row.relation,
        }))
      : model.changes
          .filter((change) => change.starts.includes(code))
          .flatMap((change) => change.crosswalk.filter((row) => row.to === code))
          .map((row) => ({ next: row.from, relation: row.relation }));
  const out = new Map<string, MappedUnit>();
  for (const { next, relation } of rows) {
    const unit = model.units.find((u) => u.code === next);
    if (!unit) continue;
    const reached = isValidOn(unit, date, model)
      ? [{ code: next, relation }]
      : follow(next, date, model, direction, seen).map((m) => ({
          code: m.code,
          relation: relation === 'whole' && m.relation === 'whole' ? ('whole' as const) : ('part' as const),
        }));
    for (const m of reached) {
      const known = out.get(m.code);
      out.set(m.code, known && known.relation === 'part' ? known : m);
    }
  }
  return [...out.values()];
}
