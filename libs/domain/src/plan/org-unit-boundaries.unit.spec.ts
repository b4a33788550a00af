import { dutyHolderOn } from './agency-succession';
import { planAreaOn, readOnBoundariesOf, unitsValidOn } from './org-unit-boundaries';
import type { AgencySuccession } from './plan-records';
import { sampleSeed } from './testing/sample-records';

const seed = sampleSeed();
const model = { units: seed.orgUnits, changes: seed.orgUnitChanges };

describe('org units on the boundaries of a date', () => {
  it('lists the units that exist on each side of the change', () => {
    expect(unitsValidOn('2025-06-30', model).map((u) => u.code)).toEqual(['P-1', 'D-1', 'C-1', 'C-2']);
    expect(unitsValidOn('2025-07-01', model).map((u) => u.code)).toEqual(['P-1', 'N-1']);
    expect(planAreaOn('2025-07-01', model).map((u) => u.code)).toEqual(['N-1']);
  });

  it('reads an old commune in the new one it merged into', () =>
    expect(readOnBoundariesOf('C-2', '2026-01-01', model)).toEqual({
      relation: 'successors',
      units: [{ code: 'N-1', relation: 'whole' }],
    }));

  it('reads a new commune as the group of old ones it was made from', () =>
    expect(readOnBoundariesOf('N-1', '2024-01-01', model)).toEqual({
      relation: 'predecessors',
      units: [
        { code: 'C-1', relation: 'whole' },
        { code: 'C-2', relation: 'whole' },
      ],
    }));

  it('reads an abolished level as dissolved, and an unknown code as unknown', () => {
    expect(readOnBoundariesOf('D-1', '2025-07-01', model)).toEqual({ relation: 'dissolved', units: [] });
    expect(readOnBoundariesOf('X-1', '2025-07-01', model)).toEqual({ relation: 'unknown', units: [] });
  });

  it('follows several changes and keeps "part" when any step was partial', () => {
    const later = {
      ...seed.orgUnitChanges[0],
      changeId: 'CH-2',
      effectiveFrom: '2027-01-01',
      ends: ['N-1'],
      starts: ['M-1', 'M-2'],
      crosswalk: [
        { from: 'N-1', to: 'M-1', relation: 'part' as const, note: null },
        { from: 'N-1', to: 'M-2', relation: 'part' as const, note: null },
      ],
    };
    const unit = (code: string) => ({ ...seed.orgUnits[4], code, validFrom: '2027-01-01' });
    const twice = {
      units: [...seed.orgUnits, unit('M-1'), unit('M-2')],
      changes: [...seed.orgUnitChanges, later],
    };
    expect(readOnBoundariesOf('C-1', '2027-06-01', twice)).toEqual({
      relation: 'successors',
      units: [
        { code: 'M-1', relation: 'part' },
        { code: 'M-2', relation: 'part' },
      ],
    });
    expect(readOnBoundariesOf('M-1', '2024-01-01', twice).units.map((u) => u.code)).toEqual(['C-1', 'C-2']);
  });
});

describe("who holds an agency's duties on a date", () => {
  const successions = seed.agencySuccessions;

  it('is the agency itself before its succession', () =>
    expect(dutyHolderOn('LAB-D-1', 'C-1', '2025-06-30', successions)).toEqual({
      agency: 'LAB-D-1',
      chain: ['LAB-D-1'],
      unresolved: false,
    }));

  it('is the successor for the org units that passed to it', () =>
    expect(dutyHolderOn('LAB-D-1', 'C-2', '2025-07-01', successions).agency).toBe('SOC-N-1'));

  it('flags an org unit no successor took over', () =>
    expect(dutyHolderOn('LAB-D-1', 'D-1', '2025-07-01', successions)).toEqual({
      agency: 'LAB-D-1',
      chain: ['LAB-D-1'],
      unresolved: true,
    }));

  it('follows a chain of successions', () => {
    const next: AgencySuccession = {
      ...successions[0],
      predecessor: 'SOC-N-1',
      effectiveFrom: '2027-01-01',
      successors: [{ agency: 'HOME-N-1', orgUnits: null }],
    };
    expect(dutyHolderOn('LAB-D-1', 'C-1', '2027-01-01', [...successions, next]).chain).toEqual([
      'LAB-D-1',
      'SOC-N-1',
      'HOME-N-1',
    ]);
  });
});
