import { FieldChecker } from './plan-values';
import { expectedValueAt, formatTarget, meetsTarget, parseTarget, type Target } from './targets';

function target(raw: Record<string, unknown>): Target {
  const check = new FieldChecker();
  const parsed = parseTarget({ deadline: '2030-12-31', planText: 'x', ...raw }, check);
  if (!check.ok) throw new Error(JSON.stringify(check.problems));
  return parsed;
}

function problems(raw: Record<string, unknown>): string[] {
  const check = new FieldChecker([], 'target');
  parseTarget({ deadline: '2030-12-31', planText: 'x', ...raw }, check);
  return check.problems.map((p) => `${p.field}: ${p.code}`);
}

describe('targets', () => {
  it.each([
    [{ comparison: '<', value: 3 }, '%', '< 3 %'],
    [{ comparison: 'between', low: 45, high: 50 }, '%', '45-50 %'],
    [{ comparison: '>', value: 800 }, 'houses', '> 800 houses'],
    [{ comparison: 'about', value: 15 }, 'm2 per person', 'about 15 m2 per person'],
    [{ comparison: 'achieved' }, 'milestone', 'achieved'],
  ])('writes %j in %s as %p', (raw, unit, text) => expect(formatTarget(target(raw), unit)).toBe(text));

  it.each([
    [{ comparison: '<', value: 3 }, 2.9, true],
    [{ comparison: '<', value: 3 }, 3, false],
    [{ comparison: '>=', value: 60 }, 60, true],
    [{ comparison: 'between', low: 45, high: 50 }, 50, true],
    [{ comparison: 'between', low: 45, high: 50 }, 44.9, false],
    [{ comparison: 'achieved' }, 1, true],
    [{ comparison: 'achieved' }, 0, false],
    [{ comparison: 'about', value: 15 }, 15, null],
  ])('judges %j against %p as %p', (raw, value, met) => expect(meetsTarget(target(raw), value)).toBe(met));

  describe('expected by a date', () => {
    const houses = target({
      comparison: '>',
      value: 800,
      milestones: [
        { year: 2024, value: 100, illustrative: true },
        { year: 2025, value: 300, illustrative: true },
      ],
    });

    it('is unknown before the first milestone and without milestones', () => {
      expect(expectedValueAt(houses, '2024-06-30')).toBeNull();
      expect(expectedValueAt(target({ comparison: '<', value: 3 }), '2027-01-01')).toBeNull();
    });

    it('is the milestone on its day, linear between milestones, the last one after it', () => {
      expect(expectedValueAt(houses, '2024-12-31')).toBe(100);
      expect(expectedValueAt(houses, '2025-07-02')).toBeCloseTo(200, 0);
      expect(expectedValueAt(houses, '2029-01-01')).toBe(300);
    });
  });

  it('refuses malformed targets, naming the field', () => {
    expect(problems({ comparison: 'around', value: 3 })).toEqual(['target.comparison: VALUE_NOT_ALLOWED']);
    expect(problems({ comparison: '<' })).toEqual(['target.value: NUMBER_OUT_OF_RANGE']);
    expect(problems({ comparison: '<', value: 3, low: 1 })).toEqual(['target.low: FIELD_NOT_ALLOWED']);
    expect(problems({ comparison: 'achieved', value: 1 })).toEqual(['target.value: FIELD_NOT_ALLOWED']);
    expect(problems({ comparison: '<', value: 3, deadline: '2030-02-30' })).toEqual([
      'target.deadline: DATE_INVALID',
    ]);
    expect(
      problems({
        comparison: '>',
        value: 800,
        milestones: [
          { year: 2026, value: 300, illustrative: true },
          { year: 2025, value: 100, illustrative: true },
          { year: 2031, value: 900, illustrative: 'yes' },
        ],
      }),
    ).toEqual([
      'target.milestones[2].illustrative: BOOLEAN_REQUIRED',
      'target.milestones[1].year: MILESTONES_OUT_OF_ORDER',
      'target.milestones[2].year: MILESTONE_AFTER_DEADLINE',
    ]);
  });
});
