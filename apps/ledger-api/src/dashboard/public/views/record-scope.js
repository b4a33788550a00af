// What an officer may name on a form, on the action's day: the communes (org units) their account covers that
// are in force that day (the 2025 reorganisation: the old communes until 30 June 2025, the merged ones from
// 1 July), and whether their own agency acts that day. Days are in Asia/Ho_Chi_Minh, whatever the browser's
// time zone. The server decides (write policy); this only keeps the form from offering what it would refuse.
import { PLAN_AREA, planCommunes } from '../directory.js';

const HANOI_OFFSET_MS = 7 * 3600 * 1000;

/** Now in the district's time (UTC+7), as a datetime-local value (YYYY-MM-DDTHH:MM). */
export function districtNow() {
  return new Date(Date.now() + HANOI_OFFSET_MS).toISOString().slice(0, 16);
}

/** A datetime-local value (district time) as the ISO date-time with +07:00 the API takes. */
export function districtDateTime(local) {
  const when = local.length === 16 ? `${local}:00` : local;
  return `${when}+07:00`;
}

const inForce = (record, day) =>
  (!record.validFrom || record.validFrom <= day) && (!record.validTo || day < record.validTo);

/**
 * Every unit the officer's units cover: themselves, the units below them, the units a merged commune was made
 * from, and every commune of the plan's area for an account on the plan's area.
 */
export function coveredUnits(own, units) {
  const children = new Map();
  const below = (parent, child) => {
    if (!children.has(parent)) children.set(parent, new Set());
    children.get(parent).add(child);
  };
  for (const u of units) {
    if (u.parent) below(u.parent, u.code);
    for (const p of u.predecessors || []) below(u.code, p.code);
  }
  for (const c of planCommunes(units)) if (c.planArea === 'within') below(PLAN_AREA, c.code);
  const out = new Set();
  const queue = [...(own || [])];
  while (queue.length > 0) {
    const code = queue.pop();
    if (out.has(code)) continue;
    out.add(code);
    for (const child of children.get(code) || []) queue.push(child);
  }
  return out;
}

/** The communes the officer may record in on this day (YYYY-MM-DD), and the plan's area when it is theirs. */
export function ownUnitsOn(day, officer, units) {
  const covered = coveredUnits(officer?.orgUnits, units);
  const communes = planCommunes(units).filter((u) => covered.has(u.code) && inForce(u, day));
  const area = units.find((u) => u.code === PLAN_AREA);
  return covered.has(PLAN_AREA) && area ? [...communes, area] : communes;
}

/** null when the agency acts on this day; else { code, validFrom, validTo } saying why it does not. */
export function agencyOutOfForce(code, day, list) {
  const agency = list.find((a) => a.code === code);
  if (!agency || inForce(agency, day)) return null;
  return { code, validFrom: agency.validFrom, validTo: agency.validTo };
}

/** The day (YYYY-MM-DD) of a datetime-local value in district time. */
export const dayOf = (local) => String(local || '').slice(0, 10);
