import { originalOf, specFor, type GivenEvent } from '../testing/decider-spec';
import { allowanceGrantAggregate, allowanceGrantStream } from './allowance-grant.aggregate';
import type { RecordAllowanceGrant } from './allowance-grant.commands';

const spec = specFor(allowanceGrantAggregate);
const now = '2026-06-30T10:00:00+07:00';
const beneficiaryRef = 'b-0123456789abcdef0123456789abcdef';

const allowance = {
  grantId: 'QD-TCXH-2026-031',
  beneficiaryRef,
  programme: 'tro-cap-xa-hoi',
  monthlyAmountVnd: 500_000,
  commune: 'PHUOC-DAI',
};
const granted: GivenEvent = {
  id: 'granted-1',
  type: 'AllowanceGranted',
  data: allowance,
  metadata: { occurredAt: '2026-02-01' },
};
const retracted: GivenEvent = {
  type: 'EventCorrected',
  data: {
    correctsEventId: 'granted-1',
    correctedType: 'AllowanceGranted',
    kind: 'retraction',
    reason: 'the beneficiary moved to another district',
    changes: null,
    original: originalOf(granted),
  },
};

const grant = (over: Partial<RecordAllowanceGrant> = {}): RecordAllowanceGrant => ({
  type: 'RecordAllowanceGrant',
  ...allowance,
  occurredAt: '2026-02-01T09:00:00+07:00',
  now,
  ...over,
});
const amend = (changes: Record<string, unknown>) => ({
  type: 'CorrectEvent' as const,
  correctsEventId: 'granted-1',
  kind: 'amendment' as const,
  reason: 'the decision sets 750,000 VND a month',
  changes,
  occurredAt: '2026-03-01',
  now,
});

describe('allowance grant', () => {
  describe('RecordAllowanceGrant', () => {
    it('grants an allowance', () =>
      spec.given().when(grant()).then({ type: 'AllowanceGranted', data: allowance }));

    it('refuses the same allowance granted twice while active', () =>
      spec
        .given(granted)
        .when(grant({ grantId: 'QD-TCXH-2026-077', monthlyAmountVnd: 750_000 }))
        .thenThrows('ALLOWANCE_ALREADY_GRANTED', { kind: 'conflict' }));

    it('grants again once the first grant was retracted', () =>
      spec
        .given(granted, retracted)
        .when(grant({ grantId: 'QD-TCXH-2026-077' }))
        .then({ type: 'AllowanceGranted', data: { ...allowance, grantId: 'QD-TCXH-2026-077' } }));

    it.each([0, 0.5, 100_000_000_001])('refuses monthly amount %p', (monthlyAmountVnd) =>
      spec
        .given()
        .when(grant({ monthlyAmountVnd }))
        .thenThrows('AMOUNT_OUT_OF_RANGE', { kind: 'invalid', field: 'monthlyAmountVnd' }),
    );

    it('refuses a programme that is not a code', () =>
      spec
        .given()
        .when(grant({ programme: 'TCXH' }))
        .thenThrows('PROGRAMME_CODE_INVALID', { kind: 'invalid', field: 'programme' }));
  });

  describe('corrections', () => {
    it('amends the monthly amount', () =>
      spec
        .given(granted)
        .when(amend({ monthlyAmountVnd: 750_000 }))
        .then({
          type: 'EventCorrected',
          data: {
            correctsEventId: 'granted-1',
            correctedType: 'AllowanceGranted',
            kind: 'amendment',
            reason: 'the decision sets 750,000 VND a month',
            changes: { monthlyAmountVnd: 750_000 },
            original: originalOf(granted),
          },
        }));

    it('refuses to amend the programme', () =>
      spec
        .given(granted)
        .when(amend({ programme: 'nguoi-co-cong' }))
        .thenThrows('FIELD_NOT_AMENDABLE', { kind: 'invalid', field: 'changes.programme' }));
  });

  it('keys the stream by programme and beneficiary', () => {
    expect(allowanceGrantAggregate.streamFor(grant())).toBe(
      `allowance-grant-tro-cap-xa-hoi-${beneficiaryRef}`,
    );
    expect(allowanceGrantStream('nguoi-co-cong', beneficiaryRef)).not.toBe(
      allowanceGrantStream('tro-cap-xa-hoi', beneficiaryRef),
    );
  });
});
