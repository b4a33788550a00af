// The monthly social allowance for a person with a severe or especially severe disability (trợ cấp xã hội hàng
// tháng cho người khuyết tật): once per beneficiary unless a correction retracts it.
import { defineAction } from '../actions/action-descriptor';
import { citizenIdField, communeField, communeLabel, enumField, newIdField } from '../actions/common-fields';
import { disabilityAllowanceAggregate } from './disability-allowance.aggregate';
import { DISABILITY_SEVERITIES } from './disability-allowance.commands';

const severity = { vi: 'Mức độ khuyết tật', en: 'Severity' };
const monthlyAmount = { vi: 'Mức hằng tháng (đồng)', en: 'Monthly amount (VND)' };
const decisionNo = { vi: 'Số quyết định', en: 'Decision number' };

export const disabilityAllowanceAction = defineAction({
  name: 'disability-allowance',
  label: { vi: 'Trợ cấp xã hội hằng tháng cho người khuyết tật', en: 'Disability allowance' },
  feature: 'one-off-actions',
  apiTag: 'allowances',
  aggregate: disabilityAllowanceAggregate,
  recordingTask: 'disability-allowance',
  commands: {
    RecordDisabilityAllowance: {
      type: 'RecordDisabilityAllowance',
      label: { vi: 'Ghi nhận trợ cấp người khuyết tật', en: 'Record a disability allowance' },
      summary: 'Record the monthly allowance granted to a person with a disability (once per beneficiary)',
      route: { resource: 'disability-allowances' },
      idField: 'allowanceId',
      orgUnitField: 'commune',
      fields: [
        newIdField('allowanceId', 'disability allowance'),
        citizenIdField(
          'beneficiaryCitizenId',
          'beneficiaryRef',
          { vi: 'Số CCCD người khuyết tật', en: "Beneficiary's citizen id" },
          'the person with a disability',
        ),
        communeField(),
        enumField('severity', DISABILITY_SEVERITIES, severity, 'Degree of disability as assessed'),
        {
          name: 'monthlyAmountVnd',
          type: 'moneyVnd',
          required: true,
          example: 540000,
          label: monthlyAmount,
          help: 'Monthly amount in VND (whole dong)',
        },
        {
          name: 'decisionNo',
          type: 'text',
          required: true,
          maxLength: 100,
          example: '123/QĐ-UBND',
          label: decisionNo,
          help: "Number of the district's decision granting the allowance",
        },
      ],
    },
  },
  events: {
    DisabilityAllowanceGranted: {
      label: { vi: 'Trợ cấp người khuyết tật', en: 'Disability allowance granted' },
      example: {
        allowanceId: 'DA-1',
        beneficiaryRef: 'b-0123456789abcdef',
        commune: 'BA-PHUOC-DAI',
        severity: 'severe',
        monthlyAmountVnd: 540_000,
        decisionNo: '12/QĐ-UBND',
      },
      fields: {
        allowanceId: { vi: 'Mã trợ cấp', en: 'Allowance id' },
        beneficiaryRef: { vi: 'Mã người hưởng (ẩn danh)', en: 'Beneficiary reference' },
        commune: communeLabel,
        severity,
        monthlyAmountVnd: monthlyAmount,
        decisionNo,
      },
      numeric: ['monthlyAmountVnd'],
      filterable: ['commune', 'severity'],
      support: {
        refField: 'beneficiaryRef',
        family: 'disability-allowance',
        programme: { fixed: 'disability-allowance' },
        period: { occurred: 'year' },
        amount: { field: 'monthlyAmountVnd', kind: 'monthly' },
        duplicates: 'ever',
        residenceBound: true,
        normed: false,
      },
    },
  },
});
