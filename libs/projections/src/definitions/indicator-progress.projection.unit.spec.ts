import {
  createIndicatorProgressProjection,
  INDICATOR_MONTHS,
  indicatorMonthId,
  type IndicatorMonthDoc,
} from './indicator-progress.projection';
import { EventLog, project, projectionSpec } from './testing/projection-spec';
import { samplePlanModel } from './testing/sample-plan';

describe('indicator-progress projection', () => {
  const progress = createIndicatorProgressProjection(samplePlanModel());
  const spec = projectionSpec(progress);
  const month = (
    docs: ReturnType<ReturnType<typeof spec.given>['when']>,
    key: string,
    unit: string,
    m: string,
  ) => docs.get<IndicatorMonthDoc>(INDICATOR_MONTHS, indicatorMonthId(key, unit, m));

  /** HC-1 completed in C-1 and its floor area amended; HC-2 completed in C-2 and then retracted. */
  const houses = () => {
    const log = new EventLog({ agency: 'LAB-D-1' });
    const started = log.record(
      'housing-case-HC-1',
      'HousingConstructionStarted',
      { caseId: 'HC-1' },
      { orgUnit: 'C-1', occurredAt: '2024-03-05' },
    );
    const completed = log.record(
      'housing-case-HC-1',
      'HousingConstructionCompleted',
      { caseId: 'HC-1', floorAreaM2: 48, occupants: 4 },
      { orgUnit: 'C-1', occurredAt: '2024-06-10' },
    );
    const amended = log.correct(
      completed,
      'amendment',
      'floor area measured again on site',
      { floorAreaM2: 52.5 },
      { occurredAt: '2024-07-02' },
    );
    const other = log.record(
      'housing-case-HC-2',
      'HousingConstructionCompleted',
      { caseId: 'HC-2', floorAreaM2: 40, occupants: 3 },
      { orgUnit: 'C-2', occurredAt: '2024-06-20' },
    );
    const retracted = log.correct(other, 'retraction', 'recorded on the wrong case', null, {
      occurredAt: '2024-08-01',
    });
    return { log, started, completed, amended, other, retracted };
  };

  describe('given a house completed, its floor area amended, and another house retracted', () => {
    it('counts in the commune of each house, in the month it was completed', () => {
      const { started, completed, amended, other, retracted } = houses();
      const docs = spec.given(started, completed, amended, other).when(retracted);
      expect(month(docs, 'houses_built', 'C-1', '2024-06')).toMatchObject({
        indicatorKey: 'houses_built',
        orgUnit: 'C-1',
        level: 'commune',
        month: '2024-06',
        year: 2024,
        sums: { value: 1, numerator: 0, denominator: 0 },
        ownSums: { value: 1, numerator: 0, denominator: 0 },
        units: ['C-1'],
        definitionVersions: [1],
        events: 1,
      });
      expect(month(docs, 'floor_area_per_person', 'C-1', '2024-06')?.sums).toEqual({
        value: 0,
        numerator: 52.5,
        denominator: 0,
      });
      expect(month(docs, 'houses_built', 'C-2', '2024-06')).toMatchObject({
        sums: { value: 0 },
        events: 2,
        lastEventId: retracted.id,
      });
      expect(month(docs, 'floor_area_per_person', 'C-2', '2024-06')?.sums.numerator).toBe(0);
      // Nothing lands in the months of the corrections themselves.
      expect(
        docs.ids(INDICATOR_MONTHS).filter((id) => id.endsWith('2024-07') || id.endsWith('2024-08')),
      ).toEqual([]);
    });

    it('rolls the same contributions up to the district and the province', () => {
      const { started, completed, amended, other, retracted } = houses();
      const docs = spec.given(started, completed, amended, other).when(retracted);
      for (const unit of ['D-1', 'P-1']) {
        expect(month(docs, 'houses_built', unit, '2024-06')).toMatchObject({
          orgUnit: unit,
          level: unit === 'D-1' ? 'district' : 'province',
          sums: { value: 1 },
          ownSums: { value: 0 },
          units: ['C-1', 'C-2'],
          // the completion, the other completion and its retraction: the amendment moved no house count
          events: 3,
        });
        expect(month(docs, 'floor_area_per_person', unit, '2024-06')?.sums.numerator).toBe(52.5);
        expect(month(docs, 'houses_under_construction', unit, '2024-03')?.sums.value).toBe(1);
        expect(month(docs, 'houses_under_construction', unit, '2024-06')?.sums.value).toBe(-1);
      }
    });

    it('changes nothing when the same events are applied again', () => {
      const { log } = houses();
      const docs = project(progress, log.events);
      const before = docs.snapshot();
      project(progress, log.events, docs);
      project(progress, [log.events[2]], docs);
      expect(docs.snapshot()).toEqual(before);
    });
  });

  it("rolls a commune made in 2025 up to the new province and to the plan's district it came from", () => {
    const log = new EventLog();
    const completed = log.record(
      'housing-case-HC-9',
      'HousingConstructionCompleted',
      { caseId: 'HC-9', floorAreaM2: 45, occupants: 5 },
      { orgUnit: 'N-1', occurredAt: '2025-09-12' },
    );
    const docs = spec.given().when(completed);
    expect(docs.ids(INDICATOR_MONTHS).filter((id) => id.startsWith('houses_built:'))).toEqual([
      'houses_built:D-1:2025-09',
      'houses_built:N-1:2025-09',
      'houses_built:P-1:2025-09',
    ]);
  });

  it('puts a contribution for a named year in the first month of that year', () => {
    const log = new EventLog();
    const enrolled = log.record(
      'health-insurance-enrolment-b-1-2025',
      'HealthInsuranceEnrolled',
      { enrolmentId: 'BHYT-1', beneficiaryRef: 'b-1', commune: 'C-2', scheme: 'poor', year: 2025 },
      { orgUnit: 'C-2', occurredAt: '2024-12-20' },
    );
    const docs = spec.given().when(enrolled);
    expect(month(docs, 'health_insurance_coverage', 'C-2', '2025-01')?.sums).toEqual({
      value: 0,
      numerator: 1,
      denominator: 0,
    });
    expect(month(docs, 'health_insurance_coverage', 'C-2', '2024-12')).toBeNull();
  });

  it('keeps the standing measurements of a month, and withdraws a retracted one', () => {
    const log = new EventLog();
    const measure = (orgUnit: string, value: number) =>
      log.record(
        `measurement-unemployment_rate.${orgUnit}.2025`,
        'MeasurementRecorded',
        {
          measurementId: `M-${orgUnit}`,
          indicatorKey: 'unemployment_rate',
          orgUnit,
          period: '2025',
          value,
          method: 'survey',
          source: 'LFS',
        },
        { orgUnit, occurredAt: '2026-02-01' },
      );
    const district = measure('D-1', 3.4);
    const commune = measure('C-1', 4.1);
    const docs = spec.given(district).when(commune);
    expect(
      month(docs, 'unemployment_rate', 'D-1', '2025-01')?.measurements.map((m) => [m.orgUnit, m.value]),
    ).toEqual([
      ['C-1', 4.1],
      ['D-1', 3.4],
    ]);
    const retraction = log.correct(commune, 'retraction', 'survey sample too small');
    const after = project(progress, [retraction], docs);
    expect(month(after, 'unemployment_rate', 'D-1', '2025-01')?.measurements.map((m) => m.orgUnit)).toEqual([
      'D-1',
    ]);
    expect(month(after, 'unemployment_rate', 'C-1', '2025-01')?.measurements).toEqual([]);
  });

  it('ignores events that move no indicator', () => {
    const log = new EventLog();
    const opened = log.record('remains-case-RC-1', 'RemainsCaseOpened', {
      caseId: 'RC-1',
      site: 'x',
      commune: 'C-1',
    });
    expect(progress.keys(opened)).toEqual([]);
  });
  describe('given a payment at 2025-12-31T18:00:00Z (1 January 2026 in Bác Ái)', () => {
    it('counts it in January 2026 of its commune and of the district, not in December 2025', () => {
      const log = new EventLog({ agency: 'LAB-D-1' });
      const paid = log.record(
        'subsidy-payment-P-1',
        'SubsidyPaid',
        { paymentId: 'P-1', amountVnd: 1_500_000, method: 'bank', period: '2026-01' },
        { orgUnit: 'C-1', occurredAt: '2025-12-31T18:00:00Z' },
      );
      const docs = spec.given().when(paid);
      expect(month(docs, 'social_support_paid_vnd', 'C-1', '2026-01')?.sums.value).toBe(1_500_000);
      expect(month(docs, 'social_support_paid_vnd', 'C-1', '2025-12')).toBeNull();
      expect(month(docs, 'social_support_paid_vnd', 'D-1', '2026-01')?.year).toBe(2026);
    });
  });
});
