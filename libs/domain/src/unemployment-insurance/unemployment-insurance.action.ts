// Unemployment insurance enrolment of a person for a calendar year: once per person and year.
import { defineAction } from '../actions/action-descriptor';

import { insuranceEnrolmentFields, insuranceEventFields } from '../actions/insurance-fields';
import { unemploymentInsuranceEnrolmentAggregate } from './unemployment-insurance.aggregate';

export const unemploymentInsuranceAction = defineAction({
  name: 'unemployment-insurance',
  label: { vi: 'Bảo hiểm thất nghiệp', en: 'Unemployment insurance' },
  feature: 'one-off-actions',
  apiTag: 'insurance',
  aggregate: unemploymentInsuranceEnrolmentAggregate,
  recordingTask: 'unemployment-insurance-enrolment',
  commands: {
    RecordUnemploymentInsuranceEnrolment: {
      type: 'RecordUnemploymentInsuranceEnrolment',
      label: {
        vi: 'Ghi nhận tham gia bảo hiểm thất nghiệp',
        en: 'Record an unemployment insurance enrolment',
      },
      summary: 'Record an unemployment insurance enrolment for a year (once per beneficiary and year)',
      route: { resource: 'unemployment-insurance-enrolments' },
      idField: 'enrolmentId',
      orgUnitField: 'commune',
      fields: insuranceEnrolmentFields,
    },
  },
  events: {
    UnemploymentInsuranceEnrolled: {
      label: { vi: 'Tham gia bảo hiểm thất nghiệp', en: 'Unemployment insurance enrolled' },
      example: {
        enrolmentId: 'E-3',
        beneficiaryRef: 'b-0123456789abcdef',
        commune: 'BA-PHUOC-DAI',
        year: 2025,
      },
      fields: { ...insuranceEventFields },
      filterable: ['commune'],
      period: ['year'],
      support: {
        refField: 'beneficiaryRef',
        family: 'unemployment-insurance',
        programme: { fixed: 'unemployment-insurance' },
        period: { field: 'year' },
        amount: null,
        duplicates: 'overlap',
        residenceBound: true,
        normed: false,
      },
    },
  },
});
