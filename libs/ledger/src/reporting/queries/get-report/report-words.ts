// The words of a periodic report read by people (the xlsx and printable renderings), in Vietnamese (the
// default) and English: titles, column heads, statuses and units of measure.
import type { Report } from './get-report.query';

export type ReportLang = 'vi' | 'en';
export const REPORT_LANGS: readonly ReportLang[] = ['vi', 'en'];

const VI = {
  annual: 'Báo cáo năm {period}',
  '3-year': 'Báo cáo 3 năm {period}',
  '5-year': 'Báo cáo 5 năm {period}',
  custom: 'Báo cáo giai đoạn {period}',
  subtitle: 'Kết quả thực hiện Kế hoạch thực hiện Nghị quyết 42-NQ/TW',
  area: 'Địa bàn',
  period: 'Kỳ báo cáo',
  asOf: 'Số liệu tính đến ngày',
  source:
    'Nguồn: Sổ theo dõi thực hiện chính sách; số liệu tổng hợp từ các hoạt động đã ghi nhận đến ngày {asOf}; lập ngày {made}.',
  no: 'STT',
  indicator: 'Chỉ tiêu',
  section: 'Mục',
  unit: 'Đơn vị tính',
  lead: 'Cơ quan chủ trì',
  target: 'Mục tiêu',
  deadline: 'Thời hạn',
  valueAtStart: 'Đầu kỳ',
  valueAtEnd: 'Cuối kỳ',
  change: 'Tăng/giảm',
  expectedByEnd: 'Cần đạt đến cuối kỳ',
  status: 'Tình trạng',
  code: 'Mã chỉ tiêu',
  sheetReport: 'Báo cáo',
  sheetCommunes: 'Theo xã',
  commune: 'Xã',
  value: 'Số liệu',
  progress: 'Mức đạt so với mục tiêu',
  communesTitle: 'Tiến độ từng xã: {indicator}',
  boundary_former: 'Ranh giới cũ (các xã trước ngày 01/7/2025)',
  boundary_current: 'Ranh giới mới (các xã từ ngày 01/7/2025)',
  chartDesc:
    'Biểu đồ thanh: số liệu của {count} xã tính đến ngày {asOf}; bảng bên dưới ghi cùng các số liệu.',
  noFigure: '—',
  page: 'Trang',
  status_achieved: 'Đã đạt',
  status_on_track: 'Đúng tiến độ',
  status_at_risk: 'Có nguy cơ chậm',
  status_off_track: 'Chậm tiến độ',
  status_no_data: 'Chưa có số liệu',
  status_no_target: 'Không có chỉ tiêu số',
};

type Words = typeof VI;

const EN: Words = {
  annual: 'Annual report {period}',
  '3-year': 'Three-year report {period}',
  '5-year': 'Five-year report {period}',
  custom: 'Report for {period}',
  subtitle: 'Implementation of the plan for Resolution 42-NQ/TW',
  area: 'Area',
  period: 'Reporting period',
  asOf: 'Figures as of',
  source:
    'Source: the policy implementation ledger; figures from the actions recorded up to {asOf}; made on {made}.',
  no: 'No.',
  indicator: 'Indicator',
  section: 'Section',
  unit: 'Unit',
  lead: 'Lead agency',
  target: 'Target',
  deadline: 'Deadline',
  valueAtStart: 'Start of period',
  valueAtEnd: 'End of period',
  change: 'Change',
  expectedByEnd: 'Expected by the end',
  status: 'Status',
  code: 'Indicator code',
  sheetReport: 'Report',
  sheetCommunes: 'By commune',
  commune: 'Commune',
  value: 'Figure',
  progress: 'Share of the target reached',
  communesTitle: 'Progress of every commune: {indicator}',
  boundary_former: 'Former boundaries (the communes before 1 July 2025)',
  boundary_current: 'New boundaries (the communes from 1 July 2025)',
  chartDesc:
    'Bar chart: the figure of {count} communes as of {asOf}; the table below gives the same figures.',
  noFigure: '—',
  page: 'Page',
  status_achieved: 'Achieved',
  status_on_track: 'On track',
  status_at_risk: 'At risk',
  status_off_track: 'Off track',
  status_no_data: 'No data',
  status_no_target: 'No numeric target',
};

/** The plan's units of measure (seeds/indicators.json unit) in Vietnamese; English keeps the seed's word. */
const UNITS_VI: Record<string, string> = {
  '%': '%',
  VND: 'đồng',
  houses: 'căn nhà',
  households: 'hộ',
  cases: 'trường hợp',
  persons: 'người',
  grants: 'lượt',
  'sets of remains': 'hài cốt',
  courses: 'lớp',
  loans: 'món vay',
  years: 'năm',
  'children per woman': 'con/phụ nữ',
  '% of national average': '% so với bình quân cả nước',
  'm2 per person': 'm²/người',
  milestone: 'mốc',
};

export type WordKey = keyof Words;

export function word(lang: ReportLang, key: WordKey, params: Record<string, string | number> = {}): string {
  const text = (lang === 'en' ? EN : VI)[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) =>
    name in params ? String(params[name]) : `{${name}}`,
  );
}

export function statusWord(lang: ReportLang, status: string): string {
  const key = `status_${status}` as WordKey;
  return key in VI ? word(lang, key) : status;
}

export function unitWord(lang: ReportLang, unit: string | null): string {
  if (!unit) return '';
  return lang === 'vi' ? (UNITS_VI[unit] ?? unit) : unit;
}

/** nameVi or nameEn, the other when one is missing, the code last. */
export function nameIn(
  lang: ReportLang,
  record: { nameVi: string | null; nameEn: string | null },
  code: string | null,
): string {
  return (lang === 'en' ? record.nameEn || record.nameVi : record.nameVi || record.nameEn) || code || '';
}

export function reportTitle(lang: ReportLang, report: Report): string {
  const period = report.period.replace('-', '–');
  return word(lang, report.kind, { period });
}
