// Org units and agencies are in force between their dates (DESIGN.md, time and boundaries). A write dated
// on or after a unit's or an agency's end names its successor instead; one dated before a unit or agency
// began names what was in force then. Agencies with no recorded succession stay in force.
// The write path asks it (write-policy.ts, refuseOutOfForce) about every action it may record: a refusal
// is a 409 that names what to use instead, and nothing is appended.
import { compareDates } from '../plan/plan-values';
import { endOf, readOnBoundariesOf, type OrgUnitModel } from '../plan/org-unit-boundaries';
import { planAreasOf } from '../plan/plan-area';
import type { AgencyRecord, AgencySuccession } from '../plan/plan-records';

export interface InForceModel {
  orgUnits: OrgUnitModel;
  agencies: readonly Pick<AgencyRecord, 'code' | 'validFrom'>[];
  successions: readonly AgencySuccession[];
}

export type OutOfForceCode =
  'ORG_UNIT_ENDED' | 'ORG_UNIT_NOT_YET_IN_FORCE' | 'AGENCY_ENDED' | 'AGENCY_NOT_YET_IN_FORCE';

export interface OutOfForce {
  /** The error code a write refused on it would carry (409). */
  reason: OutOfForceCode;
  message: string;
  /** What to name instead: the successors (or, before a start, the units it was made from). */
  instead: string[];
}

/**
 * The org unit a write names, on the day the action happened: null when it is in force then. Only a unit
 * the write names itself (a new case, a one-off action) is checked: a step on an existing case stays in the
 * case's unit, which its successor's officers reach through the crosswalk (OrgScope).
 */
export function orgUnitOutOfForce(code: string, day: string, model: InForceModel): OutOfForce | null {
  const unit = model.orgUnits.units.find((u) => u.code === code);
  if (!unit) return null; // unknown units are the scope's to refuse (400)
  const reading = readOnBoundariesOf(code, day, model.orgUnits);
  const names = (units: readonly { code: string }[]) => units.map((u) => u.code);
  switch (reading.relation) {
    case 'same':
    case 'unknown':
      return null;
    case 'successors':
    case 'dissolved': {
      const end = endOf(code, model.orgUnits)!;
      // A dissolved level (the district) goes on as the plan area drawn on it, when there is one (a plan-wide
      // write names the plan area); else as the units its former children went to.
      const areas = planAreasOf(code, model.orgUnits.units);
      const instead =
        reading.relation === 'successors'
          ? names(reading.units)
          : areas.length > 0
            ? areas
            : successorsOfChildren(code, day, model);
      return {
        reason: 'ORG_UNIT_ENDED',
        message: `org unit ${code} ended on ${end.effectiveFrom}; on ${day} record in ${instead.join(' or ') || 'the unit in force'}`,
        instead,
      };
    }
    case 'predecessors': {
      const instead = names(reading.units);
      return {
        reason: 'ORG_UNIT_NOT_YET_IN_FORCE',
        message: `org unit ${code} begins on ${unit.validFrom}; on ${day} record in ${instead.join(' or ')}`,
        instead,
      };
    }
  }
}

/** A dissolved level (the district) is read through its former children: their units on that day. */
function successorsOfChildren(code: string, day: string, model: InForceModel): string[] {
  const out = new Set<string>();
  for (const child of model.orgUnits.units.filter((u) => u.parent === code)) {
    const reading = readOnBoundariesOf(child.code, day, model.orgUnits);
    if (reading.relation === 'same' || reading.relation === 'successors')
      for (const u of reading.units) out.add(u.code);
  }
  return [...out].sort();
}

/**
 * The agency a write is made by, on the day the action happened: null when it is in force then. An agency
 * ends when a succession takes its duties (for the org unit written to, its successor there is named).
 */
export function agencyOutOfForce(
  agency: string,
  orgUnit: string,
  day: string,
  model: InForceModel,
): OutOfForce | null {
  const record = model.agencies.find((a) => a.code === agency);
  if (record?.validFrom && compareDates(day, record.validFrom) < 0) {
    const before = model.successions
      .filter((s) => s.successors.some((x) => x.agency === agency))
      .map((s) => s.predecessor);
    return {
      reason: 'AGENCY_NOT_YET_IN_FORCE',
      message: `agency ${agency} begins on ${record.validFrom}; on ${day} ${before.length > 0 ? `${before.join(' or ')} recorded this` : 'it cannot record'}`,
      instead: before,
    };
  }
  const succession = model.successions.find(
    (s) => s.predecessor === agency && compareDates(s.effectiveFrom, day) <= 0,
  );
  if (!succession) return null;
  const forUnit = succession.successors.filter(
    (s) => s.orgUnits === null || s.orgUnits.includes(orgUnit) || coversThrough(s.orgUnits, orgUnit, model),
  );
  const instead = (forUnit.length > 0 ? forUnit : succession.successors).map((s) => s.agency);
  return {
    reason: 'AGENCY_ENDED',
    message: `agency ${agency} ended on ${succession.effectiveFrom}: its duties passed to ${instead.join(' or ')}`,
    instead,
  };
}

/** Whether a unit the successor's old units went into is the one written to. */
function coversThrough(units: readonly string[], orgUnit: string, model: InForceModel): boolean {
  return units.some((code) =>
    (endOf(code, model.orgUnits)?.crosswalk ?? []).some((row) => row.from === code && row.to === orgUnit),
  );
}
