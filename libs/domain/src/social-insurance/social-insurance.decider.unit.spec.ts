import { originalOf, specFor, type GivenEvent } from '../testing/decider-spec';
import {
  socialInsuranceEnrolmentAggregate,
  socialInsuranceEnrolmentStream,
} from './social-insurance.aggregate';
import type { RecordSocialInsuranceEnrolment } from './social-insurance.commands';

const spec = specFor(socialInsuranceEnrolmentAggregate);
const now = '2026-06-30T10:00:00+07:00';
const beneficiaryRef = 'b-0123456789abcdef0123456789abcdef';

const enrolment = {
  enrolmentId: 'BHXH-2026-0001',
  beneficiaryRef,
  commune: 'PHUOC-BINH',
  kind: 'voluntary' as const,
  year: 2026,
};
const enrolled: GivenEvent = {
  id: 'enrolled-1',
  type: 'SocialInsuranceEnrolled',
  data: enrolment,
  metadata: { occurredAt: '2026-02-01' },
};

const enrol = (over: Partial<RecordSocialInsuranceEnrolment> = {}): RecordSocialInsuranceEnrolment => ({
  type: 'RecordSocialInsuranceEnrolment',
  ...enrolment,
  occurredAt: '2026-02-01T09:00:00+07:00',
  now,
  ...over,
});

describe('social insurance enrolment', () => {
  describe('RecordSocialInsuranceEnrolment', () => {
    it.each(['compulsory', 'voluntary'] as const)('enrols a %s contributor for a year', (kind) =>
      spec
        .given()
        .when(enrol({ kind }))
        .then({ type: 'SocialInsuranceEnrolled', data: { ...enrolment, kind } }),
    );

    it('refuses a second enrolment in the same year, whatever its kind', () =>
      spec
        .given(enrolled)
        .when(enrol({ enrolmentId: 'BHXH-2026-0002', kind: 'compulsory' }))
        .thenThrows('SOCIAL_INSURANCE_ALREADY_ENROLLED', { kind: 'conflict' }));

    it('enrols again once the first enrolment was retracted', () =>
      spec
        .given(enrolled, {
          type: 'EventCorrected',
          data: {
            correctsEventId: 'enrolled-1',
            correctedType: 'SocialInsuranceEnrolled',
            kind: 'retraction',
            reason: 'the worker contributes through the employer',
            changes: null,
            original: originalOf(enrolled),
          },
        })
        .when(enrol({ kind: 'compulsory' }))
        .then({ type: 'SocialInsuranceEnrolled', data: { ...enrolment, kind: 'compulsory' } }));

    it('refuses an unknown kind', () =>
      spec
        .given()
        .when(enrol({ kind: 'private' as never }))
        .thenThrows('VALUE_NOT_ALLOWED', { kind: 'invalid', field: 'kind' }));

    it.each([0, 2026.5])('refuses year %p', (year) =>
      spec.given().when(enrol({ year })).thenThrows('YEAR_OUT_OF_RANGE', { kind: 'invalid', field: 'year' }),
    );

    it('refuses a year far from the enrolment', () =>
      spec
        .given()
        .when(enrol({ year: 2062 }))
        .thenThrows('YEAR_NOT_NEAR_OCCURRED_AT', { kind: 'invalid', field: 'year' }));

    it('refuses a citizen id in place of the reference', () =>
      spec
        .given()
        .when(enrol({ beneficiaryRef: '058200000001' }))
        .thenThrows('BENEFICIARY_REF_INVALID', { kind: 'invalid', field: 'beneficiaryRef' }));
  });

  it('keys the stream by beneficiary and year', () =>
    expect(socialInsuranceEnrolmentAggregate.streamFor(enrol())).toBe(
      `social-insurance-enrolment-${beneficiaryRef}-2026`,
    ));

  it('is not the stream of the same beneficiary another year', () =>
    expect(socialInsuranceEnrolmentStream(beneficiaryRef, 2027)).not.toBe(
      socialInsuranceEnrolmentStream(beneficiaryRef, 2026),
    ));
});
