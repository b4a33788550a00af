// A martyrs' remains case: opened at a site, remains recovered, identified, reburied, closed.
import { defineAction } from '../actions/action-descriptor';
import {
  caseIdLabel,
  communeField,
  communeLabel,
  enumField,
  newIdField,
  textField,
} from '../actions/common-fields';
import { remainsCaseAggregate } from './remains.aggregate';
import { IDENTIFICATION_METHODS, REMAINS_CASE_OUTCOMES } from './remains.commands';

const resource = 'remains-cases';

export const remainsAction = defineAction({
  name: 'remains',
  label: { vi: 'Tìm kiếm, quy tập hài cốt liệt sĩ', en: "Martyrs' remains" },
  feature: 'remains',
  apiTag: 'martyrs-remains',
  aggregate: remainsCaseAggregate,
  recordingTask: 'remains-case',
  commands: {
    OpenRemainsCase: {
      type: 'OpenRemainsCase',
      label: { vi: 'Mở hồ sơ tìm kiếm', en: 'Open a remains case' },
      summary: "Open a martyrs' remains recovery case at a site",
      route: { resource },
      idField: 'caseId',
      orgUnitField: 'commune',
      returnsCaseId: true,
      fields: [
        newIdField('caseId', 'remains case'),
        textField('site', 500, 'Đồi 1040, xã Phước Thành', { vi: 'Địa điểm', en: 'Site' }),
        communeField(),
      ],
    },
    RecordRemainsRecovery: {
      type: 'RecordRemainsRecovery',
      label: { vi: 'Cất bốc hài cốt', en: 'Record remains recovered' },
      summary: 'Record remains recovered',
      route: { resource, step: 'recoveries' },
      idField: 'caseId',
      fields: [
        {
          name: 'setsOfRemains',
          type: 'integer',
          required: true,
          min: 1,
          max: 1000,
          example: 1,
          label: { vi: 'Số bộ hài cốt', en: 'Sets of remains' },
        },
      ],
    },
    IdentifyRemains: {
      type: 'IdentifyRemains',
      label: { vi: 'Xác định danh tính', en: 'Identify remains' },
      summary: 'Record recovered remains identified',
      route: { resource, step: 'identifications' },
      idField: 'caseId',
      fields: [
        enumField('method', IDENTIFICATION_METHODS, { vi: 'Phương pháp', en: 'Method' }),
        textField('martyrRecordRef', 200, 'HS-LS-1972-0458', {
          vi: 'Số hồ sơ liệt sĩ',
          en: "Martyr's record",
        }),
      ],
    },
    RecordReburial: {
      type: 'RecordReburial',
      label: { vi: 'An táng', en: 'Record reburial' },
      summary: 'Record remains reburied in a cemetery',
      route: { resource, step: 'reburials' },
      idField: 'caseId',
      fields: [
        textField('cemetery', 200, 'Nghĩa trang liệt sĩ huyện Bác Ái', { vi: 'Nghĩa trang', en: 'Cemetery' }),
      ],
    },
    CloseRemainsCase: {
      type: 'CloseRemainsCase',
      label: { vi: 'Đóng hồ sơ', en: 'Close the case' },
      summary: 'Close a remains case',
      route: { resource, step: 'closures' },
      idField: 'caseId',
      fields: [enumField('outcome', REMAINS_CASE_OUTCOMES, { vi: 'Kết quả', en: 'Outcome' })],
    },
  },
  events: {
    RemainsCaseOpened: {
      label: { vi: 'Mở hồ sơ tìm kiếm hài cốt liệt sĩ', en: 'Remains case opened' },
      example: { caseId: 'RC-1', site: 'đồi 1', commune: 'BA-PHUOC-DAI' },
      fields: { caseId: caseIdLabel, site: { vi: 'Địa điểm', en: 'Site' }, commune: communeLabel },
      filterable: ['commune'],
    },
    RemainsRecovered: {
      label: { vi: 'Cất bốc hài cốt liệt sĩ', en: 'Remains recovered' },
      example: { caseId: 'RC-1', setsOfRemains: 3 },
      fields: { caseId: caseIdLabel, setsOfRemains: { vi: 'Số bộ hài cốt', en: 'Sets of remains' } },
      numeric: ['setsOfRemains'],
    },
    RemainsIdentified: {
      label: { vi: 'Xác định danh tính hài cốt', en: 'Remains identified' },
      example: { caseId: 'RC-1', method: 'dna', martyrRecordRef: 'LS-1' },
      fields: {
        caseId: caseIdLabel,
        method: { vi: 'Phương pháp', en: 'Method' },
        martyrRecordRef: { vi: 'Số hồ sơ liệt sĩ', en: "Martyr's record" },
      },
      filterable: ['method'],
    },
    RemainsReburied: {
      label: { vi: 'An táng hài cốt liệt sĩ', en: 'Remains reburied' },
      example: { caseId: 'RC-1', cemetery: 'NTLS huyện' },
      fields: { caseId: caseIdLabel, cemetery: { vi: 'Nghĩa trang', en: 'Cemetery' } },
    },
    RemainsCaseClosed: {
      label: { vi: 'Đóng hồ sơ hài cốt', en: 'Remains case closed' },
      example: { caseId: 'RC-1', outcome: 'reburied' },
      fields: { caseId: caseIdLabel, outcome: { vi: 'Kết quả', en: 'Outcome' } },
      filterable: ['outcome'],
    },
  },
});
