// A household connected to clean water: once per household.
import { defineAction } from '../actions/action-descriptor';
import { citizenIdField, communeField, communeLabel, enumField, newIdField } from '../actions/common-fields';
import { cleanWaterConnectionAggregate } from './clean-water.aggregate';
import { CLEAN_WATER_SOURCES } from './clean-water.commands';

export const cleanWaterAction = defineAction({
  name: 'clean-water',
  label: { vi: 'Nước sạch', en: 'Clean water' },
  feature: 'one-off-actions',
  apiTag: 'clean-water',
  aggregate: cleanWaterConnectionAggregate,
  recordingTask: 'clean-water-connection',
  commands: {
    RecordCleanWaterConnection: {
      type: 'RecordCleanWaterConnection',
      label: { vi: 'Ghi nhận hộ dùng nước sạch', en: 'Record a clean water connection' },
      summary: 'Record a household connected to clean water (once per household)',
      route: { resource: 'clean-water-connections' },
      idField: 'connectionId',
      orgUnitField: 'commune',
      fields: [
        newIdField('connectionId', 'connection'),
        citizenIdField(
          'householdHeadCitizenId',
          'householdRef',
          { vi: 'Số CCCD chủ hộ', en: "Household head's citizen id" },
          'the household head',
        ),
        communeField(),
        enumField('source', CLEAN_WATER_SOURCES, { vi: 'Nguồn nước', en: 'Water source' }),
      ],
    },
  },
  events: {
    CleanWaterConnected: {
      label: { vi: 'Hộ được dùng nước sạch', en: 'Clean water connected' },
      example: {
        connectionId: 'W-1',
        householdRef: 'h-0123456789abcdef',
        commune: 'BA-PHUOC-DAI',
        source: 'piped',
      },
      fields: {
        connectionId: { vi: 'Mã đấu nối', en: 'Connection id' },
        householdRef: { vi: 'Mã hộ (ẩn danh)', en: 'Household reference' },
        commune: communeLabel,
        source: { vi: 'Nguồn nước', en: 'Water source' },
      },
      filterable: ['commune', 'source'],
      support: {
        refField: 'householdRef',
        family: 'clean-water',
        programme: { fixed: 'clean-water' },
        period: { occurred: 'year' },
        amount: null,
        duplicates: 'ever',
        residenceBound: true,
        normed: false,
      },
    },
  },
});
