// The request fields the three insurance enrolments share (health, social, unemployment).
import type { RequestField } from './action-descriptor';
import { citizenIdField, communeField, newIdField } from './common-fields';

export const insuranceEnrolmentFields: readonly RequestField[] = [
  newIdField('enrolmentId', 'enrolment'),
  citizenIdField(
    'beneficiaryCitizenId',
    'beneficiaryRef',
    { vi: 'Số CCCD người tham gia', en: "Insured person's citizen id" },
    'the insured person',
  ),
  communeField(),
  {
    name: 'year',
    type: 'integer',
    required: true,
    min: 2000,
    max: 2100,
    example: 2026,
    label: { vi: 'Năm', en: 'Year' },
    help: 'Calendar year covered; the year of occurredAt, or one either side',
  },
];

export const insuranceEventFields = {
  enrolmentId: { vi: 'Mã tham gia', en: 'Enrolment id' },
  beneficiaryRef: { vi: 'Mã người tham gia (ẩn danh)', en: 'Insured person reference' },
  commune: { vi: 'Xã', en: 'Commune' },
  year: { vi: 'Năm', en: 'Year' },
} as const;
