import { parseContributionRule, type ContributionRule } from './contribution-rules';
import type { ContributingEvent, IndicatorRules } from './contributions';
import { indicatorsMovedBy } from './indicators-moved';
import { FieldChecker } from './plan-values';

function rules(...raw: unknown[]): ContributionRule[] {
  const check = new FieldChecker();
  const parsed = raw.map((r, i) => parseContributionRule(r, check.nested(`[${i}]`)));
  if (!check.ok) throw new Error(JSON.stringify(check.problems));
  return parsed;
}

const indicator = (indicatorKey: string, ...raw: unknown[]): IndicatorRules => ({
  indicatorKey,
  definitionVersion: 1,
  rules: rules(...raw),
});

const event = (type: string, data: Record<string, unknown>): ContributingEvent => ({
  id: `ev-${type}`,
  type,
  data,
  metadata: { orgUnit: 'C-1', occurredAt: '2025-05-20' },
});

const housing = [
  indicator('houses_built', { event: 'HousingConstructionCompleted', measure: 'count', part: 'value' }),
  indicator('floor_area', {
    event: 'HousingConstructionCompleted',
    measure: 'sum',
    field: 'floorAreaM2',
    part: 'numerator',
  }),
  indicator(
    'houses_under_construction',
    { event: 'HousingConstructionStarted', measure: 'count', part: 'value' },
    { event: 'HousingConstructionCompleted', measure: 'count', part: 'value', factor: -1 },
  ),
  indicator('cases_registered', { event: 'HousingCaseRegistered', measure: 'count', part: 'value' }),
];

describe('the indicators a write moved', () => {
  it('names every indicator and part the events contribute to, with what they added or took back', () => {
    const floorAreaM2 = 48.5;
    expect(
      indicatorsMovedBy([event('HousingConstructionCompleted', { caseId: 'HC-1', floorAreaM2 })], housing),
    ).toEqual([
      { key: 'houses_built', part: 'value', change: 1 },
      { key: 'floor_area', part: 'numerator', change: floorAreaM2 },
      { key: 'houses_under_construction', part: 'value', change: -1 },
    ]);
  });

  it('sums the events of one write and leaves out a part whose changes cancel out', () => {
    const started = event('HousingConstructionStarted', { caseId: 'HC-1' });
    const completed = event('HousingConstructionCompleted', { caseId: 'HC-1', floorAreaM2: 40 });
    expect(indicatorsMovedBy([started, completed], housing).map((m) => m.key)).toEqual([
      'houses_built',
      'floor_area',
    ]);
  });

  it('is empty for an event no rule counts', () => {
    expect(indicatorsMovedBy([event('HouseHandedOver', { caseId: 'HC-1' })], housing)).toEqual([]);
  });
});
