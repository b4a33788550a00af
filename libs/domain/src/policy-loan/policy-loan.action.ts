// A policy loan disbursed to a borrower: once per loan contract.
import { defineAction } from '../actions/action-descriptor';
import { citizenIdField, communeField, communeLabel, programmeField } from '../actions/common-fields';
import { policyLoanAggregate } from './policy-loan.aggregate';

export const policyLoanAction = defineAction({
  name: 'policy-loan',
  label: { vi: 'Tín dụng chính sách', en: 'Policy credit' },
  feature: 'one-off-actions',
  apiTag: 'policy-credit',
  aggregate: policyLoanAggregate,
  recordingTask: 'policy-loan',
  commands: {
    RecordPolicyLoanDisbursement: {
      type: 'RecordPolicyLoanDisbursement',
      label: { vi: 'Ghi nhận giải ngân vốn vay', en: 'Record a loan disbursed' },
      summary: 'Record a policy loan disbursed to a borrower (once per loan)',
      route: { resource: 'policy-loans' },
      idField: 'loanId',
      orgUnitField: 'commune',
      fields: [
        {
          name: 'loanId',
          type: 'reference',
          required: false,
          newId: true,
          example: 'NHCS-BA-2026-00117',
          label: { vi: 'Số hợp đồng vay', en: 'Loan contract number' },
          help: 'The loan contract number of the lending bank; it keys the stream, so recording it twice is a conflict. Defaults to the event id.',
        },
        citizenIdField(
          'borrowerCitizenId',
          'borrowerRef',
          { vi: 'Số CCCD người vay', en: "Borrower's citizen id" },
          'the borrower',
        ),
        communeField(),
        programmeField('ho-ngheo'),
        {
          name: 'amountVnd',
          type: 'moneyVnd',
          required: true,
          example: 50000000,
          label: { vi: 'Số tiền giải ngân (đồng)', en: 'Amount disbursed (VND)' },
          help: 'Amount disbursed in VND (whole dong)',
        },
        {
          name: 'termMonths',
          type: 'integer',
          required: true,
          min: 1,
          max: 240,
          example: 60,
          label: { vi: 'Thời hạn (tháng)', en: 'Term (months)' },
        },
      ],
    },
  },
  events: {
    PolicyLoanDisbursed: {
      label: { vi: 'Giải ngân vốn vay chính sách', en: 'Policy loan disbursed' },
      example: {
        loanId: 'V-1',
        borrowerRef: 'h-0123456789abcdef',
        commune: 'BA-PHUOC-DAI',
        programme: 'ho-ngheo',
        amountVnd: 50_000_000,
        termMonths: 36,
      },
      fields: {
        loanId: { vi: 'Số hợp đồng vay', en: 'Loan id' },
        borrowerRef: { vi: 'Mã người vay (ẩn danh)', en: 'Borrower reference' },
        commune: communeLabel,
        programme: { vi: 'Chương trình', en: 'Programme' },
        amountVnd: { vi: 'Số tiền giải ngân (đồng)', en: 'Amount disbursed (VND)' },
        termMonths: { vi: 'Thời hạn (tháng)', en: 'Term (months)' },
      },
      numeric: ['amountVnd', 'termMonths'],
      filterable: ['commune', 'programme'],
      support: {
        refField: 'borrowerRef',
        family: 'policy-loan',
        programme: { field: 'programme' },
        period: { occurred: 'year' },
        amount: { field: 'amountVnd', kind: 'loan' },
        duplicates: 'overlap',
        residenceBound: true,
        normed: true,
      },
    },
  },
});
