// The allowed values of the actions' enum fields in words (vi, en), for forms and templates: the API takes the
// code, a person reads the label. One entry per list of values, each checked by the compiler to name every
// value of its list; the catalogue finds a field's labels by its list.
import { CLEAN_WATER_SOURCES } from '../clean-water/clean-water.commands';
import { DISABILITY_SEVERITIES } from '../disability-allowance/disability-allowance.commands';
import { HEALTH_INSURANCE_SCHEMES } from '../health-insurance/health-insurance.commands';
import {
  HOUSING_CATEGORIES,
  HOUSING_FUNDING_SOURCES,
  HOUSING_WITHDRAWAL_GROUNDS,
} from '../housing/housing.commands';
import { LATRINE_FACILITY_KINDS } from '../hygienic-latrine/hygienic-latrine.commands';
import { JOB_PLACEMENT_KINDS } from '../job-placement/job-placement.commands';
import { MEASUREMENT_METHODS } from '../measurement/measurement.commands';
import { IDENTIFICATION_METHODS, REMAINS_CASE_OUTCOMES } from '../remains/remains.commands';
import { SOCIAL_INSURANCE_KINDS } from '../social-insurance/social-insurance.commands';
import { PAYMENT_METHODS } from '../subsidy/subsidy.commands';
import { TRAINING_LEVELS } from '../training/training.commands';
import type { Label } from './action-descriptor';

type ValueLabels<T extends readonly string[]> = { readonly [K in T[number]]: Label };

const entry = <T extends readonly string[]>(
  values: T,
  labels: ValueLabels<T>,
): [readonly string[], Readonly<Record<string, Label>>] => [values, labels];

const ENTRIES = [
  entry(TRAINING_LEVELS, {
    under_3_months: { vi: 'Sơ cấp dưới 3 tháng', en: 'Under 3 months' },
    elementary: { vi: 'Sơ cấp', en: 'Elementary' },
    intermediate: { vi: 'Trung cấp', en: 'Intermediate' },
    college: { vi: 'Cao đẳng', en: 'College' },
  }),
  entry(JOB_PLACEMENT_KINDS, {
    domestic: { vi: 'Trong nước', en: 'In Vietnam' },
    overseas_contract: { vi: 'Đi làm việc ở nước ngoài theo hợp đồng', en: 'Overseas on contract' },
  }),
  entry(DISABILITY_SEVERITIES, {
    severe: { vi: 'Khuyết tật nặng', en: 'Severe' },
    especially_severe: { vi: 'Khuyết tật đặc biệt nặng', en: 'Especially severe' },
  }),
  entry(HOUSING_CATEGORIES, {
    poor: { vi: 'Hộ nghèo', en: 'Poor household' },
    near_poor: { vi: 'Hộ cận nghèo', en: 'Near-poor household' },
    merit: { vi: 'Người có công', en: 'Person with merit' },
    disaster_hit: { vi: 'Bị ảnh hưởng bởi thiên tai', en: 'Hit by a disaster' },
  }),
  entry(HOUSING_FUNDING_SOURCES, {
    central_budget: { vi: 'Ngân sách trung ương', en: 'Central budget' },
    local_budget: { vi: 'Ngân sách địa phương', en: 'Local budget' },
    social_policy_bank: { vi: 'Ngân hàng Chính sách xã hội', en: 'Social policy bank' },
    fatherland_front: { vi: 'Mặt trận Tổ quốc (Quỹ Vì người nghèo)', en: 'Fatherland Front' },
    enterprise_or_donor: { vi: 'Doanh nghiệp, nhà hảo tâm', en: 'Enterprise or donor' },
    other: { vi: 'Nguồn khác', en: 'Other' },
  }),
  entry(HOUSING_WITHDRAWAL_GROUNDS, {
    ineligible: { vi: 'Không đủ điều kiện', en: 'Not eligible' },
    moved_away: { vi: 'Chuyển đi nơi khác', en: 'Moved away' },
    duplicate: { vi: 'Hồ sơ trùng', en: 'Duplicate case' },
  }),
  entry(IDENTIFICATION_METHODS, {
    dna: { vi: 'Giám định ADN', en: 'DNA' },
    documents: { vi: 'Giấy tờ, di vật', en: 'Documents' },
    witness: { vi: 'Nhân chứng', en: 'Witness' },
  }),
  entry(REMAINS_CASE_OUTCOMES, {
    reburied: { vi: 'Đã an táng', en: 'Reburied' },
    no_remains_found: { vi: 'Không tìm thấy hài cốt', en: 'No remains found' },
  }),
  entry(PAYMENT_METHODS, {
    cash: { vi: 'Tiền mặt', en: 'Cash' },
    bank: { vi: 'Chuyển khoản ngân hàng', en: 'Bank transfer' },
    e_wallet: { vi: 'Ví điện tử', en: 'E-wallet' },
  }),
  entry(LATRINE_FACILITY_KINDS, {
    household: { vi: 'Hộ gia đình', en: 'Household' },
    school: { vi: 'Trường học', en: 'School' },
    health_station: { vi: 'Trạm y tế', en: 'Health station' },
  }),
  entry(CLEAN_WATER_SOURCES, {
    piped: { vi: 'Nước máy', en: 'Piped water' },
    drilled_well: { vi: 'Giếng khoan', en: 'Drilled well' },
    dug_well: { vi: 'Giếng đào', en: 'Dug well' },
    rainwater_tank: { vi: 'Bể chứa nước mưa', en: 'Rainwater tank' },
    other: { vi: 'Nguồn khác', en: 'Other' },
  }),
  entry(SOCIAL_INSURANCE_KINDS, {
    compulsory: { vi: 'Bắt buộc', en: 'Compulsory' },
    voluntary: { vi: 'Tự nguyện', en: 'Voluntary' },
  }),
  entry(MEASUREMENT_METHODS, {
    survey: { vi: 'Điều tra, khảo sát', en: 'Survey' },
    administrative_data: { vi: 'Số liệu hành chính', en: 'Administrative data' },
    census: { vi: 'Tổng điều tra', en: 'Census' },
    estimate: { vi: 'Ước tính', en: 'Estimate' },
  }),
  entry(HEALTH_INSURANCE_SCHEMES, {
    poor: { vi: 'Người thuộc hộ nghèo', en: 'Poor household' },
    near_poor: { vi: 'Người thuộc hộ cận nghèo', en: 'Near-poor household' },
    ethnic_minority_area: {
      vi: 'Người dân tộc thiểu số, vùng đặc biệt khó khăn',
      en: 'Ethnic minority, especially difficult area',
    },
    child_under_6: { vi: 'Trẻ em dưới 6 tuổi', en: 'Child under 6' },
    merit: { vi: 'Người có công', en: 'Person with merit' },
    household: { vi: 'Hộ gia đình', en: 'Household' },
    student: { vi: 'Học sinh, sinh viên', en: 'Pupil or student' },
    other: { vi: 'Khác', en: 'Other' },
  }),
];

const BY_LIST = new Map<readonly string[], Readonly<Record<string, Label>>>(ENTRIES);

/** The labels of an enum field's values, found by its list; undefined for a list without labels. */
export function enumValueLabels(values: readonly string[]): Readonly<Record<string, Label>> | undefined {
  return BY_LIST.get(values);
}
