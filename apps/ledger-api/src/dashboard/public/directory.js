// The plan's org units (the plan area, communes before and after the 2025 reorganisation) and its agencies,
// read once per page from the public lists, and their names in the current language.
import { getAll } from './api.js';
import { nameOf, t } from './i18n.js';

/** The plan's area (seeds/plan.json orgUnit): the default org unit, in force on every date. */
export const PLAN_AREA = 'PLAN-BAC-AI';

const cache = { orgUnits: null, agencies: null };

export async function orgUnits() {
  if (!cache.orgUnits) cache.orgUnits = await getAll('/org-units');
  return cache.orgUnits;
}

export async function agencies() {
  if (!cache.agencies) cache.agencies = await getAll('/agencies');
  return cache.agencies;
}

/** The communes of the plan's area (former ones, then those from the 2025 reorganisation). */
export function planCommunes(units) {
  return units
    .filter((u) => u.level === 'commune' && u.planArea !== 'outside')
    .sort(
      (a, b) =>
        (a.validFrom || '').localeCompare(b.validFrom || '') || nameOf(a).localeCompare(nameOf(b), 'vi'),
    );
}

export function unitName(code, units) {
  if (!code || code === PLAN_AREA) return nameOf(units.find((u) => u.code === PLAN_AREA)) || t('district');
  return nameOf(units.find((u) => u.code === code)) || code;
}

export function agencyName(code, list) {
  return nameOf(list.find((a) => a.code === code)) || code;
}
