// Health insurance enrolment of a person for a calendar year: once per person and year.
import { defineAction } from '../actions/action-descriptor';
import { enumField } from '../actions/common-fields';
import { insuranceEnrolmentFields, insuranceEventFields } from '../actions/insurance-fields';
import { healthInsuranceEnrolmentAggregate } from './health-insurance.aggregate';
import { HEALTH_INSURANCE_SCHEMES } from './health-insurance.commands';

export const healthInsuranceAction = defineAction({
  name: 'health-insurance',
  label: { vi: 'Bảo hiểm y tế', en: 'Health insurance' },
  feature: 'one-off-actions',
  apiTag: 'insurance',
  aggregate: healthInsuranceEnrolmentAggregate,
  recordingTask: 'health-insurance-enrolment',
  commands: {
    RecordHealthInsuranceEnrolment: {
      type: 'RecordHealthInsuranceEnrolment',
      label: { vi: 'Ghi nhận thẻ bảo hiểm y tế', en: 'Record a health insurance enrolment' },
      summary: 'Record a health insurance enrolment for a year (once per beneficiary and year)',
      route: { resource: 'health-insurance-enrolments' },
      idField: 'enrolmentId',
      orgUnitField: 'commune',
      fields: [
        ...insuranceEnrolmentFields,
        enumField(
          'scheme',
          HEALTH_INSURANCE_SCHEMES,
          { vi: 'Đối tượng', en: 'Scheme' },
          'Who pays or why the person is covered',
        ),
      ],
    },
  },
  events: {
    HealthInsuranceEnrolled: {
      label: { vi: 'Cấp thẻ bảo hiểm y tế', en: 'Health insurance enrolled' },
      example: {
        enrolmentId: 'E-1',
        beneficiaryRef: 'b-0123456789abcdef',
        commune: 'BA-PHUOC-DAI',
        scheme: 'poor',
        year: 2025,
      },
      fields: { ...insuranceEventFields, scheme: { vi: 'Đối tượng', en: 'Scheme' } },
      filterable: ['commune', 'scheme'],
      period: ['year'],
      support: {
        refField: 'beneficiaryRef',
        family: 'health-insurance',
        programme: { fixed: 'health-insurance' },
        period: { field: 'year' },
        amount: null,
        duplicates: 'overlap',
        residenceBound: true,
        normed: false,
      },
    },
  },
});
