import { originalOf, specFor, type GivenEvent } from '../testing/decider-spec';
import { measurementAggregate, measurementStream } from './measurement.aggregate';
import type { RecordMeasurement } from './measurement.commands';

const spec = specFor(measurementAggregate);
const now = '2026-06-30T10:00:00+07:00';

const figure = {
  measurementId: 'DT-2026-Q1-001',
  indicatorKey: 'child_stunting_under5',
  orgUnit: 'PHUOC-DAI',
  period: '2026-Q1',
  value: 25,
  numerator: 50,
  denominator: 200,
  method: 'survey' as const,
  source: 'Điều tra dinh dưỡng quý I/2026, TTYT huyện',
};
const recorded: GivenEvent = {
  id: 'recorded-1',
  type: 'MeasurementRecorded',
  data: figure,
  metadata: { occurredAt: '2026-04-10' },
};

const record = (over: Partial<RecordMeasurement> = {}): RecordMeasurement => ({
  type: 'RecordMeasurement',
  ...figure,
  occurredAt: '2026-04-10T09:00:00+07:00',
  now,
  ...over,
});
const amend = (changes: Record<string, unknown>) => ({
  type: 'CorrectEvent' as const,
  correctsEventId: 'recorded-1',
  kind: 'amendment' as const,
  reason: 'the survey report was revised after re-weighing',
  changes,
  occurredAt: '2026-05-01',
  now,
});
const amended = (changes: Record<string, unknown>) => ({
  type: 'EventCorrected',
  data: {
    correctsEventId: 'recorded-1',
    correctedType: 'MeasurementRecorded',
    kind: 'amendment',
    reason: 'the survey report was revised after re-weighing',
    changes,
    original: originalOf(recorded),
  },
});

describe('measurement', () => {
  describe('RecordMeasurement', () => {
    it('records a figure with its counts', () =>
      spec.given().when(record()).then({ type: 'MeasurementRecorded', data: figure }));

    it('records a figure without counts, leaving them out of the data', () => {
      const { numerator: _n, denominator: _d, ...withoutCounts } = figure;
      return spec
        .given()
        .when(record({ numerator: undefined, denominator: undefined, method: 'estimate' }))
        .then({ type: 'MeasurementRecorded', data: { ...withoutCounts, method: 'estimate' } });
    });

    it('records a numerator alone (an absolute figure)', () => {
      const { denominator: _d, ...numeratorOnly } = figure;
      return spec
        .given()
        .when(record({ denominator: undefined }))
        .then({ type: 'MeasurementRecorded', data: numeratorOnly });
    });

    it.each(['2026', '2026-03', '2026-Q1'])('accepts period %p', (period) =>
      spec
        .given()
        .when(record({ period }))
        .then({ type: 'MeasurementRecorded', data: { ...figure, period } }),
    );

    it('accepts a numerator equal to the denominator', () =>
      spec
        .given()
        .when(record({ numerator: 200, value: 100 }))
        .then({ type: 'MeasurementRecorded', data: { ...figure, numerator: 200, value: 100 } }));

    it('refuses a second figure for the same indicator, org unit and period', () =>
      spec
        .given(recorded)
        .when(record({ measurementId: 'DT-2026-Q1-002', value: 24 }))
        .thenThrows('MEASUREMENT_ALREADY_RECORDED', { kind: 'conflict' }));

    it('records again once the first figure was retracted', () =>
      spec
        .given(recorded, {
          type: 'EventCorrected',
          data: {
            correctsEventId: 'recorded-1',
            correctedType: 'MeasurementRecorded',
            kind: 'retraction',
            reason: 'recorded for the wrong commune',
            changes: null,
            original: originalOf(recorded),
          },
        })
        .when(record())
        .then({ type: 'MeasurementRecorded', data: figure }));

    it('refuses a numerator above the denominator', () =>
      spec
        .given()
        .when(record({ numerator: 201 }))
        .thenThrows('NUMERATOR_EXCEEDS_DENOMINATOR', { kind: 'invalid', field: 'numerator' }));

    it('refuses a zero denominator with a numerator', () =>
      spec
        .given()
        .when(record({ numerator: 0, denominator: 0 }))
        .thenThrows('DENOMINATOR_NOT_POSITIVE', { kind: 'invalid', field: 'denominator' }));

    it.each([-1, Number.POSITIVE_INFINITY, '5' as unknown as number])('refuses numerator %p', (numerator) =>
      spec
        .given()
        .when(record({ numerator }))
        .thenThrows('MEASUREMENT_COUNT_INVALID', { kind: 'invalid', field: 'numerator' }),
    );

    it.each([Number.NaN, Number.NEGATIVE_INFINITY, '25' as unknown as number])('refuses value %p', (value) =>
      spec
        .given()
        .when(record({ value }))
        .thenThrows('MEASUREMENT_VALUE_INVALID', { kind: 'invalid', field: 'value' }),
    );

    it.each(['A', 'Ty-le', 'ty-le', 'ty.le', '_ty', 'x'.repeat(65)])(
      'refuses indicator key %p',
      (indicatorKey) =>
        spec
          .given()
          .when(record({ indicatorKey }))
          .thenThrows('INDICATOR_KEY_INVALID', { kind: 'invalid', field: 'indicatorKey' }),
    );

    it.each(['', 'X', 'PHUOC DAI', '-PHUOC'])('refuses org unit %p', (orgUnit) =>
      spec
        .given()
        .when(record({ orgUnit }))
        .thenThrows('ORG_UNIT_CODE_INVALID', { kind: 'invalid', field: 'orgUnit' }),
    );

    it.each(['2026-13', '2026-Q5', '26'])('refuses period %p', (period) =>
      spec
        .given()
        .when(record({ period }))
        .thenThrows('PERIOD_INVALID', { kind: 'invalid', field: 'period' }),
    );

    it('refuses an unknown method', () =>
      spec
        .given()
        .when(record({ method: 'guess' as never }))
        .thenThrows('VALUE_NOT_ALLOWED', { kind: 'invalid', field: 'method' }));

    it('refuses a missing source', () =>
      spec
        .given()
        .when(record({ source: '  ' }))
        .thenThrows('TEXT_REQUIRED', { kind: 'invalid', field: 'source' }));
  });

  describe('corrections', () => {
    it('amends a revised figure: value, counts and source', () =>
      spec
        .given(recorded)
        .when(amend({ value: 22.5, numerator: 45, source: 'Báo cáo điều tra (bản sửa)' }))
        .then(amended({ value: 22.5, numerator: 45, source: 'Báo cáo điều tra (bản sửa)' })));

    it('amends the method', () =>
      spec
        .given(recorded)
        .when(amend({ method: 'administrative_data' }))
        .then(amended({ method: 'administrative_data' })));

    it('refuses a numerator above the recorded denominator, naming the changed field', () =>
      spec
        .given(recorded)
        .when(amend({ numerator: 250 }))
        .thenThrows('NUMERATOR_EXCEEDS_DENOMINATOR', { kind: 'invalid', field: 'changes.numerator' }));

    it('refuses a denominator below the recorded numerator, naming the changed field', () =>
      spec
        .given(recorded)
        .when(amend({ denominator: 40 }))
        .thenThrows('NUMERATOR_EXCEEDS_DENOMINATOR', { kind: 'invalid', field: 'changes.denominator' }));

    it('checks counts against an earlier amendment', () =>
      spec
        .given(recorded, amended({ denominator: 100 }))
        .when(amend({ numerator: 150 }))
        .thenThrows('NUMERATOR_EXCEEDS_DENOMINATOR', { kind: 'invalid', field: 'changes.numerator' }));

    it('refuses a value that is not a number', () =>
      spec
        .given(recorded)
        .when(amend({ value: 'high' }))
        .thenThrows('MEASUREMENT_VALUE_INVALID', { kind: 'invalid', field: 'changes.value' }));

    it('refuses to amend the period, which keys the stream', () =>
      spec
        .given(recorded)
        .when(amend({ period: '2026-Q2' }))
        .thenThrows('FIELD_NOT_AMENDABLE', { kind: 'invalid', field: 'changes.period' }));
  });

  it('keys the stream by indicator, org unit and period, split by dots', () => {
    expect(measurementAggregate.streamFor(record())).toBe(
      'measurement-child_stunting_under5.PHUOC-DAI.2026-Q1',
    );
    // With '-' as the separator these two would share a stream.
    expect(measurementStream('ty-le-a', 'B', '2026')).not.toBe(measurementStream('ty-le', 'a-B', '2026'));
  });
});
