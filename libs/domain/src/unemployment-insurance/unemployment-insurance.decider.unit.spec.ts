import { originalOf, specFor, type GivenEvent } from '../testing/decider-spec';
import { unemploymentInsuranceEnrolmentAggregate } from './unemployment-insurance.aggregate';
import type { RecordUnemploymentInsuranceEnrolment } from './unemployment-insurance.commands';

const spec = specFor(unemploymentInsuranceEnrolmentAggregate);
const now = '2026-06-30T10:00:00+07:00';
const beneficiaryRef = 'b-0123456789abcdef0123456789abcdef';

const enrolment = { enrolmentId: 'BHTN-2026-0001', beneficiaryRef, commune: 'PHUOC-TIEN', year: 2026 };
const enrolled: GivenEvent = {
  id: 'enrolled-1',
  type: 'UnemploymentInsuranceEnrolled',
  data: enrolment,
  metadata: { occurredAt: '2026-03-01' },
};

const enrol = (
  over: Partial<RecordUnemploymentInsuranceEnrolment> = {},
): RecordUnemploymentInsuranceEnrolment => ({
  type: 'RecordUnemploymentInsuranceEnrolment',
  ...enrolment,
  occurredAt: '2026-03-01T09:00:00+07:00',
  now,
  ...over,
});

describe('unemployment insurance enrolment', () => {
  describe('RecordUnemploymentInsuranceEnrolment', () => {
    it('enrols a beneficiary for a year', () =>
      spec.given().when(enrol()).then({ type: 'UnemploymentInsuranceEnrolled', data: enrolment }));

    it('refuses a second enrolment in the same year', () =>
      spec
        .given(enrolled)
        .when(enrol({ enrolmentId: 'BHTN-2026-0002' }))
        .thenThrows('UNEMPLOYMENT_INSURANCE_ALREADY_ENROLLED', { kind: 'conflict' }));

    it('enrols again once the first enrolment was retracted', () =>
      spec
        .given(enrolled, {
          type: 'EventCorrected',
          data: {
            correctsEventId: 'enrolled-1',
            correctedType: 'UnemploymentInsuranceEnrolled',
            kind: 'retraction',
            reason: 'recorded for the wrong worker',
            changes: null,
            original: originalOf(enrolled),
          },
        })
        .when(enrol())
        .then({ type: 'UnemploymentInsuranceEnrolled', data: enrolment }));

    it('refuses a year that is not a whole number', () =>
      spec
        .given()
        .when(enrol({ year: Number.NaN }))
        .thenThrows('YEAR_OUT_OF_RANGE', { kind: 'invalid', field: 'year' }));

    it('refuses an over-long commune', () =>
      spec
        .given()
        .when(enrol({ commune: 'x'.repeat(101) }))
        .thenThrows('TEXT_TOO_LONG', { kind: 'invalid', field: 'commune' }));
  });

  it('keys the stream by beneficiary and year', () =>
    expect(unemploymentInsuranceEnrolmentAggregate.streamFor(enrol())).toBe(
      `unemployment-insurance-enrolment-${beneficiaryRef}-2026`,
    ));
});
