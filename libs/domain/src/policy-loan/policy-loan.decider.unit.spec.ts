import { originalOf, specFor, type GivenEvent } from '../testing/decider-spec';
import { policyLoanAggregate } from './policy-loan.aggregate';
import type { RecordPolicyLoanDisbursement } from './policy-loan.commands';

const spec = specFor(policyLoanAggregate);
const now = '2026-06-30T10:00:00+07:00';
const borrowerRef = 'b-0123456789abcdef0123456789abcdef';

const loan = {
  loanId: 'NHCS-BA-2026-00117',
  borrowerRef,
  commune: 'PHUOC-CHINH',
  programme: 'ho-ngheo',
  amountVnd: 50_000_000,
  termMonths: 60,
};
const disbursed: GivenEvent = {
  id: 'disbursed-1',
  type: 'PolicyLoanDisbursed',
  data: loan,
  metadata: { occurredAt: '2026-03-20' },
};

const disburse = (over: Partial<RecordPolicyLoanDisbursement> = {}): RecordPolicyLoanDisbursement => ({
  type: 'RecordPolicyLoanDisbursement',
  ...loan,
  occurredAt: '2026-03-20T09:00:00+07:00',
  now,
  ...over,
});
const amend = (changes: Record<string, unknown>) => ({
  type: 'CorrectEvent' as const,
  correctsEventId: 'disbursed-1',
  kind: 'amendment' as const,
  reason: 'the contract says 40 million over 36 months',
  changes,
  occurredAt: '2026-04-01',
  now,
});

describe('policy loan', () => {
  describe('RecordPolicyLoanDisbursement', () => {
    it('records a disbursement', () =>
      spec.given().when(disburse()).then({ type: 'PolicyLoanDisbursed', data: loan }));

    it.each([1, 240])('accepts a term of %p months', (termMonths) =>
      spec
        .given()
        .when(disburse({ termMonths }))
        .then({ type: 'PolicyLoanDisbursed', data: { ...loan, termMonths } }),
    );

    it('refuses the same loan disbursed twice', () =>
      spec
        .given(disbursed)
        .when(disburse())
        .thenThrows('POLICY_LOAN_ALREADY_DISBURSED', { kind: 'conflict' }));

    it.each([0, 241, 12.5])('refuses a term of %p months', (termMonths) =>
      spec
        .given()
        .when(disburse({ termMonths }))
        .thenThrows('TERM_OUT_OF_RANGE', { kind: 'invalid', field: 'termMonths' }),
    );

    it.each([0, -1, 100_000_000_001])('refuses amount %p', (amountVnd) =>
      spec
        .given()
        .when(disburse({ amountVnd }))
        .thenThrows('AMOUNT_OUT_OF_RANGE', { kind: 'invalid', field: 'amountVnd' }),
    );

    it('refuses a programme that is not a code', () =>
      spec
        .given()
        .when(disburse({ programme: 'Hộ nghèo' }))
        .thenThrows('PROGRAMME_CODE_INVALID', { kind: 'invalid', field: 'programme' }));

    it('refuses a citizen id in place of the borrower reference', () =>
      spec
        .given()
        .when(disburse({ borrowerRef: '058200000001' }))
        .thenThrows('BENEFICIARY_REF_INVALID', { kind: 'invalid', field: 'borrowerRef' }));
  });

  describe('corrections', () => {
    it('amends the amount and the term', () =>
      spec
        .given(disbursed)
        .when(amend({ amountVnd: 40_000_000, termMonths: 36 }))
        .then({
          type: 'EventCorrected',
          data: {
            correctsEventId: 'disbursed-1',
            correctedType: 'PolicyLoanDisbursed',
            kind: 'amendment',
            reason: 'the contract says 40 million over 36 months',
            changes: { amountVnd: 40_000_000, termMonths: 36 },
            original: originalOf(disbursed),
          },
        }));

    it('refuses a term out of range', () =>
      spec
        .given(disbursed)
        .when(amend({ termMonths: 300 }))
        .thenThrows('TERM_OUT_OF_RANGE', { kind: 'invalid', field: 'changes.termMonths' }));

    it('refuses to amend the programme', () =>
      spec
        .given(disbursed)
        .when(amend({ programme: 'nuoc-sach' }))
        .thenThrows('FIELD_NOT_AMENDABLE', { kind: 'invalid', field: 'changes.programme' }));
  });

  it('keys the stream by loan', () =>
    expect(policyLoanAggregate.streamFor(disburse())).toBe('policy-loan-NHCS-BA-2026-00117'));
});
