import {
  planModelFromSeed,
  baselineValueFor,
  baselineValuesOf,
  ratioBaselinesFor,
  unitsCountingIn,
} from '@ledger/domain';
import { projectionVersion, stableHash } from './reducer-helpers';
import { createLedgerProjections } from './ledger-projections';
import { samplePlanModel, sampleProjectionSeed } from './testing/sample-plan';

describe('the plan model the projections read', () => {
  const plan = samplePlanModel();

  it('rolls a commune up its tree: commune -> district -> province', () => {
    expect(plan.rollUps['D-1']).toEqual(['P-1']);
    expect(plan.rollUps['P-1']).toEqual([]);
  });

  it('counts an old commune in the commune it merged into, after its tree', () => {
    expect(plan.rollUps['C-1']).toEqual(['D-1', 'P-1', 'N-1']);
    expect(unitsCountingIn(plan, 'N-1')).toEqual(['N-1', 'C-1', 'C-2']);
    // Nothing counts in an ended commune: read after its end, it is what was recorded on it.
    expect(unitsCountingIn(plan, 'C-1')).toEqual(['C-1']);
  });

  it("rolls a commune made by the reorganisation up to the new parent and to the plan's district it came from", () => {
    expect(plan.rollUps['N-1']).toEqual(['P-1', 'D-1']);
    expect(unitsCountingIn(plan, 'D-1')).toEqual(['D-1', 'C-1', 'C-2', 'N-1']);
  });

  it('reads an old commune as the commune it merged into, on the latest boundaries', () => {
    expect(plan.latestUnit['C-1']).toBe('N-1');
    expect(plan.latestUnit['N-1']).toBe('N-1');
    // The district was dissolved: no single unit holds it.
    expect(plan.latestUnit['D-1']).toBeUndefined();
  });

  it('sums baselines up the tree and across a merger, never partially', () => {
    const population = baselineValuesOf(plan, 'population');
    expect(population).toEqual({ 'C-1': 3000, 'C-2': 2000 });
    expect(baselineValueFor(plan, population, 'C-1')).toBe(3000);
    expect(baselineValueFor(plan, population, 'D-1')).toBe(5000);
    expect(baselineValueFor(plan, population, 'N-1')).toBe(5000);
    expect(baselineValueFor(plan, { 'C-1': 3000 }, 'N-1')).toBeNull();
  });

  it('gives a ratio 0 for a part without a baseline series and the figure for one with it', () => {
    const floorArea = plan.definitions.find((d) => d.key === 'floor_area_per_person');
    expect(ratioBaselinesFor(plan, floorArea!, 'D-1')).toEqual({ numerator: 0, denominator: 5000 });
    expect(ratioBaselinesFor(plan, floorArea!, 'P-1')).toEqual({ numerator: 0, denominator: 5000 });
  });

  it('changes the versions of the projections that read the rules when the rules change', () => {
    const seed = sampleProjectionSeed();
    const houses = seed.indicators.find((i) => i.definition.key === 'houses_built')!;
    houses.definition.contributions = [
      {
        event: 'HouseHandedOver',
        measure: 'count',
        part: 'value',
        field: null,
        factor: 1,
        where: {},
        periodField: null,
      },
    ];
    const before = Object.fromEntries(createLedgerProjections(plan).map((p) => [p.name, p.version]));
    const after = Object.fromEntries(
      createLedgerProjections(planModelFromSeed(seed)).map((p) => [p.name, p.version]),
    );
    expect(after['indicator-progress']).not.toBe(before['indicator-progress']);
    // The trail stores no contributions: it works them out from the rules when it is read.
    expect(after['inspection-trail']).toBe(before['inspection-trail']);
    expect(after['beneficiary-history']).toBe(before['beneficiary-history']);
    expect(Math.floor(after['indicator-progress'] / 1000)).toBe(
      Math.floor(before['indicator-progress'] / 1000),
    );
  });

  it('hashes data the same whatever the order of its keys', () => {
    expect(stableHash({ a: 1, b: [1, 2] })).toBe(stableHash({ b: [1, 2], a: 1 }));
    expect(projectionVersion(3)).toBe(3000);
    expect(projectionVersion(3, { rules: 1 })).toBeGreaterThanOrEqual(3000);
    expect(projectionVersion(3, { rules: 1 })).toBeLessThan(4000);
  });

  it('lists six projections with distinct names and collections', () => {
    const projections = createLedgerProjections(plan);
    expect(projections.map((p) => p.name)).toEqual([
      'plan-catalog',
      'inspection-trail',
      'agency-trail',
      'beneficiary-history',
      'indicator-progress',
      'figure-assurance',
    ]);
    const collections = projections.flatMap((p) => p.collections);
    expect(new Set(collections).size).toBe(collections.length);
  });
});
