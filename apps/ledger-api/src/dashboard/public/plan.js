// How the plan groups its 2030 targets. Section II.2 of the plan states them in four paragraphs (social
// security and labour; education, population and health; housing, water and sanitation; culture and
// information); the seeds give every target section "II.2" without the paragraph, so the paragraphs are
// listed here in the plan's order. A target not listed lands in "other", so a new seed never disappears.
export const TARGET_GROUPS = [
  {
    id: 'social',
    title: 'groupSocial',
    keys: [
      'merit_families_living_standard',
      'unemployment_rate',
      'trained_labour_certified_rate',
      'social_insurance_coverage',
      'unemployment_insurance_coverage',
      'retirement_age_income_coverage',
      'care_allowance_poor_households',
      'minimum_living_standard_ensured',
      'allowance_for_poor_unable_to_escape',
    ],
  },
  {
    id: 'education-health',
    title: 'groupEduHealth',
    keys: [
      'preschool_universal_3_5',
      'primary_net_enrolment',
      'lower_secondary_net_enrolment',
      'upper_secondary_net_enrolment',
      'literacy_level_2',
      'replacement_fertility',
      'life_expectancy',
      'healthy_life_years',
      'hdi_relative_to_national',
      'health_insurance_coverage',
      'primary_care_paid_by_health_insurance',
      'population_health_managed',
      'expanded_immunisation',
      'child_stunting_under5',
      'aids_tb_epidemics_ended',
      'malaria_eliminated',
    ],
  },
  {
    id: 'housing-water',
    title: 'groupHousing',
    keys: [
      'houses_built',
      'temporary_houses_remaining',
      'housing_floor_area_per_person',
      'clean_water_households',
      'hygienic_latrine_households',
      'hygienic_latrine_schools',
      'hygienic_latrine_health_stations',
      'rural_wastewater_collection',
      'domestic_wastewater_treated',
    ],
  },
  {
    id: 'culture',
    title: 'groupCulture',
    keys: ['culture_and_broadcast_access'],
  },
];

/**
 * Splits the /indicators items into the plan's groups (targets of II.2, in the plan's order) and the
 * tracked tasks of section III (by section). Returns [{id, title, section?, items}].
 */
export function groupIndicators(items) {
  const byKey = new Map(items.map((item) => [item.indicator.key, item]));
  const placed = new Set();
  const groups = [];
  for (const group of TARGET_GROUPS) {
    const members = group.keys.map((key) => byKey.get(key)).filter(Boolean);
    members.forEach((item) => placed.add(item.indicator.key));
    if (members.length) groups.push({ id: group.id, title: group.title, items: members, targets: true });
  }
  const rest = items.filter((item) => !placed.has(item.indicator.key));
  const otherTargets = rest.filter((item) => item.progress.target);
  if (otherTargets.length)
    groups.push({ id: 'other', title: 'groupOther', items: otherTargets, targets: true });
  const tasks = new Map();
  for (const item of rest.filter((i) => !i.progress.target)) {
    const section = item.indicator.section || '';
    if (!tasks.has(section)) tasks.set(section, []);
    tasks.get(section).push(item);
  }
  const sections = [...tasks.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const section of sections)
    groups.push({
      id: `tasks-${section}`,
      title: 'section',
      section,
      items: tasks.get(section),
      targets: false,
    });
  return groups;
}

/** The target's number for a chart line: its value, or the low end of a range; null for milestones. */
export function targetNumber(target) {
  if (!target) return null;
  if (typeof target.value === 'number') return target.value;
  if (typeof target.low === 'number') return target.low;
  return null;
}
