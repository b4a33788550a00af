import { originalOf, specFor, type GivenEvent } from '../testing/decider-spec';
import {
  healthInsuranceEnrolmentAggregate,
  healthInsuranceEnrolmentStream,
} from './health-insurance.aggregate';
import type { RecordHealthInsuranceEnrolment } from './health-insurance.commands';

const spec = specFor(healthInsuranceEnrolmentAggregate);
const now = '2026-06-30T10:00:00+07:00';
const beneficiaryRef = 'b-0123456789abcdef0123456789abcdef';

const enrolment = {
  enrolmentId: 'BHYT-2026-0001',
  beneficiaryRef,
  commune: 'PHUOC-DAI',
  scheme: 'ethnic_minority_area' as const,
  year: 2026,
};
const enrolled: GivenEvent = {
  id: 'enrolled-1',
  type: 'HealthInsuranceEnrolled',
  data: enrolment,
  metadata: { occurredAt: '2026-01-05' },
};

const enrol = (over: Partial<RecordHealthInsuranceEnrolment> = {}): RecordHealthInsuranceEnrolment => ({
  type: 'RecordHealthInsuranceEnrolment',
  ...enrolment,
  occurredAt: '2026-01-05T09:00:00+07:00',
  now,
  ...over,
});

describe('health insurance enrolment', () => {
  describe('RecordHealthInsuranceEnrolment', () => {
    it('enrols a beneficiary for a year, trimming the commune', () =>
      spec
        .given()
        .when(enrol({ commune: ' PHUOC-DAI ' }))
        .then({ type: 'HealthInsuranceEnrolled', data: enrolment }));

    it('enrols in December for the next year', () =>
      spec
        .given()
        .when(enrol({ occurredAt: '2025-12-20' }))
        .then({ type: 'HealthInsuranceEnrolled', data: enrolment }));

    it('refuses a second enrolment of the beneficiary in the same year', () =>
      spec
        .given(enrolled)
        .when(enrol({ enrolmentId: 'BHYT-2026-0002', scheme: 'poor' }))
        .thenThrows('HEALTH_INSURANCE_ALREADY_ENROLLED', { kind: 'conflict' }));

    it('enrols again once the first enrolment was retracted', () =>
      spec
        .given(enrolled, {
          type: 'EventCorrected',
          data: {
            correctsEventId: 'enrolled-1',
            correctedType: 'HealthInsuranceEnrolled',
            kind: 'retraction',
            reason: 'recorded under the wrong scheme',
            changes: null,
            original: originalOf(enrolled),
          },
        })
        .when(enrol({ scheme: 'poor' }))
        .then({ type: 'HealthInsuranceEnrolled', data: { ...enrolment, scheme: 'poor' } }));

    it('refuses an unknown scheme', () =>
      spec
        .given()
        .when(enrol({ scheme: 'gold' as never }))
        .thenThrows('VALUE_NOT_ALLOWED', { kind: 'invalid', field: 'scheme' }));

    it.each([1999, 2101, 2026.5, '2026' as unknown as number])('refuses year %p', (year) =>
      spec.given().when(enrol({ year })).thenThrows('YEAR_OUT_OF_RANGE', { kind: 'invalid', field: 'year' }),
    );

    it.each([2024, 2028])('refuses year %p, more than a year away from the enrolment', (year) =>
      spec
        .given()
        .when(enrol({ year }))
        .thenThrows('YEAR_NOT_NEAR_OCCURRED_AT', { kind: 'invalid', field: 'year' }),
    );

    it.each(['058200000001', 'b-XYZ', ''])('refuses beneficiary reference %p', (ref) =>
      spec
        .given()
        .when(enrol({ beneficiaryRef: ref }))
        .thenThrows('BENEFICIARY_REF_INVALID', { kind: 'invalid', field: 'beneficiaryRef' }),
    );

    it('refuses an enrolment id with spaces', () =>
      spec
        .given()
        .when(enrol({ enrolmentId: 'BHYT 1' }))
        .thenThrows('ID_INVALID', { kind: 'invalid', field: 'enrolmentId' }));

    it('refuses a missing commune', () =>
      spec
        .given()
        .when(enrol({ commune: ' ' }))
        .thenThrows('TEXT_REQUIRED', { kind: 'invalid', field: 'commune' }));

    it('refuses an enrolment dated in the future', () =>
      spec
        .given()
        .when(enrol({ occurredAt: '2026-07-01' }))
        .thenThrows('OCCURRED_AT_IN_FUTURE', { kind: 'invalid', field: 'occurredAt' }));
  });

  describe('corrections', () => {
    it('amends nothing: scheme and year are retracted and recorded again', () =>
      spec
        .given(enrolled)
        .when({
          type: 'CorrectEvent',
          correctsEventId: 'enrolled-1',
          kind: 'amendment',
          reason: 'the card is under the poor scheme',
          changes: { scheme: 'poor' },
          occurredAt: '2026-02-01',
          now,
        })
        .thenThrows('EVENT_NOT_AMENDABLE', { kind: 'conflict' }));
  });

  it('keys the stream by beneficiary and year', () => {
    expect(healthInsuranceEnrolmentStream(beneficiaryRef, 2026)).toBe(
      `health-insurance-enrolment-${beneficiaryRef}-2026`,
    );
    expect(healthInsuranceEnrolmentAggregate.streamFor(enrol())).toBe(
      healthInsuranceEnrolmentStream(beneficiaryRef, 2026),
    );
  });
});
