import {
  type RecordedEvent,
  type Target,
  monthFromIndex,
  monthIndex,
  planModelFromSeed,
  ratioBaselinesFor,
  unitsMeasuringAs,
} from '@ledger/domain';
import {
  createIndicatorProgressProjection,
  INDICATOR_MONTHS,
  type IndicatorMonthDoc,
} from './indicator-progress.projection';
import { progressAsOf, progressTowards, timeSeries } from './indicator-progress.read';
import { EventLog, project } from './testing/projection-spec';
import { samplePlanModel, sampleProjectionSeed } from './testing/sample-plan';

describe('reading indicator progress as of a date', () => {
  const plan = samplePlanModel();
  const projection = createIndicatorProgressProjection(plan);
  const definition = (key: string) => plan.definitions.find((d) => d.key === key)!;
  const docsOf = (events: RecordedEvent[], key: string, orgUnit: string) =>
    project(projection, events)
      .all<IndicatorMonthDoc>(INDICATOR_MONTHS)
      .filter((d) => d.indicatorKey === key && d.orgUnit === orgUnit);

  /** `perMonth` houses completed in C-1 every month of 2024. */
  const housesBuilt = (perMonth: number) => {
    const log = new EventLog({ orgUnit: 'C-1' });
    for (let m = 0; m < 12; m++) {
      const month = monthFromIndex(monthIndex('2024-01') + m);
      for (let i = 0; i < perMonth; i++) {
        log.record(
          `housing-case-HC-${m}-${i}`,
          'HousingConstructionCompleted',
          { caseId: `HC-${m}-${i}`, floorAreaM2: 45, occupants: 4 },
          { occurredAt: `${month}-15` },
        );
      }
    }
    return docsOf(log.events, 'houses_built', 'D-1');
  };
  const housesTarget: Target = {
    comparison: '>',
    value: 800,
    deadline: '2030-12-31',
    planText: 'hơn 800 căn',
    milestones: [
      { year: 2024, value: 115, illustrative: true, note: null },
      { year: 2030, value: 801, illustrative: false, note: null },
    ],
  };

  describe('a count with a target', () => {
    it('is on track when the linear forecast passes the target by the deadline', () => {
      const result = progressAsOf(housesBuilt(10), '2024-12-31', definition('houses_built'), housesTarget);
      expect(result).toMatchObject({
        indicatorKey: 'houses_built',
        orgUnit: 'D-1',
        asOf: '2024-12-31',
        value: 120,
        progress: 0.15,
        expectedByNow: 115,
        status: 'on_track',
        targetText: '> 800 houses',
        definitionVersion: 1,
        definitionVersions: [1],
        dataThrough: '2024-12',
      });
      expect(result.forecast).toBeGreaterThan(800);
      expect(result.forecast).toBeCloseTo(840, -1);
    });

    it('is at risk when the forecast gets at least 80% of the way, off track below', () => {
      expect(
        progressAsOf(housesBuilt(9), '2024-12-31', definition('houses_built'), housesTarget).status,
      ).toBe('at_risk');
      expect(
        progressAsOf(housesBuilt(2), '2024-12-31', definition('houses_built'), housesTarget).status,
      ).toBe('off_track');
    });

    it('reads only the months up to the date, and says so when there is nothing yet', () => {
      const docs = housesBuilt(10);
      expect(progressAsOf(docs, '2024-03-31', definition('houses_built'), housesTarget).value).toBe(30);
      expect(progressAsOf(docs, '2023-12-31', definition('houses_built'), housesTarget)).toMatchObject({
        value: null,
        status: 'no_data',
        expectedByNow: null,
      });
    });

    it('is achieved once the figure meets the target, and off track when the deadline passed without it', () => {
      const docs = housesBuilt(10);
      const small: Target = { ...housesTarget, value: 100, milestones: [] };
      expect(progressAsOf(docs, '2024-12-31', definition('houses_built'), small).status).toBe('achieved');
      expect(progressAsOf(docs, '2031-01-01', definition('houses_built'), housesTarget)).toMatchObject({
        value: 120,
        status: 'off_track',
        forecast: 120,
      });
    });

    it('gives a monthly series', () => {
      const series = timeSeries(housesBuilt(10), '2023-12', '2024-03', definition('houses_built'));
      expect(series.map((p) => [p.month, p.value])).toEqual([
        ['2023-12', null],
        ['2024-01', 10],
        ['2024-02', 20],
        ['2024-03', 30],
      ]);
    });
  });

  describe('a ratio counted per year', () => {
    const coverage = definition('health_insurance_coverage');
    const target: Target = {
      comparison: '=',
      value: 100,
      deadline: '2030-12-31',
      planText: '100%',
      milestones: [],
    };
    const enrolments = (count: number, year: number) => {
      const log = new EventLog({ orgUnit: 'C-1' });
      for (let i = 0; i < count; i++) {
        log.record(
          `health-insurance-enrolment-b-${i}-${year}`,
          'HealthInsuranceEnrolled',
          { enrolmentId: `E-${i}`, beneficiaryRef: `b-${i}`, commune: 'C-1', scheme: 'poor', year },
          { occurredAt: `${year - 1}-12-20` },
        );
      }
      return log.events;
    };

    it('divides the enrolments of the year by the baseline population, summed for the district', () => {
      const baselines = ratioBaselinesFor(plan, coverage, 'D-1');
      expect(baselines).toEqual({ numerator: 0, denominator: 5000 });
      const result = progressAsOf(
        docsOf(enrolments(4000, 2025), coverage.key, 'D-1'),
        '2025-06-30',
        coverage,
        target,
        baselines,
      );
      expect(result).toMatchObject({
        value: 80,
        numerator: 4000,
        denominator: 5000,
        progress: 0.8,
        forecast: 80,
        status: 'at_risk',
      });
    });

    it('counts afresh each year', () => {
      const docs = docsOf(enrolments(4000, 2025), coverage.key, 'D-1');
      const result = progressAsOf(
        docs,
        '2026-03-01',
        coverage,
        target,
        ratioBaselinesFor(plan, coverage, 'D-1'),
      );
      expect(result).toMatchObject({ value: null, status: 'no_data' });
    });

    describe('given cards for 2026 issued on 20 December 2025, 10 March, 15 June and 5 November 2026', () => {
      const issued = ['2025-12-20', '2026-03-10', '2026-06-15', '2026-11-05'];
      const cards = () => {
        const log = new EventLog({ orgUnit: 'C-1' });
        issued.forEach((day, i) =>
          log.record(
            `health-insurance-enrolment-b-${i}-2026`,
            'HealthInsuranceEnrolled',
            { enrolmentId: `E-${i}`, beneficiaryRef: `b-${i}`, commune: 'C-1', scheme: 'poor', year: 2026 },
            { occurredAt: `${day}T09:00:00+07:00` },
          ),
        );
        return docsOf(log.events, coverage.key, 'D-1');
      };
      // By the plan's definition: cards of the year issued by the date (a card issued ahead of its year
      // counts from 1 January) over the baseline population.
      const population = ratioBaselinesFor(plan, coverage, 'D-1').denominator!;
      const expected = (asOf: string) => {
        const counted = issued.filter((day) => (day < '2026-01-01' ? '2026-01-01' : day) <= asOf).length;
        return { numerator: counted, value: Number(((100 * counted) / population).toPrecision(15)) };
      };

      it('as of 30 June counts the cards issued by then, not the one of November', () => {
        const result = progressAsOf(
          cards(),
          '2026-06-30',
          coverage,
          target,
          ratioBaselinesFor(plan, coverage, 'D-1'),
        );
        expect(result).toMatchObject({ ...expected('2026-06-30'), denominator: population });
        expect(result.numerator).toBe(3);
      });

      it('as of 14 June counts neither the June card nor the November one', () => {
        const result = progressAsOf(
          cards(),
          '2026-06-14',
          coverage,
          target,
          ratioBaselinesFor(plan, coverage, 'D-1'),
        );
        expect(result).toMatchObject(expected('2026-06-14'));
        expect(result.numerator).toBe(2);
      });

      it('the monthly series puts each card in the month it was issued (one ahead of its year in January)', () => {
        const series = timeSeries(
          cards(),
          '2026-01',
          '2026-12',
          coverage,
          ratioBaselinesFor(plan, coverage, 'D-1'),
        );
        const byMonth = Object.fromEntries(series.map((p) => [p.month, p.numerator]));
        for (const point of series)
          expect(byMonth[point.month]).toBe(expected(`${point.month}-31`).numerator);
        expect([
          byMonth['2026-01'],
          byMonth['2026-02'],
          byMonth['2026-03'],
          byMonth['2026-10'],
          byMonth['2026-11'],
        ]).toEqual([1, 1, 2, 3, 4]);
      });
    });

    it('cannot divide without the baseline', () => {
      const docs = docsOf(enrolments(10, 2025), coverage.key, 'D-1');
      expect(progressAsOf(docs, '2025-06-30', coverage, target)).toMatchObject({
        value: null,
        denominator: null,
        status: 'no_data',
      });
    });
  });

  it('reads a share without a target as no_target, with its figure', () => {
    const log = new EventLog({ orgUnit: 'C-2' });
    for (const [i, method] of ['bank', 'cash', 'e_wallet', 'bank'].entries()) {
      log.record(`subsidy-payment-x.b-${i}.2024-05`, 'SubsidyPaid', {
        paymentId: `P-${i}`,
        programme: 'x',
        beneficiaryRef: `b-${i}`,
        period: '2024-05',
        amountVnd: 500_000,
        method,
        commune: 'C-2',
      });
    }
    const share = definition('cashless_payment_share');
    expect(progressAsOf(docsOf(log.events, share.key, 'C-2'), '2024-12-31', share, null)).toMatchObject({
      value: 75,
      numerator: 3,
      denominator: 4,
      status: 'no_target',
      progress: null,
    });
  });

  describe('a measured indicator', () => {
    const unemployment = definition('unemployment_rate');
    const target: Target = {
      comparison: '<',
      value: 3,
      deadline: '2030-12-31',
      planText: 'dưới 3%',
      milestones: [],
    };
    const measurements = (...figures: Array<[string, string, number]>) => {
      const log = new EventLog({ orgUnit: 'D-1' });
      for (const [orgUnit, period, value] of figures) {
        log.record(
          `measurement-unemployment_rate.${orgUnit}.${period}`,
          'MeasurementRecorded',
          {
            measurementId: `M-${orgUnit}-${period}`,
            indicatorKey: 'unemployment_rate',
            orgUnit,
            period,
            value,
            method: 'survey',
            source: 'LFS',
          },
          { orgUnit },
        );
      }
      return log.events;
    };

    it('takes the latest measurement of the unit itself, and measures progress down from the first one', () => {
      const docs = docsOf(
        measurements(['D-1', '2024', 4], ['D-1', '2025', 3.5], ['C-1', '2025', 9]),
        unemployment.key,
        'D-1',
      );
      const result = progressAsOf(docs, '2025-06-30', unemployment, target);
      expect(result).toMatchObject({ value: 3.5, progress: 0.5, status: 'on_track' });
      expect(result.forecast).toBeLessThan(3);
      expect(progressAsOf(docs, '2024-06-30', unemployment, target)).toMatchObject({ value: 4, progress: 0 });
    });

    it('as of a date shows only the measurements recorded by then (a survey of 2026 published in November)', () => {
      const log = new EventLog({ orgUnit: 'D-1' });
      const survey = (period: string, value: number, occurredAt: string) =>
        log.record(
          `measurement-unemployment_rate.D-1.${period}`,
          'MeasurementRecorded',
          {
            measurementId: `M-${period}`,
            indicatorKey: 'unemployment_rate',
            orgUnit: 'D-1',
            period,
            value,
            method: 'survey',
            source: 'LFS',
          },
          { occurredAt },
        );
      survey('2025', 4, '2026-02-10T09:00:00+07:00');
      survey('2026', 3.2, '2026-11-10T09:00:00+07:00');
      const docs = docsOf(log.events, unemployment.key, 'D-1');
      expect(progressAsOf(docs, '2026-01-31', unemployment, target)).toMatchObject({
        value: null,
        status: 'no_data',
      });
      expect(progressAsOf(docs, '2026-06-30', unemployment, target).value).toBe(4);
      expect(progressAsOf(docs, '2026-11-10', unemployment, target).value).toBe(3.2);
    });

    it('has no figure for a unit measured only below it', () => {
      const docs = docsOf(measurements(['C-1', '2025', 4]), unemployment.key, 'D-1');
      expect(progressAsOf(docs, '2025-06-30', unemployment, target).status).toBe('no_data');
    });

    describe("on the plan's area PA-1 (drawn on the district D-1, which ends on 2025-07-01)", () => {
      // The sample seed with the plan's area as a unit of its own: D-1, C-1, C-2 and N-1 lie within it.
      const seed = sampleProjectionSeed();
      const district = seed.orgUnits.find((u) => u.code === 'D-1')!;
      seed.orgUnits.unshift({ ...district, code: 'PA-1', level: 'plan_area', parent: null });
      seed.plan = { ...seed.plan, orgUnit: 'PA-1' };
      const areaPlan = planModelFromSeed(seed);
      const areaProjection = createIndicatorProgressProjection(areaPlan);
      // A plan-wide survey of 2024 recorded on the district, one of 2026 recorded on the plan's area.
      const surveys = [
        { orgUnit: 'D-1', period: '2024', value: 4.2, occurredAt: '2024-11-20T09:00:00+07:00' },
        { orgUnit: 'PA-1', period: '2026', value: 3.4, occurredAt: '2026-11-20T09:00:00+07:00' },
      ];
      const log = new EventLog();
      for (const m of surveys)
        log.record(
          `measurement-unemployment_rate.${m.orgUnit}.${m.period}`,
          'MeasurementRecorded',
          {
            measurementId: `M-${m.orgUnit}-${m.period}`,
            indicatorKey: 'unemployment_rate',
            orgUnit: m.orgUnit,
            period: m.period,
            value: m.value,
            method: 'survey',
            source: 'LFS',
          },
          { orgUnit: m.orgUnit, occurredAt: m.occurredAt },
        );
      const areaDocs = (orgUnit: string) =>
        project(areaProjection, log.events)
          .all<IndicatorMonthDoc>(INDICATOR_MONTHS)
          .filter((d) => d.indicatorKey === unemployment.key && d.orgUnit === orgUnit);
      const [before, after] = surveys;

      it('reads the units whose territory is the whole area as measuring for it, and no commune', () => {
        // The district, and N-1, made from both of its communes; each other unit reads only its own.
        expect(unitsMeasuringAs(areaPlan, 'PA-1')).toEqual(['PA-1', 'D-1', 'N-1']);
        for (const code of ['D-1', 'C-1', 'N-1']) expect(unitsMeasuringAs(areaPlan, code)).toEqual([code]);
      });

      it("reads the district's measurement before the reorganisation and its own after it", () => {
        const docs = areaDocs('PA-1');
        const sameArea = unitsMeasuringAs(areaPlan, 'PA-1');
        const read = (asOf: string) => progressAsOf(docs, asOf, unemployment, target, undefined, sameArea);
        expect(read('2024-12-31').value).toBe(before.value);
        expect(read('2026-12-31').value).toBe(after.value);
        // Progress runs down from the first measurement, the district's.
        expect(read('2026-12-31').progress).toBeCloseTo(
          (before.value - after.value) / (before.value - target.value),
        );
        // Without the units of the same area, only the plan area's own measurement reads.
        expect(progressAsOf(docs, '2024-12-31', unemployment, target).value).toBeNull();

        const series = timeSeries(docs, '2024-01', '2026-12', unemployment, undefined, undefined, sameArea);
        const valueIn = (month: string) => series.find((p) => p.month === month)!.value;
        expect(valueIn('2024-10')).toBeNull();
        expect(valueIn('2024-11')).toBe(before.value);
        expect(valueIn('2025-06')).toBe(before.value);
        expect(valueIn('2026-10')).toBe(before.value);
        expect(valueIn('2026-11')).toBe(after.value);
        expect(valueIn('2026-12')).toBe(after.value);
      });

      it('keeps the district reading only its own measurement', () => {
        const docs = areaDocs('D-1');
        const read = (asOf: string) =>
          progressAsOf(docs, asOf, unemployment, target, undefined, unitsMeasuringAs(areaPlan, 'D-1'));
        expect(read('2024-12-31').value).toBe(before.value);
        expect(read('2026-12-31').value).toBe(before.value);
      });
    });
  });

  describe('a qualitative milestone', () => {
    const malaria = definition('malaria_eliminated');
    const target: Target = {
      comparison: 'achieved',
      deadline: '2030-12-31',
      planText: 'loại trừ',
      milestones: [],
    };
    const measured = (...figures: Array<[string, number]>) => {
      const log = new EventLog({ orgUnit: 'D-1' });
      for (const [period, value] of figures) {
        log.record(`measurement-malaria_eliminated.D-1.${period}`, 'MeasurementRecorded', {
          measurementId: `M-${period}`,
          indicatorKey: 'malaria_eliminated',
          orgUnit: 'D-1',
          period,
          value,
          method: 'administrative',
          source: 'health centre',
        });
      }
      return docsOf(log.events, malaria.key, 'D-1');
    };

    it('is at risk until achieved, achieved once measured 1, off track after the deadline', () => {
      const docs = measured(['2024', 0], ['2027', 1]);
      expect(progressAsOf(docs, '2025-01-01', malaria, target)).toMatchObject({
        value: 0,
        progress: 0,
        status: 'at_risk',
      });
      expect(progressAsOf(docs, '2027-02-01', malaria, target)).toMatchObject({
        value: 1,
        progress: 1,
        status: 'achieved',
      });
      expect(progressAsOf(measured(['2024', 0]), '2031-01-01', malaria, target).status).toBe('off_track');
    });
  });

  it('measures progress towards a goal in the direction of the target', () => {
    const about: Target = {
      comparison: 'about',
      value: 2.1,
      deadline: '2030-12-31',
      planText: '2,1',
      milestones: [],
    };
    expect(progressTowards(about, 2.3, 2.5)).toBeCloseTo(0.5);
    expect(
      progressTowards({ ...about, comparison: 'between', low: 45, high: 50 } as Target, 36, 30),
    ).toBeCloseTo(0.8);
    expect(progressTowards({ ...about, comparison: '=', value: 0 }, 60, 120)).toBe(0.5);
  });

  describe('on the boundaries before and after the reorganisation (C-1 and C-2 merged into N-1 on 2025-07-01)', () => {
    // Two houses in C-1 and one in C-2 before the merger, one in N-1 after it.
    const houses = [
      { caseId: 'HB-1', orgUnit: 'C-1', occurredAt: '2024-05-10', floorAreaM2: 40 },
      { caseId: 'HB-2', orgUnit: 'C-1', occurredAt: '2025-02-10', floorAreaM2: 45 },
      { caseId: 'HB-3', orgUnit: 'C-2', occurredAt: '2025-03-10', floorAreaM2: 50 },
      { caseId: 'HB-4', orgUnit: 'N-1', occurredAt: '2025-09-10', floorAreaM2: 55 },
    ];
    const log = new EventLog();
    for (const h of houses) {
      log.record(
        `housing-case-${h.caseId}`,
        'HousingConstructionCompleted',
        { caseId: h.caseId, floorAreaM2: h.floorAreaM2, occupants: 4 },
        { orgUnit: h.orgUnit, occurredAt: h.occurredAt },
      );
    }
    const population = plan.baselines.filter((b) => b.key === 'population');
    const populationOf = (units: string[]) =>
      population.filter((b) => units.includes(b.orgUnit)).reduce((sum, b) => sum + b.value, 0);
    const upTo = (day: string, units: string[]) =>
      houses.filter((h) => h.occurredAt.slice(0, 7) <= day.slice(0, 7) && units.includes(h.orgUnit));
    const read = (key: string, orgUnit: string, asOf: string) =>
      progressAsOf(
        docsOf(log.events, key, orgUnit),
        asOf,
        definition(key),
        null,
        ratioBaselinesFor(plan, definition(key), orgUnit),
      );

    it('reads a commune made by the merger as the group of communes it was made from, at any date', () => {
      for (const asOf of ['2024-12-31', '2025-06-30', '2026-06-30']) {
        const group = upTo(asOf, ['C-1', 'C-2', 'N-1']);
        expect(read('houses_built', 'N-1', asOf).value).toBe(group.length);
      }
    });

    it('puts the numerator and the denominator of a ratio on the same boundary', () => {
      const asOf = '2026-06-30';
      const area = upTo(asOf, ['C-1', 'C-2', 'N-1']).reduce((sum, h) => sum + h.floorAreaM2, 0);
      const people = populationOf(['C-1', 'C-2']);
      expect(read('floor_area_per_person', 'N-1', asOf)).toMatchObject({
        numerator: area,
        denominator: people,
        value: Number((area / people).toPrecision(15)),
      });
      // The district read after its end is its communes, old and new: the same figure.
      expect(read('floor_area_per_person', 'D-1', asOf)).toMatchObject({
        numerator: area,
        denominator: people,
      });
    });

    it('reads an old commune after its end as what was recorded on it only', () => {
      const asOf = '2026-06-30';
      expect(read('houses_built', 'C-1', asOf).value).toBe(upTo(asOf, ['C-1']).length);
      const area = upTo(asOf, ['C-1']).reduce((sum, h) => sum + h.floorAreaM2, 0);
      expect(read('floor_area_per_person', 'C-1', asOf)).toMatchObject({
        numerator: area,
        denominator: populationOf(['C-1']),
      });
    });

    it('counts each house once in the province, through the old district or the new commune', () => {
      const asOf = '2026-06-30';
      expect(read('houses_built', 'P-1', asOf).value).toBe(upTo(asOf, ['C-1', 'C-2', 'N-1']).length);
    });
  });
});
