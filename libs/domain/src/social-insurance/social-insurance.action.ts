// Social insurance enrolment of a person for a calendar year: once per person and year.
import { defineAction } from '../actions/action-descriptor';
import { enumField } from '../actions/common-fields';
import { insuranceEnrolmentFields, insuranceEventFields } from '../actions/insurance-fields';
import { socialInsuranceEnrolmentAggregate } from './social-insurance.aggregate';
import { SOCIAL_INSURANCE_KINDS } from './social-insurance.commands';

export const socialInsuranceAction = defineAction({
  name: 'social-insurance',
  label: { vi: 'Bảo hiểm xã hội', en: 'Social insurance' },
  feature: 'one-off-actions',
  apiTag: 'insurance',
  aggregate: socialInsuranceEnrolmentAggregate,
  recordingTask: 'social-insurance-enrolment',
  commands: {
    RecordSocialInsuranceEnrolment: {
      type: 'RecordSocialInsuranceEnrolment',
      label: { vi: 'Ghi nhận tham gia bảo hiểm xã hội', en: 'Record a social insurance enrolment' },
      summary: 'Record a social insurance enrolment for a year (once per beneficiary and year)',
      route: { resource: 'social-insurance-enrolments' },
      idField: 'enrolmentId',
      orgUnitField: 'commune',
      fields: [
        ...insuranceEnrolmentFields,
        enumField('kind', SOCIAL_INSURANCE_KINDS, { vi: 'Loại hình', en: 'Kind' }),
      ],
    },
  },
  events: {
    SocialInsuranceEnrolled: {
      label: { vi: 'Tham gia bảo hiểm xã hội', en: 'Social insurance enrolled' },
      example: {
        enrolmentId: 'E-2',
        beneficiaryRef: 'b-0123456789abcdef',
        commune: 'BA-PHUOC-DAI',
        kind: 'voluntary',
        year: 2025,
      },
      fields: { ...insuranceEventFields, kind: { vi: 'Loại hình', en: 'Kind' } },
      filterable: ['commune', 'kind'],
      period: ['year'],
      support: {
        refField: 'beneficiaryRef',
        family: 'social-insurance',
        programme: { fixed: 'social-insurance' },
        period: { field: 'year' },
        amount: null,
        duplicates: 'overlap',
        residenceBound: true,
        normed: false,
      },
    },
  },
});
