// A monthly allowance granted to a beneficiary (a decision, not a payment).
import { defineAction } from '../actions/action-descriptor';
import {
  citizenIdField,
  communeField,
  communeLabel,
  newIdField,
  programmeField,
} from '../actions/common-fields';
import { allowanceGrantAggregate } from './allowance-grant.aggregate';

export const allowanceGrantAction = defineAction({
  name: 'allowance-grant',
  label: { vi: 'Trợ cấp hằng tháng', en: 'Monthly allowance' },
  feature: 'one-off-actions',
  apiTag: 'allowances',
  aggregate: allowanceGrantAggregate,
  recordingTask: 'allowance-grant',
  commands: {
    RecordAllowanceGrant: {
      type: 'RecordAllowanceGrant',
      label: { vi: 'Ghi nhận quyết định trợ cấp', en: 'Record an allowance grant' },
      summary:
        'Record a monthly allowance granted to a beneficiary (once per programme while the grant stands)',
      route: { resource: 'allowance-grants' },
      idField: 'grantId',
      orgUnitField: 'commune',
      fields: [
        newIdField('grantId', 'allowance grant'),
        citizenIdField(
          'beneficiaryCitizenId',
          'beneficiaryRef',
          { vi: 'Số CCCD người hưởng', en: "Beneficiary's citizen id" },
          'the beneficiary',
        ),
        programmeField('tro-cap-xa-hoi'),
        {
          name: 'monthlyAmountVnd',
          type: 'moneyVnd',
          required: true,
          example: 500000,
          label: { vi: 'Mức hằng tháng (đồng)', en: 'Monthly amount (VND)' },
          help: 'Monthly amount in VND (whole dong)',
        },
        communeField(),
      ],
    },
  },
  events: {
    AllowanceGranted: {
      label: { vi: 'Quyết định trợ cấp hằng tháng', en: 'Monthly allowance granted' },
      example: {
        grantId: 'G-1',
        beneficiaryRef: 'b-0123456789abcdef',
        programme: 'tro-cap-xa-hoi',
        monthlyAmountVnd: 500_000,
        commune: 'BA-PHUOC-DAI',
      },
      fields: {
        grantId: { vi: 'Mã quyết định', en: 'Grant id' },
        beneficiaryRef: { vi: 'Mã người hưởng (ẩn danh)', en: 'Beneficiary reference' },
        programme: { vi: 'Chương trình', en: 'Programme' },
        monthlyAmountVnd: { vi: 'Mức hằng tháng (đồng)', en: 'Monthly amount (VND)' },
        commune: communeLabel,
      },
      numeric: ['monthlyAmountVnd'],
      filterable: ['commune', 'programme'],
      support: {
        refField: 'beneficiaryRef',
        family: 'allowance-grant',
        programme: { field: 'programme' },
        period: { occurred: 'year' },
        amount: { field: 'monthlyAmountVnd', kind: 'monthly' },
        duplicates: 'overlap',
        residenceBound: true,
        normed: true,
      },
    },
  },
});
