// A subsidy paid to a beneficiary for a period: once per programme, beneficiary and period.
import { defineAction } from '../actions/action-descriptor';
import {
  citizenIdField,
  communeField,
  communeLabel,
  enumField,
  newIdField,
  programmeField,
} from '../actions/common-fields';
import { subsidyPaymentAggregate } from './subsidy.aggregate';
import { PAYMENT_METHODS } from './subsidy.commands';

export const subsidyAction = defineAction({
  name: 'subsidy',
  label: { vi: 'Chi trả trợ cấp', en: 'Subsidy payment' },
  feature: 'one-off-actions',
  apiTag: 'subsidies',
  aggregate: subsidyPaymentAggregate,
  recordingTask: 'subsidy-payment',
  commands: {
    RecordSubsidyPayment: {
      type: 'RecordSubsidyPayment',
      importAs: 'subsidy_paid',
      label: { vi: 'Ghi nhận chi trả trợ cấp', en: 'Record a subsidy payment' },
      summary: 'Record a subsidy paid to a beneficiary for a period (once per programme and period)',
      route: { resource: 'subsidy-payments' },
      idField: 'paymentId',
      orgUnitField: 'commune',
      fields: [
        newIdField('paymentId', 'subsidy payment'),
        programmeField('tro-cap-xa-hoi'),
        citizenIdField('beneficiaryCitizenId', 'beneficiaryRef', {
          vi: 'Số CCCD người hưởng',
          en: "Beneficiary's citizen id",
        }),
        {
          name: 'period',
          type: 'period',
          required: true,
          example: '2026-11',
          label: { vi: 'Kỳ chi trả', en: 'Period' },
        },
        {
          name: 'amountVnd',
          type: 'moneyVnd',
          required: true,
          example: 40000000,
          label: { vi: 'Số tiền (đồng)', en: 'Amount (VND)' },
          help: 'Amount in VND (whole dong)',
        },
        enumField('method', PAYMENT_METHODS, { vi: 'Hình thức chi trả', en: 'Payment method' }),
        communeField(),
      ],
    },
  },
  events: {
    SubsidyPaid: {
      label: { vi: 'Chi trả trợ cấp', en: 'Subsidy paid' },
      example: {
        paymentId: 'P-1',
        programme: 'tro-cap-xa-hoi',
        beneficiaryRef: 'b-0123456789abcdef',
        period: '2025-05',
        amountVnd: 500_000,
        method: 'cash',
        commune: 'BA-PHUOC-DAI',
      },
      fields: {
        paymentId: { vi: 'Mã chi trả', en: 'Payment id' },
        programme: { vi: 'Chương trình', en: 'Programme' },
        beneficiaryRef: { vi: 'Mã người hưởng (ẩn danh)', en: 'Beneficiary reference' },
        period: { vi: 'Kỳ chi trả', en: 'Period' },
        amountVnd: { vi: 'Số tiền (đồng)', en: 'Amount (VND)' },
        method: { vi: 'Hình thức chi trả', en: 'Payment method' },
        commune: communeLabel,
      },
      numeric: ['amountVnd'],
      filterable: ['programme', 'method', 'commune'],
      period: ['period'],
      support: {
        refField: 'beneficiaryRef',
        family: 'social-support-payment',
        programme: { field: 'programme' },
        period: { field: 'period' },
        amount: { field: 'amountVnd', kind: 'paid' },
        duplicates: 'overlap',
        residenceBound: true,
        normed: true,
      },
    },
  },
});
