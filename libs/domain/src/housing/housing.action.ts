// Housing support for a household: registered, funded, built, completed, handed over.
import { defineAction } from '../actions/action-descriptor';
import {
  caseIdLabel,
  citizenIdField,
  communeField,
  communeLabel,
  enumField,
  newIdField,
} from '../actions/common-fields';
import { housingCaseAggregate } from './housing.aggregate';
import { HOUSING_CATEGORIES, HOUSING_FUNDING_SOURCES, HOUSING_WITHDRAWAL_GROUNDS } from './housing.commands';

const resource = 'housing-cases';

export const housingAction = defineAction({
  name: 'housing',
  label: { vi: 'Hỗ trợ nhà ở', en: 'Housing support' },
  feature: 'housing',
  apiTag: 'housing',
  aggregate: housingCaseAggregate,
  recordingTask: 'housing-case',
  commands: {
    RegisterHousingCase: {
      type: 'RegisterHousingCase',
      importAs: 'housing_registered',
      label: { vi: 'Đăng ký hỗ trợ nhà ở', en: 'Register a housing case' },
      summary: 'Register a household for housing support',
      route: { resource },
      idField: 'caseId',
      orgUnitField: 'commune',
      returnsCaseId: true,
      fields: [
        newIdField('caseId', 'housing case'),
        citizenIdField('householdHeadCitizenId', 'householdRef', {
          vi: 'Số CCCD chủ hộ',
          en: "Household head's citizen id",
        }),
        communeField(),
        enumField('category', HOUSING_CATEGORIES, { vi: 'Diện hỗ trợ', en: 'Category' }),
        {
          name: 'householdHeadName',
          type: 'personName',
          required: false,
          example: 'Pi Năng Thị Hoa',
          label: { vi: 'Họ tên chủ hộ', en: "Household head's name" },
          help:
            "The household head's name. Personal data: sealed under the household's own key before it is stored, " +
            'shown to those who may read the event, and erased with that key (DELETE /beneficiaries/{ref}/personal-data).',
          trim: true,
          sealed: true,
        },
        {
          name: 'contactPhone',
          type: 'phone',
          required: false,
          example: '0912345678',
          label: { vi: 'Số điện thoại liên hệ', en: 'Contact phone' },
          help:
            'A Vietnamese phone number (mobile 0[3|5|7|8|9] + 8 digits, landline 02 + 9 digits, or +84 instead of 0). ' +
            'Personal data, sealed like householdHeadName.',
          sealed: true,
        },
      ],
    },
    ApproveHousingFunding: {
      type: 'ApproveHousingFunding',
      importAs: 'housing_funding_approved',
      label: { vi: 'Phê duyệt kinh phí', en: 'Approve funding' },
      summary: 'Record funding approved for a housing case',
      route: { resource, step: 'funding-approvals' },
      idField: 'caseId',
      fields: [
        {
          name: 'amountVnd',
          type: 'moneyVnd',
          required: true,
          example: 40000000,
          label: { vi: 'Số tiền (đồng)', en: 'Amount (VND)' },
          help: 'Amount in VND (whole dong)',
        },
        {
          ...enumField('source', HOUSING_FUNDING_SOURCES, { vi: 'Nguồn vốn', en: 'Funding source' }),
          importColumn: 'funding_source',
        },
      ],
    },
    StartHousingConstruction: {
      type: 'StartHousingConstruction',
      importAs: 'housing_construction_started',
      label: { vi: 'Khởi công', en: 'Start construction' },
      summary: 'Record that construction of the house started',
      route: { resource, step: 'construction-starts' },
      idField: 'caseId',
      fields: [],
    },
    CompleteHousingConstruction: {
      type: 'CompleteHousingConstruction',
      importAs: 'housing_completed',
      label: { vi: 'Hoàn thành xây nhà', en: 'Complete construction' },
      summary: 'Record a house completed',
      route: { resource, step: 'completions' },
      idField: 'caseId',
      fields: [
        {
          name: 'floorAreaM2',
          type: 'number',
          required: true,
          positive: true,
          max: 1000,
          maxDecimalPlaces: 2,
          example: 42.5,
          label: { vi: 'Diện tích sàn (m²)', en: 'Floor area (m²)' },
          help: 'Floor area in m2',
        },
        {
          name: 'occupants',
          type: 'integer',
          required: true,
          min: 1,
          max: 50,
          example: 4,
          label: { vi: 'Số người ở', en: 'Occupants' },
        },
      ],
    },
    HandOverHouse: {
      type: 'HandOverHouse',
      importAs: 'house_handed_over',
      label: { vi: 'Bàn giao nhà', en: 'Hand over the house' },
      summary: 'Record the house handed over to the household',
      route: { resource, step: 'handovers' },
      idField: 'caseId',
      fields: [],
    },
    WithdrawHousingCase: {
      type: 'WithdrawHousingCase',
      importAs: 'housing_case_withdrawn',
      label: { vi: 'Rút hồ sơ hỗ trợ nhà ở', en: 'Withdraw a housing case' },
      summary:
        'Withdraw a housing case before its house is built (ineligible, moved away, duplicate): its open steps close and it leaves every count',
      route: { resource, step: 'withdrawals' },
      idField: 'caseId',
      fields: [
        enumField('grounds', HOUSING_WITHDRAWAL_GROUNDS, { vi: 'Lý do rút', en: 'Grounds' }),
        {
          name: 'reason',
          type: 'text',
          required: true,
          maxLength: 500,
          example: 'Hộ đã được đăng ký trong hồ sơ khác của cùng xã',
          label: { vi: 'Nội dung', en: 'Reason' },
          help: 'What was found, in the officer’s words',
        },
      ],
    },
  },
  events: {
    HousingCaseRegistered: {
      label: { vi: 'Đăng ký hỗ trợ nhà ở', en: 'Housing case registered' },
      example: {
        caseId: 'HC-1',
        householdRef: 'h-0123456789abcdef',
        commune: 'BA-PHUOC-DAI',
        category: 'poor',
      },
      fields: {
        caseId: caseIdLabel,
        householdRef: { vi: 'Mã hộ (ẩn danh)', en: 'Household reference' },
        commune: communeLabel,
        category: { vi: 'Diện hỗ trợ', en: 'Category' },
        personal: { vi: 'Thông tin cá nhân (mã hoá)', en: 'Personal data (sealed)' },
      },
      filterable: ['category', 'commune'],
      support: {
        refField: 'householdRef',
        family: 'housing',
        programme: { fixed: 'housing' },
        period: { occurred: 'year' },
        amount: null,
        duplicates: 'ever',
        residenceBound: true,
        normed: false,
      },
    },
    HousingFundingApproved: {
      label: { vi: 'Phê duyệt kinh phí nhà ở', en: 'Housing funding approved' },
      example: { caseId: 'HC-1', amountVnd: 60_000_000, source: 'central_budget' },
      fields: {
        caseId: caseIdLabel,
        amountVnd: { vi: 'Số tiền (đồng)', en: 'Amount (VND)' },
        source: { vi: 'Nguồn vốn', en: 'Funding source' },
      },
      numeric: ['amountVnd'],
      filterable: ['source'],
    },
    HousingConstructionStarted: {
      label: { vi: 'Khởi công nhà ở', en: 'Construction started' },
      example: { caseId: 'HC-1' },
      fields: { caseId: caseIdLabel },
    },
    HousingConstructionCompleted: {
      label: { vi: 'Hoàn thành xây nhà', en: 'House completed' },
      example: { caseId: 'HC-1', floorAreaM2: 48.5, occupants: 4 },
      fields: {
        caseId: caseIdLabel,
        floorAreaM2: { vi: 'Diện tích sàn (m²)', en: 'Floor area (m²)' },
        occupants: { vi: 'Số người ở', en: 'Occupants' },
      },
      numeric: ['floorAreaM2', 'occupants'],
    },
    HouseHandedOver: {
      label: { vi: 'Bàn giao nhà', en: 'House handed over' },
      example: { caseId: 'HC-1' },
      fields: { caseId: caseIdLabel },
    },
    HousingCaseWithdrawn: {
      label: { vi: 'Rút hồ sơ hỗ trợ nhà ở', en: 'Housing case withdrawn' },
      example: {
        caseId: 'HC-1',
        grounds: 'duplicate',
        reason: 'registered twice',
        withdrawnSteps: [
          {
            type: 'HousingCaseRegistered',
            data: {
              caseId: 'HC-1',
              householdRef: 'h-0123456789abcdef',
              commune: 'BA-PHUOC-DAI',
              category: 'poor',
            },
          },
        ],
      },
      fields: {
        caseId: caseIdLabel,
        grounds: { vi: 'Lý do rút', en: 'Grounds' },
        reason: { vi: 'Nội dung', en: 'Reason' },
        withdrawnSteps: { vi: 'Các bước đã huỷ', en: 'Steps taken back' },
      },
      filterable: ['grounds'],
    },
  },
});
