// The plan as the projections read it: built once from the seed at start-up and handed to the projection
// factories, so that reducers never look anything up. What a reducer reads from here is part of its
// version (projectionVersion), so a change of the rules, the tree or the norms rebuilds its documents.
import { indicatorRulesOf, type IndicatorRules } from './contributions';
import { endOf, readOnBoundariesOf, type OrgUnitModel } from './org-unit-boundaries';
import type {
  AgencySuccession,
  BaselineRecord,
  IndicatorDefinition,
  OrgUnitLevel,
  OrgUnitRecord,
} from './plan-records';
import { isPlanArea, planAreaMembers } from './plan-area';
import type { PlanSeed } from './plan-seed';
import type { Target } from './targets';
import { addDays } from '../shared/event-reading';

/** The support a norm caps. HousingCase: the funding approved for one house, all sources together. */
export type NormedSupport = 'SubsidyPaid' | 'AllowanceGranted' | 'PolicyLoanDisbursed' | 'HousingCase';

export interface ProgrammeNorm {
  support: NormedSupport;
  /** The programme code it applies to; null: any programme without a norm of its own. */
  programme: string | null;
  maxVnd: number;
  /** month: the cap is per month of the period paid or granted; case / loan: per house / per loan. */
  per: 'month' | 'case' | 'loan';
  /** true: a figure for the ledger to flag on, not the legal norm. */
  illustrative: boolean;
  note: string;
}

/**
 * ILLUSTRATIVE norms, not the legal ones: they only decide when beneficiary history raises
 * `above_programme_norm` for an inspector to look at. Replace them with the decree figures (per programme)
 * by passing `norms` to planModelFromSeed.
 */
export const ILLUSTRATIVE_PROGRAMME_NORMS: readonly ProgrammeNorm[] = [
  {
    support: 'SubsidyPaid',
    programme: null,
    maxVnd: 3_000_000,
    per: 'month',
    illustrative: true,
    note: 'a monthly social allowance above 3,000,000 VND per month of the period paid is unusual',
  },
  {
    support: 'AllowanceGranted',
    programme: null,
    maxVnd: 3_000_000,
    per: 'month',
    illustrative: true,
    note: 'a monthly allowance granted above 3,000,000 VND is unusual',
  },
  {
    support: 'HousingCase',
    programme: null,
    maxVnd: 100_000_000,
    per: 'case',
    illustrative: true,
    note: 'housing support above 100,000,000 VND for one house, all sources together, is unusual',
  },
  {
    support: 'PolicyLoanDisbursed',
    programme: null,
    maxVnd: 100_000_000,
    per: 'loan',
    illustrative: true,
    note: 'a policy loan above 100,000,000 VND to one household is unusual',
  },
];

export interface PlanModel {
  planId: string;
  /**
   * The org unit the plan covers: its plan area (a unit of its own, reading as every unit within it, old
   * and new, at any date), or the district it was drawn on for a plan that names one.
   */
  planOrgUnit: string;
  periodFrom: string;
  periodTo: string;
  orgUnits: OrgUnitModel;
  levels: Readonly<Record<string, OrgUnitLevel>>;
  /**
   * code -> the units its figures also count in, nearest first: its ancestors on the tree (a unit is never
   * re-parented: a reorganisation makes new units, so a unit's parents are the boundaries in force while it
   * exists); then, for a unit that ended with its whole territory in one unit (an old commune merged into a
   * new one, the old province into the new), that unit and everything it counts in, so that a new unit reads
   * as the group of units it was made from at any date; then the plan's area for every unit within it (a
   * plan drawn on a district instead: for a unit made after the district ended whose territory came wholly
   * from units inside it). Nothing counts in an ended unit after its end: read after it (the district, an
   * old commune), it holds what was recorded on it and the units under it. A territory that went to a unit only in part cannot be split and counts only where it was.
   */
  rollUps: Readonly<Record<string, readonly string[]>>;
  /** code -> the unit that holds its territory on the latest boundaries, when that is one unit. */
  latestUnit: Readonly<Record<string, string>>;
  /** Every definition of the seed, every version. */
  definitions: readonly IndicatorDefinition[];
  /** The rules in force: the latest version of each indicator. */
  rules: readonly IndicatorRules[];
  targets: Readonly<Record<string, Target | null>>;
  /** baseline key -> the indicators whose numerator or denominator starts from it. */
  baselineUsers: Readonly<Record<string, readonly string[]>>;
  baselines: readonly BaselineRecord[];
  successions: readonly AgencySuccession[];
  norms: readonly ProgrammeNorm[];
}

export interface PlanModelOptions {
  /** Defaults to ILLUSTRATIVE_PROGRAMME_NORMS. */
  norms?: readonly ProgrammeNorm[];
}

export function planModelFromSeed(seed: PlanSeed, options: PlanModelOptions = {}): PlanModel {
  const orgUnits: OrgUnitModel = { units: seed.orgUnits, changes: seed.orgUnitChanges };
  const definitions = seed.indicators.map((i) => i.definition);
  const baselineUsers: Record<string, string[]> = {};
  for (const d of definitions) {
    for (const part of [d.numerator, d.denominator]) {
      const key = part?.baseline;
      if (!key) continue;
      const users = (baselineUsers[key] ??= []);
      if (!users.includes(d.key)) users.push(d.key);
    }
  }
  return {
    planId: seed.plan.planId,
    planOrgUnit: seed.plan.orgUnit,
    periodFrom: seed.plan.periodFrom,
    periodTo: seed.plan.periodTo,
    orgUnits,
    levels: Object.fromEntries(seed.orgUnits.map((u) => [u.code, u.level])),
    rollUps: rollUpsOf(orgUnits, seed.plan.orgUnit),
    latestUnit: latestUnitsOf(orgUnits),
    definitions,
    rules: indicatorRulesOf(definitions),
    targets: Object.fromEntries(seed.indicators.map((i) => [i.definition.key, i.target])),
    baselineUsers,
    baselines: seed.baselines.flatMap(({ values, ...series }) =>
      Object.entries(values).map(([orgUnit, value]) => ({ ...series, orgUnit, value })),
    ),
    successions: seed.agencySuccessions,
    norms: options.norms ?? ILLUSTRATIVE_PROGRAMME_NORMS,
  };
}

function ancestorsOf(unit: OrgUnitRecord, byCode: ReadonlyMap<string, OrgUnitRecord>): string[] {
  const chain: string[] = [];
  let parent = unit.parent;
  while (parent !== null && !chain.includes(parent) && parent !== unit.code) {
    chain.push(parent);
    parent = byCode.get(parent)?.parent ?? null;
  }
  return chain;
}

function rollUpsOf(model: OrgUnitModel, planOrgUnit: string): Record<string, string[]> {
  const byCode = new Map(model.units.map((u) => [u.code, u]));
  const ancestors = new Map(model.units.map((u) => [u.code, ancestorsOf(u, byCode)]));
  // A plan area (a unit of its own) holds every unit within it, old and new; a plan drawn on a district
  // holds the district's tree.
  const planArea = isPlanArea(byCode.get(planOrgUnit));
  const members = new Set(planArea ? planAreaMembers(model.units) : []);
  const insidePlan = (code: string) =>
    code === planOrgUnit || members.has(code) || (ancestors.get(code) ?? []).includes(planOrgUnit);
  const direct = new Map<string, string[]>();
  for (const unit of model.units) {
    const chain = [...(ancestors.get(unit.code) ?? [])];
    for (const row of endOf(unit.code, model)?.crosswalk ?? []) {
      if (row.from === unit.code && row.relation === 'whole' && byCode.has(row.to)) chain.push(row.to);
    }
    direct.set(unit.code, chain);
  }
  const out: Record<string, string[]> = {};
  for (const unit of model.units) {
    // Closed over: what a unit counts in, counts in what that unit counts in (each unit once).
    const reached: string[] = [];
    const queue = [...(direct.get(unit.code) ?? [])];
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (next === unit.code || reached.includes(next)) continue;
      reached.push(next);
      queue.push(...(direct.get(next) ?? []));
    }
    if (members.has(unit.code) && !reached.includes(planOrgUnit)) reached.push(planOrgUnit);
    // The plan's unit only, not what it counts in: an ended unit holds nothing recorded after its end.
    if (!insidePlan(unit.code) && unit.validFrom !== null && !reached.includes(planOrgUnit)) {
      const before = readOnBoundariesOf(unit.code, addDays(unit.validFrom, -1), model);
      if (
        before.relation === 'predecessors' &&
        before.units.length > 0 &&
        before.units.every((p) => insidePlan(p.code))
      ) {
        reached.push(planOrgUnit);
      }
    }
    out[unit.code] = reached;
  }
  return out;
}

function latestUnitsOf(model: OrgUnitModel): Record<string, string> {
  const latest = model.changes
    .map((c) => c.effectiveFrom)
    .sort()
    .at(-1);
  const out: Record<string, string> = {};
  for (const unit of model.units) {
    if (latest === undefined) {
      out[unit.code] = unit.code;
      continue;
    }
    const reading = readOnBoundariesOf(unit.code, latest, model);
    if (reading.relation === 'same') out[unit.code] = unit.code;
    else if (reading.relation === 'successors' && reading.units.length === 1) {
      out[unit.code] = reading.units[0].code;
    }
  }
  return out;
}

/** The units whose figures count in `orgUnit` (itself first). */
export function unitsCountingIn(plan: PlanModel, orgUnit: string): string[] {
  return [
    orgUnit,
    ...Object.entries(plan.rollUps)
      .filter(([code, ups]) => code !== orgUnit && ups.includes(orgUnit))
      .map(([code]) => code),
  ];
}

/**
 * The latest figure of each org unit for a baseline series, from the seed (or from `recorded`, e.g. the
 * baselines the plan catalog holds after amendments).
 */
export function baselineValuesOf(
  plan: PlanModel,
  key: string,
  recorded: readonly Pick<BaselineRecord, 'key' | 'orgUnit' | 'value' | 'asOf'>[] = plan.baselines,
): Record<string, number> {
  const latest = new Map<string, { asOf: string; value: number }>();
  for (const b of recorded) {
    if (b.key !== key) continue;
    const known = latest.get(b.orgUnit);
    if (!known || b.asOf >= known.asOf) latest.set(b.orgUnit, { asOf: b.asOf, value: b.value });
  }
  return Object.fromEntries([...latest].map(([unit, { value }]) => [unit, value]));
}

/**
 * A baseline figure for any unit: its own; else, for a unit made by a reorganisation, the sum of the units it
 * was made from; else the sum of the units that count in it (the district is the sum of its communes).
 * null when some of the units it was made from have no figure: a partial sum would understate the unit.
 */
export function baselineValueFor(
  plan: PlanModel,
  values: Readonly<Record<string, number>>,
  orgUnit: string,
  seen: ReadonlySet<string> = new Set(),
): number | null {
  if (Object.hasOwn(values, orgUnit)) return values[orgUnit];
  if (seen.has(orgUnit)) return null;
  // A unit made by a reorganisation: the units it was made from (they count in it too, so their sum is
  // on the same boundary as its figures), never a part of them.
  const unit = plan.orgUnits.units.find((u) => u.code === orgUnit);
  const before =
    unit && unit.validFrom !== null
      ? readOnBoundariesOf(orgUnit, addDays(unit.validFrom, -1), plan.orgUnits)
      : null;
  if (before?.relation === 'predecessors' && before.units.length > 0) {
    let sum = 0;
    for (const p of before.units) {
      const value = baselineValueFor(plan, values, p.code, new Set([...seen, orgUnit]));
      if (value === null) return null;
      sum += value;
    }
    return sum;
  }
  const below = unitsCountingIn(plan, orgUnit)
    .slice(1)
    .filter((code) => Object.hasOwn(values, code))
    // A unit whose figure is already inside a nearer unit's figure is not counted twice.
    .filter((code) => {
      const ups = plan.rollUps[code] ?? [];
      return !ups.slice(0, ups.indexOf(orgUnit)).some((up) => Object.hasOwn(values, up));
    });
  return below.length > 0 ? below.reduce((sum, code) => sum + values[code], 0) : null;
}

/**
 * What a ratio starts from in an org unit: the baseline of each part, 0 for a part that has no baseline
 * series, null for a part whose series has no figure for the unit (the ratio cannot be computed then).
 */
export interface RatioBaselines {
  numerator: number | null;
  denominator: number | null;
}

export function ratioBaselinesFor(
  plan: PlanModel,
  definition: Pick<IndicatorDefinition, 'numerator' | 'denominator'>,
  orgUnit: string,
  recorded: readonly Pick<BaselineRecord, 'key' | 'orgUnit' | 'value' | 'asOf'>[] = plan.baselines,
): RatioBaselines {
  const part = (key: string | null | undefined) =>
    key ? baselineValueFor(plan, baselineValuesOf(plan, key, recorded), orgUnit) : 0;
  return {
    numerator: part(definition.numerator?.baseline),
    denominator: part(definition.denominator?.baseline),
  };
}
