import { originalOf, specFor, type GivenEvent } from '../testing/decider-spec';
import { subsidyPaymentAggregate, subsidyPaymentStream } from './subsidy.aggregate';
import type { RecordSubsidyPayment } from './subsidy.commands';

const spec = specFor(subsidyPaymentAggregate);
const now = '2024-06-30T10:00:00+07:00';
const beneficiaryRef = 'b-0123456789abcdef0123456789abcdef';

const payment = {
  paymentId: 'PC-2024-0531',
  programme: 'tro-cap-xa-hoi',
  beneficiaryRef,
  period: '2024-05',
  amountVnd: 500_000,
  method: 'bank' as const,
  commune: 'PHUOC-DAI',
};
const paid: GivenEvent = {
  id: 'paid-1',
  type: 'SubsidyPaid',
  data: payment,
  metadata: { occurredAt: '2024-05-31' },
};

const pay = (over: Partial<RecordSubsidyPayment> = {}): RecordSubsidyPayment => ({
  type: 'RecordSubsidyPayment',
  ...payment,
  occurredAt: '2024-05-31T09:00:00+07:00',
  now,
  ...over,
});

describe('subsidy payment', () => {
  describe('RecordSubsidyPayment', () => {
    it('records the first payment of a period', () =>
      spec.given().when(pay()).then({ type: 'SubsidyPaid', data: payment }));

    it.each(['2024', '2024-12', '2024-Q4'])('accepts period %p', (period) =>
      spec
        .given()
        .when(pay({ period }))
        .then({ type: 'SubsidyPaid', data: { ...payment, period } }),
    );

    it('refuses a second payment for the same beneficiary, programme and period', () =>
      spec
        .given(paid)
        .when(pay({ paymentId: 'PC-2024-0601' }))
        .thenThrows('SUBSIDY_ALREADY_PAID', { kind: 'conflict' }));

    it('pays again once the first payment was retracted', () =>
      spec
        .given(paid, {
          type: 'EventCorrected',
          data: {
            correctsEventId: 'paid-1',
            correctedType: 'SubsidyPaid',
            kind: 'retraction',
            reason: 'paid to the wrong account, money returned',
            changes: null,
            original: originalOf(paid),
          },
        })
        .when(pay({ paymentId: 'PC-2024-0601' }))
        .then({ type: 'SubsidyPaid', data: { ...payment, paymentId: 'PC-2024-0601' } }));

    it('still refuses a second payment after the first was only amended', () =>
      spec
        .given(paid, {
          type: 'EventCorrected',
          data: {
            correctsEventId: 'paid-1',
            correctedType: 'SubsidyPaid',
            kind: 'amendment',
            reason: 'amount typed with one zero too many',
            changes: { amountVnd: 50_000 },
            original: originalOf(paid),
          },
        })
        .when(pay())
        .thenThrows('SUBSIDY_ALREADY_PAID', { kind: 'conflict' }));

    it.each(['a', 'Tro-cap', 'tro_cap', 'x'.repeat(41)])('refuses programme %p', (programme) =>
      spec
        .given()
        .when(pay({ programme }))
        .thenThrows('PROGRAMME_CODE_INVALID', { kind: 'invalid', field: 'programme' }),
    );

    it.each(['079123456789', 'b-XYZ', 'b_0123456789abcdef', ''])('refuses beneficiary reference %p', (ref) =>
      spec
        .given()
        .when(pay({ beneficiaryRef: ref }))
        .thenThrows('BENEFICIARY_REF_INVALID', { kind: 'invalid', field: 'beneficiaryRef' }),
    );

    it.each(['2024-13', '2024-5', '2024-Q5', '1999', '2024-05-01', 'Q1-2024'])(
      'refuses period %p',
      (period) =>
        spec.given().when(pay({ period })).thenThrows('PERIOD_INVALID', { kind: 'invalid', field: 'period' }),
    );

    it.each([0, 0.5, 100_000_000_001])('refuses amount %p', (amountVnd) =>
      spec
        .given()
        .when(pay({ amountVnd }))
        .thenThrows('AMOUNT_OUT_OF_RANGE', { kind: 'invalid', field: 'amountVnd' }),
    );

    it('refuses an unknown payment method', () =>
      spec
        .given()
        .when(pay({ method: 'cheque' as never }))
        .thenThrows('VALUE_NOT_ALLOWED', { kind: 'invalid', field: 'method' }));

    it('refuses a payment id with spaces', () =>
      spec
        .given()
        .when(pay({ paymentId: 'PC 1' }))
        .thenThrows('ID_INVALID', { kind: 'invalid', field: 'paymentId' }));

    it('refuses a missing commune', () =>
      spec
        .given()
        .when(pay({ commune: '' }))
        .thenThrows('TEXT_REQUIRED', { kind: 'invalid', field: 'commune' }));

    it('refuses a payment dated in the future', () =>
      spec
        .given()
        .when(pay({ occurredAt: '2024-07-01' }))
        .thenThrows('OCCURRED_AT_IN_FUTURE', { kind: 'invalid', field: 'occurredAt' }));
  });

  it('keys the stream by programme, beneficiary and period', () => {
    expect(subsidyPaymentStream(payment.programme, beneficiaryRef, payment.period)).toBe(
      `subsidy-payment-tro-cap-xa-hoi-${beneficiaryRef}-2024-05`,
    );
    expect(subsidyPaymentAggregate.streamFor(pay())).toBe(
      subsidyPaymentStream(payment.programme, beneficiaryRef, payment.period),
    );
  });
});
