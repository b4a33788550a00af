import type { EventCorrectedData } from '../corrections/correction.event';
import { DomainError } from '../shared/domain-error';
import { parseContributionRule, type ContributionRule } from './contribution-rules';
import { checkMeasurementFits } from './indicator-key';
import {
  ContributionInputError,
  contributionsOf,
  differenceOf,
  indicatorRulesOf,
  reverseContributions,
  type ContributingEvent,
  type IndicatorRules,
} from './contributions';
import type { IndicatorDefinition } from './plan-records';
import { FieldChecker } from './plan-values';

/** Rules as a seed file writes them, validated the same way. */
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

const event = (type: string, data: Record<string, unknown>, id = `ev-${type}`): ContributingEvent => ({
  id,
  type,
  data,
  metadata: { orgUnit: 'C-1', occurredAt: '2025-05-20' },
});

const completed = event('HousingConstructionCompleted', { caseId: 'HC-1', floorAreaM2: 48.5, occupants: 4 });

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
];

/** A correction of `of` as decideCorrection writes it: carrying `of` as it stood, with its org unit and date. */
const correction = (
  kind: 'retraction' | 'amendment',
  changes: Record<string, unknown> | null,
  of = completed,
) =>
  event('EventCorrected', {
    correctsEventId: of.id as string,
    correctedType: of.type,
    kind,
    reason: 'typed from the wrong form',
    changes,
    original: { type: of.type, data: of.data, ...of.metadata },
  } satisfies EventCorrectedData);

describe('contributionsOf', () => {
  it('counts, sums and subtracts as the rules say, naming the definition version', () => {
    expect(contributionsOf(completed, housing)).toEqual([
      {
        mode: 'add',
        indicatorKey: 'houses_built',
        definitionVersion: 1,
        orgUnit: 'C-1',
        part: 'value',
        delta: 1,
        period: null,
      },
      {
        mode: 'add',
        indicatorKey: 'floor_area',
        definitionVersion: 1,
        orgUnit: 'C-1',
        part: 'numerator',
        delta: 48.5,
        period: null,
      },
      {
        mode: 'add',
        indicatorKey: 'houses_under_construction',
        definitionVersion: 1,
        orgUnit: 'C-1',
        part: 'value',
        delta: -1,
        period: null,
      },
    ]);
  });

  it('moves nothing for an event no rule names', () =>
    expect(contributionsOf(event('HouseHandedOver', { caseId: 'HC-1' }), housing)).toEqual([]));

  it('filters on data fields, one value or any of a list', () => {
    const latrines = [
      indicator('latrine_schools', {
        event: 'HygienicLatrineCompleted',
        measure: 'count',
        part: 'numerator',
        where: { facilityKind: 'school' },
      }),
      indicator('latrine_public', {
        event: 'HygienicLatrineCompleted',
        measure: 'count',
        part: 'numerator',
        where: { facilityKind: ['school', 'health_station'] },
      }),
    ];
    const at = (facilityKind: string) =>
      contributionsOf(event('HygienicLatrineCompleted', { facilityKind, commune: 'C-1' }), latrines).map(
        (c) => c.indicatorKey,
      );
    expect(at('school')).toEqual(['latrine_schools', 'latrine_public']);
    expect(at('health_station')).toEqual(['latrine_public']);
    expect(at('household')).toEqual([]);
  });

  it('puts a contribution in the period its data names', () => {
    const coverage = [
      indicator('hi', {
        event: 'HealthInsuranceEnrolled',
        measure: 'count',
        part: 'numerator',
        periodField: 'year',
      }),
    ];
    const [c] = contributionsOf(event('HealthInsuranceEnrolled', { year: 2026, commune: 'C-1' }), coverage);
    expect(c).toMatchObject({ mode: 'add', part: 'numerator', delta: 1, period: '2026' });
  });

  it('adds nothing when the summed field is missing (a foreign or damaged event)', () =>
    expect(
      contributionsOf(event('HousingConstructionCompleted', { caseId: 'HC-1' }), housing.slice(1, 2)),
    ).toEqual([]));

  describe('measurements', () => {
    const measured = [
      indicator('unemployment_rate', { event: 'MeasurementRecorded', measure: 'measurement' }),
      indicator('malaria_eliminated', { event: 'MeasurementRecorded', measure: 'measurement' }),
    ];
    const measurement = (over: Record<string, unknown> = {}) =>
      event('MeasurementRecorded', {
        measurementId: 'M-1',
        indicatorKey: 'unemployment_rate',
        orgUnit: 'D-1',
        period: '2025',
        value: 2.4,
        method: 'survey',
        source: 'labour force survey',
        ...over,
      });

    it('sets the value of the indicator it names, for its org unit and period', () =>
      expect(contributionsOf(measurement({ numerator: 120, denominator: 5000 }), measured)).toEqual([
        {
          mode: 'set',
          indicatorKey: 'unemployment_rate',
          definitionVersion: 1,
          orgUnit: 'D-1',
          period: '2025',
          measurementId: 'M-1',
          value: 2.4,
          numerator: 120,
          denominator: 5000,
        },
      ]));

    it('moves no other indicator', () =>
      expect(contributionsOf(measurement({ indicatorKey: 'houses_built' }), measured)).toEqual([]));

    it('is withdrawn by a retraction', () => {
      const [withdrawn] = contributionsOf(
        correction('retraction', null, measurement()),
        measured,
        measurement(),
      );
      expect(withdrawn).toMatchObject({ mode: 'set', measurementId: 'M-1', value: null, numerator: null });
    });

    it('is replaced by an amendment', () => {
      const amended = contributionsOf(
        correction('amendment', { value: 2.1 }, measurement()),
        measured,
        measurement(),
      );
      expect(amended).toEqual([expect.objectContaining({ mode: 'set', measurementId: 'M-1', value: 2.1 })]);
    });
  });

  describe('corrections', () => {
    it("takes a retracted event's contributions back", () =>
      expect(contributionsOf(correction('retraction', null), housing, completed)).toEqual(
        reverseContributions(contributionsOf(completed, housing)),
      ));

    it('contributes the difference an amendment makes (new - old), and nothing where it makes none', () =>
      expect(contributionsOf(correction('amendment', { floorAreaM2: 52 }), housing, completed)).toEqual([
        expect.objectContaining({ indicatorKey: 'floor_area', part: 'numerator', delta: 3.5 }),
      ]));

    it('moves an amended event into or out of a filter', () => {
      const rules = [
        indicator('overseas', {
          event: 'JobPlaced',
          measure: 'count',
          part: 'value',
          where: { kind: 'overseas_contract' },
        }),
      ];
      const placed = event('JobPlaced', { kind: 'domestic', commune: 'C-1' });
      expect(
        contributionsOf(correction('amendment', { kind: 'overseas_contract' }, placed), rules, placed),
      ).toEqual([expect.objectContaining({ indicatorKey: 'overseas', delta: 1 })]);
    });

    it('uses the original the correction carries when none is passed', () => {
      expect(contributionsOf(correction('retraction', null), housing)).toEqual(
        contributionsOf(correction('retraction', null), housing, completed),
      );
      expect(contributionsOf(correction('amendment', { floorAreaM2: 52 }), housing)).toEqual(
        contributionsOf(correction('amendment', { floorAreaM2: 52 }), housing, completed),
      );
    });

    it('takes back from the org unit the original was counted for', () => {
      const elsewhere = { ...completed, metadata: { orgUnit: 'C-2', occurredAt: '2025-05-20' } };
      const retracted = contributionsOf(correction('retraction', null, elsewhere), housing);
      expect(retracted.map((c) => c.orgUnit)).toEqual(['C-2', 'C-2', 'C-2']);
    });

    it("falls back to the correction's org unit when the original carries none", () => {
      const carried = correction('retraction', null);
      const { orgUnit: _dropped, ...original } = (carried.data as EventCorrectedData).original;
      const withoutOrgUnit = {
        ...carried,
        data: { ...(carried.data as object), original },
        metadata: { orgUnit: 'C-3' },
      };
      expect(contributionsOf(withoutOrgUnit, housing).map((c) => c.orgUnit)).toEqual(['C-3', 'C-3', 'C-3']);
    });

    it('needs the event it corrects, and that very event', () => {
      const { original: _dropped, ...bare } = correction('retraction', null).data as EventCorrectedData;
      expect(() => contributionsOf({ ...completed, type: 'EventCorrected', data: bare }, housing)).toThrow(
        ContributionInputError,
      );
      expect(() =>
        contributionsOf(correction('retraction', null), housing, { ...completed, id: 'another-event' }),
      ).toThrow(ContributionInputError);
    });
  });
});

describe('differenceOf', () => {
  it('is empty between equal contributions', () => {
    const same = contributionsOf(completed, housing);
    expect(differenceOf(same, same)).toEqual([]);
  });
});

describe('indicatorRulesOf', () => {
  const definition = (version: number, part: 'value' | 'numerator'): IndicatorDefinition =>
    ({
      key: 'k',
      version,
      contributions: rules({ event: 'JobPlaced', measure: 'count', part }),
    }) as IndicatorDefinition;

  it('takes the latest version of each indicator', () =>
    expect(indicatorRulesOf([definition(2, 'value'), definition(1, 'numerator')])).toEqual([
      { indicatorKey: 'k', definitionVersion: 2, rules: definition(2, 'value').contributions },
    ]));
});

describe('checkMeasurementFits', () => {
  const def = (kind: IndicatorDefinition['kind'], raw: unknown) =>
    ({ key: 'k', kind, contributions: rules(raw) }) as IndicatorDefinition;
  const measurementRule = { event: 'MeasurementRecorded', measure: 'measurement' };

  it('takes a milestone as 1 or 0 only', () => {
    expect(() => checkMeasurementFits(def('qualitative', measurementRule), 1)).not.toThrow();
    expect(() => checkMeasurementFits(def('qualitative', measurementRule), 0.5)).toThrow(
      expect.objectContaining({ code: 'MILESTONE_VALUE_INVALID', field: 'value' }),
    );
  });

  it('refuses a measurement of an indicator that actions move', () => {
    const error = (() => {
      try {
        checkMeasurementFits(def('count', { event: 'JobPlaced', measure: 'count', part: 'value' }), 3);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'INDICATOR_NOT_MEASURED', field: 'indicatorKey' });
  });
});
