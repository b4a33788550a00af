// A hygienic latrine completed for a household (named by its head's citizen id, stored only as a reference),
// a school or a health station (named by its code): once per facility.
import { defineAction } from '../actions/action-descriptor';
import { communeField, communeLabel, enumField, newIdField } from '../actions/common-fields';
import { hygienicLatrineAggregate } from './hygienic-latrine.aggregate';
import { LATRINE_FACILITY_KINDS } from './hygienic-latrine.commands';

export const hygienicLatrineAction = defineAction({
  name: 'hygienic-latrine',
  label: { vi: 'Nhà tiêu hợp vệ sinh', en: 'Hygienic latrine' },
  feature: 'one-off-actions',
  apiTag: 'sanitation',
  aggregate: hygienicLatrineAggregate,
  recordingTask: 'hygienic-latrine',
  commands: {
    RecordHygienicLatrineCompletion: {
      type: 'RecordHygienicLatrineCompletion',
      label: { vi: 'Ghi nhận hoàn thành nhà tiêu', en: 'Record a latrine completed' },
      summary:
        'Record a hygienic latrine completed for a household, school or health station (once per facility)',
      route: { resource: 'hygienic-latrines' },
      idField: 'latrineId',
      orgUnitField: 'commune',
      fields: [
        newIdField('latrineId', 'latrine record'),
        enumField('facilityKind', LATRINE_FACILITY_KINDS, { vi: 'Loại cơ sở', en: 'Facility kind' }),
        {
          name: 'householdHeadCitizenId',
          type: 'citizenId',
          required: false,
          example: '058123456789',
          label: { vi: 'Số CCCD chủ hộ', en: "Household head's citizen id" },
          help:
            'Household only (required then, refused otherwise): citizen id (CCCD, 12 digits) of the household head. ' +
            'Never stored: only its HMAC reference is recorded as facilityRef.',
          storedAs: 'facilityRef',
          onlyWhen: { field: 'facilityKind', values: ['household'], instead: 'facilityCode' },
        },
        {
          name: 'facilityCode',
          type: 'facilityCode',
          required: false,
          example: 'TH-PHUOC-HOA',
          label: { vi: 'Mã trường học, trạm y tế', en: 'Facility code' },
          help: 'School or health station only (required then, refused for a household): its official code',
          storedAs: 'facilityRef',
          onlyWhen: {
            field: 'facilityKind',
            values: ['school', 'health_station'],
            instead: 'householdHeadCitizenId',
          },
        },
        communeField(),
      ],
    },
  },
  events: {
    HygienicLatrineCompleted: {
      label: { vi: 'Hoàn thành nhà tiêu hợp vệ sinh', en: 'Hygienic latrine completed' },
      example: { latrineId: 'L-1', facilityKind: 'school', facilityRef: 'THCS-1', commune: 'BA-PHUOC-DAI' },
      fields: {
        latrineId: { vi: 'Mã nhà tiêu', en: 'Latrine id' },
        facilityKind: { vi: 'Loại cơ sở', en: 'Facility kind' },
        facilityRef: { vi: 'Mã cơ sở', en: 'Facility reference' },
        commune: communeLabel,
      },
      filterable: ['commune', 'facilityKind'],
      support: {
        refField: 'facilityRef',
        family: 'hygienic-latrine',
        programme: { fixed: 'hygienic-latrine' },
        period: { occurred: 'year' },
        amount: null,
        duplicates: 'ever',
        residenceBound: true,
        normed: false,
      },
    },
  },
});
