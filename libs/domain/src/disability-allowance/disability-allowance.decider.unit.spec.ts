import { originalOf, specFor, type GivenEvent } from '../testing/decider-spec';
import { disabilityAllowanceAggregate, disabilityAllowanceStream } from './disability-allowance.aggregate';
import type { RecordDisabilityAllowance } from './disability-allowance.commands';

const spec = specFor(disabilityAllowanceAggregate);
const now = '2026-06-30T10:00:00+07:00';
const beneficiaryRef = 'b-0123456789abcdef0123456789abcdef';

const allowance = {
  allowanceId: '6f1d2c3b-4a59-4e8f-9a0b-1c2d3e4f5a6b',
  beneficiaryRef,
  commune: 'PHUOC-DAI',
  severity: 'especially_severe' as const,
  monthlyAmountVnd: 900_000,
  decisionNo: '123/QĐ-UBND',
};
const granted: GivenEvent = {
  id: 'granted-1',
  type: 'DisabilityAllowanceGranted',
  data: allowance,
  metadata: { occurredAt: '2026-02-01' },
};
const correction = (
  kind: 'retraction' | 'amendment',
  changes: Record<string, unknown> | null,
): GivenEvent => ({
  type: 'EventCorrected',
  data: {
    correctsEventId: 'granted-1',
    correctedType: 'DisabilityAllowanceGranted',
    kind,
    reason: 'the council reassessed the degree of disability',
    changes,
    original: originalOf(granted),
  },
});

const grant = (over: Partial<RecordDisabilityAllowance> = {}): RecordDisabilityAllowance => ({
  type: 'RecordDisabilityAllowance',
  ...allowance,
  occurredAt: '2026-02-01T09:00:00+07:00',
  now,
  ...over,
});

describe('disability allowance', () => {
  describe('RecordDisabilityAllowance', () => {
    it('grants the allowance', () =>
      spec.given().when(grant()).then({ type: 'DisabilityAllowanceGranted', data: allowance }));

    it('refuses a second grant to the same beneficiary while the first stands', () =>
      spec
        .given(granted)
        .when(grant({ decisionNo: '200/QĐ-UBND', severity: 'severe' }))
        .thenThrows('DISABILITY_ALLOWANCE_ALREADY_GRANTED', { kind: 'conflict' }));

    it('still refuses it after the first grant was only amended', () =>
      spec
        .given(granted, correction('amendment', { monthlyAmountVnd: 540_000 }))
        .when(grant())
        .thenThrows('DISABILITY_ALLOWANCE_ALREADY_GRANTED', { kind: 'conflict' }));

    it('grants it again once the first grant was retracted', () =>
      spec
        .given(granted, correction('retraction', null))
        .when(grant({ decisionNo: '200/QĐ-UBND' }))
        .then({ type: 'DisabilityAllowanceGranted', data: { ...allowance, decisionNo: '200/QĐ-UBND' } }));

    it('refuses a severity the allowance is not for', () =>
      spec
        .given()
        .when(grant({ severity: 'mild' as never }))
        .thenThrows('VALUE_NOT_ALLOWED', { kind: 'invalid', field: 'severity' }));

    it.each([0, 0.5, 100_000_000_001])('refuses monthly amount %p', (monthlyAmountVnd) =>
      spec
        .given()
        .when(grant({ monthlyAmountVnd }))
        .thenThrows('AMOUNT_OUT_OF_RANGE', { kind: 'invalid', field: 'monthlyAmountVnd' }),
    );

    it('refuses a missing decision number', () =>
      spec
        .given()
        .when(grant({ decisionNo: '' }))
        .thenThrows('TEXT_REQUIRED', { kind: 'invalid', field: 'decisionNo' }));

    it('refuses a citizen id in place of the beneficiary reference', () =>
      spec
        .given()
        .when(grant({ beneficiaryRef: '058123456789' }))
        .thenThrows('BENEFICIARY_REF_INVALID', { kind: 'invalid', field: 'beneficiaryRef' }));

    it('refuses a grant dated in the future', () =>
      spec
        .given()
        .when(grant({ occurredAt: '2026-07-01' }))
        .thenThrows('OCCURRED_AT_IN_FUTURE', { kind: 'invalid', field: 'occurredAt' }));
  });

  describe('corrections', () => {
    it('amends the severity', () =>
      spec
        .given(granted)
        .when({
          type: 'CorrectEvent',
          correctsEventId: 'granted-1',
          kind: 'amendment',
          reason: 'the council reassessed the degree of disability',
          changes: { severity: 'severe' },
          occurredAt: '2026-03-01',
          now,
        })
        .then(correction('amendment', { severity: 'severe' })));

    it('refuses to amend the decision number', () =>
      spec
        .given(granted)
        .when({
          type: 'CorrectEvent',
          correctsEventId: 'granted-1',
          kind: 'amendment',
          reason: 'the decision number was typed wrong',
          changes: { decisionNo: '124/QĐ-UBND' },
          occurredAt: '2026-03-01',
          now,
        })
        .thenThrows('FIELD_NOT_AMENDABLE', { kind: 'invalid', field: 'changes.decisionNo' }));
  });

  it('keys the stream by beneficiary', () => {
    expect(disabilityAllowanceAggregate.streamFor(grant())).toBe(disabilityAllowanceStream(beneficiaryRef));
    expect(disabilityAllowanceStream(beneficiaryRef)).toBe(`disability-allowance-${beneficiaryRef}`);
  });
});
