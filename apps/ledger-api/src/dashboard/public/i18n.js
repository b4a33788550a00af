// Words of the dashboard in Vietnamese (the default) and English, and number / date formats per language.
// Names of indicators, agencies and org units come from the plan's data (nameVi / nameEn), not from here.
/* global document, localStorage, fetch */
import { en as accountWordsEn, vi as accountWordsVi } from './words-accounts.js';
import { en as offlineWordsEn, vi as offlineWordsVi } from './words-offline.js';
// The recording forms' words.
import { en as recordWordsEn, vi as recordWordsVi } from './words-record.js';

const vi = {
  skip: 'Bỏ qua, đến nội dung chính',
  brandTitle: 'Sổ theo dõi thực hiện chính sách xã hội',
  brandSub: 'Kế hoạch thực hiện Nghị quyết 42-NQ/TW — huyện Bác Ái',
  docTitle: 'Tiến độ thực hiện Nghị quyết 42-NQ/TW — huyện Bác Ái',
  navLabel: 'Chính',
  navOverview: 'Tổng quan',
  navAgencies: 'Cơ quan',
  navInspection: 'Thanh tra',
  orgUnit: 'Địa bàn',
  asOf: 'Tính đến ngày',
  today: 'Hôm nay',
  exportCsv: 'Xuất CSV',
  exportNothing: 'Trang này không có bảng để xuất.',
  exported: 'Đã xuất {rows} dòng ra tệp {file}.',
  langSwitch: 'English',
  langSwitchLang: 'en',
  footer:
    'Số liệu đọc từ sổ cái (các bản ghi không thể sửa xóa); trang công khai chỉ hiển thị số liệu tổng hợp.',
  loading: 'Đang tải…',
  loaded: 'Đã tải xong.',
  errorGeneric: 'Không tải được dữ liệu: {detail}',
  district: 'Toàn địa bàn',
  formerUnits: 'trước 01/7/2025',
  newUnits: 'từ 01/7/2025',

  overviewTitle: 'Tiến độ thực hiện các chỉ tiêu đến năm 2030',
  overviewIntro:
    'Các chỉ tiêu chủ yếu của mục II.2 Kế hoạch, theo nhóm như Kế hoạch, tại {unit}, tính đến ngày {date}.',
  summaryLabel: 'Tóm tắt theo trạng thái',
  tasksTitle: 'Nhiệm vụ của mục III (theo dõi, Kế hoạch không đặt chỉ tiêu số)',
  groupSocial: 'An sinh xã hội, lao động và việc làm',
  groupEduHealth: 'Giáo dục, dân số và y tế',
  groupHousing: 'Nhà ở, nước sạch và vệ sinh môi trường',
  groupCulture: 'Văn hóa và thông tin',
  groupOther: 'Chỉ tiêu khác',
  section: 'Mục {section}',
  colIndicator: 'Chỉ tiêu',
  colGroup: 'Nhóm',
  colTarget: 'Mục tiêu 2030',
  colCurrent: 'Hiện tại',
  colProgress: 'Tiến độ',
  colStatus: 'Trạng thái',
  colLead: 'Cơ quan chủ trì',
  colCommune: 'Xã',
  colForecast: 'Dự báo 2030',
  colUnit: 'Đơn vị tính',
  progressOf: '{pct} chặng đường đến mục tiêu',
  noFigure: '—',
  achievedYes: 'Đã đạt',
  achievedNo: 'Chưa đạt',

  status_achieved: 'Đã đạt',
  status_on_track: 'Đúng tiến độ',
  status_at_risk: 'Có nguy cơ chậm',
  status_off_track: 'Chậm tiến độ',
  status_no_data: 'Chưa có số liệu',
  status_no_target: 'Không có chỉ tiêu số',

  indicatorBack: '← Tổng quan',
  planText: 'Nội dung Kế hoạch',
  target: 'Mục tiêu',
  deadline: 'Thời hạn',
  current: 'Giá trị hiện tại',
  expectedByNow: 'Cần đạt theo lộ trình',
  forecast: 'Dự báo đến thời hạn',
  dataThrough: 'Số liệu đến tháng',
  lead: 'Cơ quan chủ trì',
  support: 'Cơ quan phối hợp',
  leadUnverified: '(phân công theo chức năng, Kế hoạch chưa nêu)',
  chartTitle: 'Diễn biến theo tháng so với mục tiêu',
  chartDesc:
    'Biểu đồ đường: giá trị theo tháng từ {from} đến {to}; đường ngang là mục tiêu {target}; đường nét đứt là dự báo {forecast} đến {deadline}.',
  legendSeries: 'Giá trị thực hiện',
  legendTarget: 'Mục tiêu',
  legendForecast: 'Dự báo',
  legendMilestones: 'Lộ trình',
  seriesTable: 'Số liệu theo tháng',
  month: 'Tháng',
  value: 'Giá trị',
  byCommune: 'Theo xã',
  byCommuneIntro: 'Mỗi xã đọc riêng; xã cũ có số liệu đến 01/7/2025, xã mới từ ngày đó.',
  validUntil: 'đến {date}',
  validFrom: 'từ {date}',

  agenciesTitle: 'Các cơ quan thực hiện Kế hoạch',
  agenciesIntro: 'Chọn một cơ quan để xem các chỉ tiêu do cơ quan chủ trì và những việc cơ quan đã ghi nhận.',
  colAgency: 'Cơ quan',
  colOrgUnit: 'Địa bàn',
  colLeads: 'Chỉ tiêu chủ trì',
  colValidity: 'Hiệu lực',
  agencyIndicators: 'Chỉ tiêu do cơ quan chủ trì',
  agencyNoIndicators: 'Cơ quan không chủ trì chỉ tiêu nào.',
  agencySuccession: 'Chuyển giao nhiệm vụ từ {date} cho: {to}',
  agencyPredecessors: 'Nhận nhiệm vụ từ: {from}',
  agencyTrail: 'Những việc cơ quan đã ghi nhận',
  agencyTrailNeedsToken: 'Phần này cần đăng nhập: thanh tra, hoặc cán bộ thuộc chính cơ quan.',
  recordedTotal: 'Tổng số việc đã ghi nhận: {n}',
  colType: 'Loại việc',
  colRecorded: 'Đã ghi',
  colAmended: 'Đã sửa',
  colRetracted: 'Đã hủy',
  officers: 'Cán bộ ghi nhận',
  colOfficer: 'Cán bộ',
  pastDue: 'Việc đang mở đã quá hạn',
  pastDueNone: 'Không có việc nào quá hạn.',
  colCase: 'Hồ sơ',
  colStep: 'Bước hiện tại',
  colNext: 'Bước tiếp theo',
  colDue: 'Hạn',
  colDutyHolder: 'Cơ quan phải làm',
  correctionsMade: 'Đính chính cơ quan đã làm',
  correctionsReceived: 'Đính chính cơ quan bị nhận',
  correctionsApproved: 'Đính chính cán bộ của cơ quan đã duyệt (người khác đề xuất)',
  colMadeBy: 'Người đính chính (đề xuất)',
  colApprovedBy: 'Người duyệt',
  approvedByShort: 'duyệt',
  correctionsCount: '{total} (sửa: {amendments}, hủy: {retractions})',
  correctionsNone: 'Không có đính chính.',
  colReason: 'Lý do',
  colWhen: 'Ngày',

  tokenLabel: 'Dán mã truy cập của tài khoản dịch vụ (token)',
  tokenHelp:
    'Mã do quản trị hệ thống cấp (npm run cli -- token). Mã chỉ được giữ trong tab này và gửi kèm mỗi yêu cầu.',
  tokenSave: 'Dùng mã này',
  tokenForget: 'Xóa mã',
  tokenSaved: 'Đã lưu mã truy cập cho tab này.',
  tokenForgotten: 'Đã xóa mã truy cập.',
  tokenAs: 'Đang dùng mã của: {who}',
  err401: 'Cần đăng nhập: chưa đăng nhập, phiên đã hết hoặc mã truy cập sai ({detail}).',
  err403: 'Tài khoản hoặc mã truy cập này không được xem phần này ({detail}).',
  err429: 'Quá nhiều yêu cầu, thử lại sau ít phút.',

  inspectionTitle: 'Tra cứu nhật ký thanh tra',
  inspectionIntro:
    'Tìm mọi việc đã ghi nhận theo cán bộ, xã, người thụ hưởng (mã bí danh), loại việc và ngày. Cần đăng nhập với vai trò thanh tra.',
  fActor: 'Cán bộ (mã)',
  fAgency: 'Cơ quan',
  fOrgUnit: 'Xã',
  fBeneficiary: 'Người thụ hưởng (mã bí danh b-…)',
  fReason: 'Lý do tra cứu người thụ hưởng',
  fReasonHelp:
    'Bắt buộc khi tìm theo người thụ hưởng (10 đến 500 ký tự, ví dụ số hồ sơ, đơn khiếu nại); lý do được ghi vào sổ cùng lần tra cứu.',
  fReasonNeeded: 'Tìm theo người thụ hưởng cần ghi lý do tra cứu (10 đến 500 ký tự).',
  fType: 'Loại việc',
  fFrom: 'Từ ngày',
  fTo: 'Đến ngày',
  fAny: '(tất cả)',
  search: 'Tìm',
  more: 'Xem thêm',
  results: '{n} kết quả',
  resultsMore: '{n} kết quả đầu tiên; còn nữa',
  noResults: 'Không có kết quả.',
  colOccurred: 'Ngày thực hiện',
  colRecordedAt: 'Ngày ghi',
  colSubject: 'Đối tượng',
  colChanges: 'Tác động',
  colEvent: 'Bản ghi',
  open: 'Mở',
  statusEffective: 'Hiệu lực',
  statusAmended: 'Đã sửa',
  statusRetracted: 'Đã hủy',

  eventTitle: 'Bản ghi {type}',
  eventBack: '← Kết quả tra cứu',
  eventEnvelope: 'Thông tin bản ghi',
  eventId: 'Mã bản ghi',
  stream: 'Luồng',
  position: 'Vị trí',
  revision: 'Phiên bản',
  occurredAt: 'Thời điểm thực hiện',
  recordedAt: 'Thời điểm ghi',
  actor: 'Người ghi',
  evidence: 'Chứng từ',
  evidenceNone: 'Không có',
  hash: 'Mã băm',
  eventData: 'Nội dung',
  effectiveData: 'Nội dung hiện hành (sau đính chính)',
  eventChanges: 'Tác động lên chỉ tiêu',
  eventNoChanges: 'Không tác động lên chỉ tiêu nào.',
  colDelta: 'Thay đổi',
  colPart: 'Phần',
  eventCorrections: 'Đính chính của bản ghi này',
  eventNoCorrections: 'Bản ghi chưa bị đính chính.',
  eventCorrects: 'Bản ghi này đính chính bản ghi {id}',
  kind_retraction: 'Hủy',
  kind_amendment: 'Sửa',
  field: 'Trường',

  side_claimed: 'đã báo cáo',
  side_verified: 'đã xác minh',
  side_official: 'chính thức',
  colAssurance: 'Đã báo cáo / đã xác minh / chính thức',
  colClaimed: 'Đã báo cáo',
  colVerified: 'Đã xác minh',
  colOfficial: 'Chính thức',
  assuranceLabel: 'Số liệu theo mức xác nhận',
  assuranceTitle: 'Đã báo cáo, đã xác minh, chính thức',
  assuranceLegendLabel: 'Chú giải mức xác nhận',
  assuranceHelp_claimed: 'cơ quan đã ghi nhận (mỗi căn nhà tính một lần)',
  assuranceHelp_verified: 'đã được người khác ngoài người ghi (thanh tra, cơ quan khác) kiểm tra',
  assuranceHelp_official: 'đã xác minh và nằm trong báo cáo kỳ đã được phê duyệt',
  assuranceAria: 'đã báo cáo {claimed}, đã xác minh {verified}, chính thức {official}',
  illustrativeLabel: 'Số liệu nền minh hoạ (không phải số liệu chính thức)',
  illustrativeHelp:
    'tỷ lệ tính trên số liệu nền minh hoạ (số giả định để tính được tỷ lệ, chưa có số liệu của cơ quan thống kê); không phải số đã báo cáo, đã xác minh hay chính thức',
  colIllustrative: 'Số liệu nền minh hoạ (không phải số liệu chính thức)',
  illustrativeShort: 'trên số liệu nền minh hoạ',

  fourEyesTitle: 'Phê duyệt báo cáo và thay đổi số liệu',
  fourEyesNeedsToken: 'Phần này cần đăng nhập (thanh tra, cán bộ, lãnh đạo hoặc người xem).',
  approvalsTitle: 'Báo cáo kỳ của chỉ tiêu tại {unit}',
  approvalsNone: 'Chưa có báo cáo kỳ nào của chỉ tiêu này tại địa bàn này được phê duyệt.',
  approvalsYearNot: 'Báo cáo năm {year}: chưa phê duyệt.',
  colPeriod: 'Kỳ báo cáo',
  colApprovedAt: 'Phê duyệt lúc',
  colApprovedFigure: 'Đã xác minh trong kỳ (khi phê duyệt)',
  colChangesSince: 'Thay đổi sau phê duyệt',
  periodYear: 'Năm {year}',
  periodQuarter: 'Quý {q}/{year}',
  report_approved: 'Đã phê duyệt',
  report_changed_since_approval: 'Có thay đổi sau phê duyệt',
  report_not_approved: 'Chưa phê duyệt',
  changesSinceTitle: 'Những bản ghi làm thay đổi báo cáo kỳ {period} sau khi phê duyệt',
  change_new_action: 'Ghi nhận mới',
  change_correction: 'Đính chính',
  change_approved_correction: 'Đính chính đã được duyệt',
  change_verification: 'Xác minh',
  change_dispute: 'Phản bác',
  colKind: 'Loại thay đổi',
  colClaimedDelta: 'Thay đổi số đã báo cáo',
  colVerifiedDelta: 'Thay đổi số đã xác minh',
  numeratorShort: 'tử số',
  denominatorShort: 'mẫu số',
  measurementShort: 'số đo',
  openAction: 'việc liên quan',
  restatementTitle: 'Số liệu đã thay đổi thế nào (theo ngày ghi sổ)',
  restatementIntro:
    'Liệt kê từng bản ghi được ghi sổ trong khoảng ngày đã chọn làm thay đổi số liệu (ghi nhận mới, đính chính, xác minh, phản bác), kèm lý do.',
  restFrom: 'Ghi sổ từ ngày',
  restTo: 'Đến ngày',
  restShow: 'Xem thay đổi',
  restFigures: '{side}: {atFrom} đầu ngày {from} → {atTo} cuối ngày {to} (hiện nay: {now})',
  restCount: '{n} thay đổi',
  restNone: 'Không có thay đổi nào trong khoảng ngày này.',

  csvIndicators: 'chi-tieu',
  // Tải sổ lên (views/upload.js)
  uploadTitle: 'Tải sổ lên',
  uploadLink: 'Tải cả sổ (xlsx, csv) lên',
  uploadIntro:
    'Chọn việc, tải mẫu, điền mỗi việc đã làm vào một dòng rồi chọn tệp. Trang kiểm tra từng dòng trước khi ghi; tải lại cùng một tệp không ghi thêm lần nữa.',
  uploadAction: 'Việc',
  uploadTemplates: 'Tải mẫu:',
  uploadFile: 'Tệp sổ (xlsx hoặc csv)',
  uploadPreview: 'Kiểm tra',
  uploadCommit: 'Ghi {valid} dòng hợp lệ',
  uploadChecking: 'Đang kiểm tra tệp…',
  uploadSummary: '{rows} dòng: {valid} hợp lệ, {rejected} bị từ chối.',
  uploadNoProblem: 'Mọi dòng đều hợp lệ.',
  uploadProblems: 'Các dòng có lỗi',
  uploadRow: 'Dòng',
  uploadColumn: 'Cột',
  uploadReason: 'Lý do',
  uploadProgress: 'Đang ghi {done}/{total} dòng',
  uploadDone: 'Đã ghi {recorded} dòng mới, {already} dòng đã ghi từ trước, {rejected} dòng bị từ chối.',
  uploadRejectedXlsx: 'Tải các dòng bị từ chối (xlsx)',
  uploadRejectedCsv: 'Tải các dòng bị từ chối (csv)',
  uploadFailed: 'Không ghi xong: {detail}',
};

const en = {
  skip: 'Skip to main content',
  brandTitle: 'Social policy implementation ledger',
  brandSub: 'Plan to implement Resolution 42-NQ/TW — Bác Ái district',
  docTitle: 'Progress of Resolution 42-NQ/TW — Bác Ái district',
  navLabel: 'Main',
  navOverview: 'Overview',
  navAgencies: 'Agencies',
  navInspection: 'Inspection',
  orgUnit: 'Area',
  asOf: 'As of',
  today: 'Today',
  exportCsv: 'Export CSV',
  exportNothing: 'This page has no table to export.',
  exported: 'Exported {rows} rows to {file}.',
  langSwitch: 'Tiếng Việt',
  langSwitchLang: 'vi',
  footer:
    'Figures read from the ledger (records are never edited or deleted); public pages show aggregates only.',
  loading: 'Loading…',
  loaded: 'Loaded.',
  errorGeneric: 'Could not load the data: {detail}',
  district: 'Whole plan area',
  formerUnits: 'until 1 July 2025',
  newUnits: 'from 1 July 2025',

  overviewTitle: 'Progress towards the 2030 targets',
  overviewIntro:
    'The main targets of section II.2 of the plan, grouped as the plan groups them, in {unit}, as of {date}.',
  summaryLabel: 'Summary by status',
  tasksTitle: 'Tasks of section III (tracked; the plan sets no number)',
  groupSocial: 'Social security, labour and jobs',
  groupEduHealth: 'Education, population and health',
  groupHousing: 'Housing, clean water and sanitation',
  groupCulture: 'Culture and information',
  groupOther: 'Other indicators',
  section: 'Section {section}',
  colIndicator: 'Indicator',
  colGroup: 'Group',
  colTarget: '2030 target',
  colCurrent: 'Current',
  colProgress: 'Progress',
  colStatus: 'Status',
  colLead: 'Lead agency',
  colCommune: 'Commune',
  colForecast: '2030 forecast',
  colUnit: 'Unit',
  progressOf: '{pct} of the way to the target',
  noFigure: '—',
  achievedYes: 'Achieved',
  achievedNo: 'Not yet',

  status_achieved: 'Achieved',
  status_on_track: 'On track',
  status_at_risk: 'At risk',
  status_off_track: 'Off track',
  status_no_data: 'No data',
  status_no_target: 'No numeric target',

  indicatorBack: '← Overview',
  planText: 'Plan text',
  target: 'Target',
  deadline: 'Deadline',
  current: 'Current value',
  expectedByNow: 'Expected by now',
  forecast: 'Forecast at the deadline',
  dataThrough: 'Data through',
  lead: 'Lead agency',
  support: 'Supporting agencies',
  leadUnverified: '(assigned by function; the plan names none)',
  chartTitle: 'Month by month against the target',
  chartDesc:
    'Line chart: monthly values from {from} to {to}; the horizontal line is the target {target}; the dashed line is the forecast {forecast} at {deadline}.',
  legendSeries: 'Value',
  legendTarget: 'Target',
  legendForecast: 'Forecast',
  legendMilestones: 'Milestones',
  seriesTable: 'Monthly figures',
  month: 'Month',
  value: 'Value',
  byCommune: 'By commune',
  byCommuneIntro:
    'Each commune read on its own; former communes have figures until 1 July 2025, new ones from then.',
  validUntil: 'until {date}',
  validFrom: 'from {date}',

  agenciesTitle: 'Agencies carrying out the plan',
  agenciesIntro: 'Choose an agency to see the indicators it leads and what it has recorded.',
  colAgency: 'Agency',
  colOrgUnit: 'Area',
  colLeads: 'Indicators led',
  colValidity: 'Valid',
  agencyIndicators: 'Indicators the agency leads',
  agencyNoIndicators: 'The agency leads no indicator.',
  agencySuccession: 'Duties passed on {date} to: {to}',
  agencyPredecessors: 'Took over duties from: {from}',
  agencyTrail: 'What the agency recorded',
  agencyTrailNeedsToken: 'This part needs you to sign in: an inspector, or an officer of this agency.',
  recordedTotal: 'Actions recorded: {n}',
  colType: 'Action',
  colRecorded: 'Recorded',
  colAmended: 'Amended',
  colRetracted: 'Retracted',
  officers: 'Officers who recorded',
  colOfficer: 'Officer',
  pastDue: 'Open case steps past due',
  pastDueNone: 'No step is past due.',
  colCase: 'Case',
  colStep: 'Current step',
  colNext: 'Next step',
  colDue: 'Due by',
  colDutyHolder: 'Duty holder',
  correctionsMade: 'Corrections made by the agency',
  correctionsReceived: "Corrections of the agency's records",
  correctionsApproved: 'Corrections its officers approved (proposed by someone else)',
  colMadeBy: 'Made (proposed) by',
  colApprovedBy: 'Approved by',
  approvedByShort: 'approved by',
  correctionsCount: '{total} (amended: {amendments}, retracted: {retractions})',
  correctionsNone: 'No corrections.',
  colReason: 'Reason',
  colWhen: 'Date',

  tokenLabel: 'Service account access token',
  tokenHelp:
    'Issued by the administrator (npm run cli -- token). Kept in this tab only and sent with each request.',
  tokenSave: 'Use this token',
  tokenForget: 'Forget token',
  tokenSaved: 'Token kept for this tab.',
  tokenForgotten: 'Token forgotten.',
  tokenAs: 'Using the token of: {who}',
  err401: 'Sign-in needed: not signed in, the session has ended or the token is wrong ({detail}).',
  err403: 'This account or token may not see this ({detail}).',
  err429: 'Too many requests; try again in a few minutes.',

  inspectionTitle: 'Search the inspection trail',
  inspectionIntro:
    'Find every recorded action by officer, commune, beneficiary (pseudonymous reference), type and date. Needs an inspector to sign in.',
  fActor: 'Officer (id)',
  fAgency: 'Agency',
  fOrgUnit: 'Commune',
  fBeneficiary: 'Beneficiary (reference b-…)',
  fReason: 'Why you look up this beneficiary',
  fReasonHelp:
    'Needed to search by beneficiary (10 to 500 characters, e.g. a case file or complaint number); it is kept on the record with the search.',
  fReasonNeeded: 'A search by beneficiary needs the reason you look them up (10 to 500 characters).',
  fType: 'Action type',
  fFrom: 'From',
  fTo: 'To',
  fAny: '(any)',
  search: 'Search',
  more: 'More',
  results: '{n} results',
  resultsMore: 'first {n} results; there are more',
  noResults: 'No results.',
  colOccurred: 'Occurred',
  colRecordedAt: 'Recorded',
  colSubject: 'Subject',
  colChanges: 'Effect',
  colEvent: 'Record',
  open: 'Open',
  statusEffective: 'Effective',
  statusAmended: 'Amended',
  statusRetracted: 'Retracted',

  eventTitle: 'Record {type}',
  eventBack: '← Search results',
  eventEnvelope: 'Envelope',
  eventId: 'Event id',
  stream: 'Stream',
  position: 'Position',
  revision: 'Revision',
  occurredAt: 'Occurred at',
  recordedAt: 'Recorded at',
  actor: 'Recorded by',
  evidence: 'Evidence',
  evidenceNone: 'None',
  hash: 'Hash',
  eventData: 'Data',
  effectiveData: 'Data in force (after corrections)',
  eventChanges: 'Effect on indicators',
  eventNoChanges: 'No effect on any indicator.',
  colDelta: 'Change',
  colPart: 'Part',
  eventCorrections: 'Corrections of this record',
  eventNoCorrections: 'This record has not been corrected.',
  eventCorrects: 'This record corrects record {id}',
  kind_retraction: 'Retraction',
  kind_amendment: 'Amendment',
  field: 'Field',

  side_claimed: 'claimed',
  side_verified: 'verified',
  side_official: 'official',
  colAssurance: 'Claimed / verified / official',
  colClaimed: 'Claimed',
  colVerified: 'Verified',
  colOfficial: 'Official',
  assuranceLabel: 'The figure by assurance',
  assuranceTitle: 'Claimed, verified, official',
  assuranceLegendLabel: 'Key to the assurance figures',
  assuranceHelp_claimed: 'recorded by the agencies (each house counted once)',
  assuranceHelp_verified: 'checked by someone other than the recorder (an inspector, another agency)',
  assuranceHelp_official: 'verified and inside an approved period report',
  assuranceAria: 'claimed {claimed}, verified {verified}, official {official}',
  illustrativeLabel: 'On an illustrative baseline (not an official statistic)',
  illustrativeHelp:
    "the ratio computed on an illustrative baseline (a made-up figure so that it can be computed; the statistics office's figure is not known yet); neither claimed, verified nor official",
  colIllustrative: 'On an illustrative baseline (not an official statistic)',
  illustrativeShort: 'on an illustrative baseline',

  fourEyesTitle: 'Report approvals and changes to the figure',
  fourEyesNeedsToken: 'This part needs you to sign in (inspector, officer, supervisor or viewer).',
  approvalsTitle: 'Period reports of this indicator in {unit}',
  approvalsNone: 'No period report of this indicator in this area has been approved.',
  approvalsYearNot: 'Report for {year}: not approved.',
  colPeriod: 'Period',
  colApprovedAt: 'Approved at',
  colApprovedFigure: 'Verified in the period (as approved)',
  colChangesSince: 'Changes since approval',
  periodYear: 'Year {year}',
  periodQuarter: 'Q{q} {year}',
  report_approved: 'Approved',
  report_changed_since_approval: 'Changed since approval',
  report_not_approved: 'Not approved',
  changesSinceTitle: 'Records that changed the report for {period} after its approval',
  change_new_action: 'New action',
  change_correction: 'Correction',
  change_approved_correction: 'Approved correction',
  change_verification: 'Verification',
  change_dispute: 'Dispute',
  colKind: 'Kind of change',
  colClaimedDelta: 'Change to claimed',
  colVerifiedDelta: 'Change to verified',
  numeratorShort: 'numerator',
  denominatorShort: 'denominator',
  measurementShort: 'measurement',
  openAction: 'action concerned',
  restatementTitle: 'How the figure changed (by date recorded)',
  restatementIntro:
    'Every record entered in the ledger between the two dates that moved the figure (new actions, corrections, verifications, disputes), with its reason.',
  restFrom: 'Recorded from',
  restTo: 'To',
  restShow: 'Show changes',
  restFigures: '{side}: {atFrom} at the start of {from} → {atTo} at the end of {to} (now: {now})',
  restCount: '{n} changes',
  restNone: 'No change in this period.',

  csvIndicators: 'indicators',
  // Upload a register (views/upload.js)
  uploadTitle: 'Upload a register',
  uploadLink: 'Upload a whole register (xlsx, csv)',
  uploadIntro:
    'Pick the action, download the template, write one action done per row, then choose the file. Every row is checked before anything is recorded; uploading the same file again records nothing twice.',
  uploadAction: 'Action',
  uploadTemplates: 'Templates:',
  uploadFile: 'Register file (xlsx or csv)',
  uploadPreview: 'Check',
  uploadCommit: 'Record the {valid} valid rows',
  uploadChecking: 'Checking the file…',
  uploadSummary: '{rows} rows: {valid} valid, {rejected} rejected.',
  uploadNoProblem: 'Every row is valid.',
  uploadProblems: 'Rows with problems',
  uploadRow: 'Row',
  uploadColumn: 'Column',
  uploadReason: 'Reason',
  uploadProgress: 'Recording {done}/{total} rows',
  uploadDone: 'Recorded {recorded} new rows, {already} were recorded before, {rejected} rejected.',
  uploadRejectedXlsx: 'Download the rejected rows (xlsx)',
  uploadRejectedCsv: 'Download the rejected rows (csv)',
  uploadFailed: 'Not finished: {detail}',
};

/**
 * Event types in words; an unknown type shows as itself. The actions' events come from the ledger's catalogue
 * of actions (GET /actions/labels: the catalogue's words only, read from the action descriptors) and are put
 * first; these are the others.
 */
const EVENT_TYPES = {
  EventCorrected: ['Đính chính', 'Correction'],
  ActionVerified: ['Xác minh việc đã ghi', 'Action verified'],
  ActionDisputed: ['Phản bác việc đã xác minh', 'Action disputed'],
  CorrectionProposed: ['Đề xuất đính chính', 'Correction proposed'],
  CorrectionApproved: ['Duyệt đề xuất đính chính', 'Correction approved'],
  CorrectionRejected: ['Từ chối đề xuất đính chính', 'Correction rejected'],
  ReportApproved: ['Phê duyệt báo cáo kỳ', 'Period report approved'],
  TargetRevised: ['Điều chỉnh chỉ tiêu', 'Target revised'],
  TargetSet: ['Đặt chỉ tiêu', 'Target set'],
  PlanAdopted: ['Ban hành Kế hoạch', 'Plan adopted'],
  IndicatorDefined: ['Định nghĩa chỉ tiêu', 'Indicator defined'],
  ResponsibilityAssigned: ['Phân công chủ trì', 'Responsibility assigned'],
  BaselineRecorded: ['Ghi nhận số liệu gốc', 'Baseline recorded'],
  OrgUnitRegistered: ['Đăng ký đơn vị hành chính', 'Org unit registered'],
  OrgUnitChangeRecorded: ['Sắp xếp đơn vị hành chính', 'Org unit change recorded'],
  AgencyRegistered: ['Đăng ký cơ quan', 'Agency registered'],
  AgencySuccessionRecorded: ['Chuyển giao nhiệm vụ cơ quan', 'Agency succession recorded'],
};

/** The action events' labels by type, from GET /actions/labels. */
const ACTION_EVENT_TYPES = {};

/** Every event type in words, the actions' first (filled once the catalogue is read). */
export const ACTION_TYPES = Object.keys(EVENT_TYPES);

async function loadActionCatalogue() {
  try {
    const response = await fetch('/actions/labels', { credentials: 'omit' });
    if (!response.ok) return;
    const catalogue = await response.json();
    for (const action of catalogue.actions ?? []) {
      for (const event of action.eventTypes ?? [])
        ACTION_EVENT_TYPES[event.type] = [event.label.vi, event.label.en];
    }
    ACTION_TYPES.splice(
      0,
      ACTION_TYPES.length,
      ...Object.keys(ACTION_EVENT_TYPES),
      ...Object.keys(EVENT_TYPES),
    );
  } catch {
    // the catalogue could not be read: action events show by their type
  }
}

await loadActionCatalogue();

const DICTIONARIES = {
  vi: { ...vi, ...accountWordsVi, ...offlineWordsVi, ...recordWordsVi },
  en: { ...en, ...accountWordsEn, ...offlineWordsEn, ...recordWordsEn },
};
const LANG_KEY = 'ledger-dashboard-lang';

let current = 'vi';
try {
  const saved = localStorage.getItem(LANG_KEY);
  if (saved === 'en' || saved === 'vi') current = saved;
} catch {
  // storage may be off: Vietnamese it is
}

export const lang = () => current;

export function setLang(next) {
  current = next === 'en' ? 'en' : 'vi';
  try {
    localStorage.setItem(LANG_KEY, current);
  } catch {
    // not kept across visits; fine
  }
  document.documentElement.lang = current;
  for (const input of document.querySelectorAll('input[type="date"]')) input.lang = dateInputLang();
}

/**
 * The locale of the date pickers: day first (dd/mm/yyyy) in both languages, as every date the page writes,
 * whatever the browser's own locale (browsers that honour `lang` on a date input follow it).
 */
export const dateInputLang = () => (current === 'en' ? 'en-GB' : 'vi-VN');

/** A word of the dashboard, with {name} placeholders filled in. */
export function t(key, params = {}) {
  const text = DICTIONARIES[current][key] ?? DICTIONARIES.vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`));
}

/** nameVi or nameEn of a record from the plan's data. */
export function nameOf(record) {
  if (!record) return '';
  return (
    (current === 'en' ? record.nameEn : record.nameVi) || record.nameVi || record.nameEn || record.code || ''
  );
}

export function eventTypeName(type) {
  const names = ACTION_EVENT_TYPES[type] ?? EVENT_TYPES[type];
  return names ? names[current === 'en' ? 1 : 0] : type;
}

const locale = () => (current === 'en' ? 'en-GB' : 'vi-VN');

export function formatNumber(value, maxDigits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return t('noFigure');
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: maxDigits }).format(value);
}

export function formatPercent(share) {
  if (share === null || share === undefined) return t('noFigure');
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

const HANOI_OFFSET_MS = 7 * 60 * 60 * 1000;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/;

/**
 * The day (YYYY-MM-DD) of an ISO date or date-time in Asia/Ho_Chi_Minh (UTC+7, no daylight saving time),
 * as the ledger takes every day (libs/domain/src/shared/local-time.ts); a plain date is kept; no argument:
 * today in Hanoi, whatever the browser's time zone.
 */
export function ledgerDay(iso) {
  if (iso === undefined) return new Date(Date.now() + HANOI_OFFSET_MS).toISOString().slice(0, 10);
  const text = String(iso);
  if (!WITH_OFFSET.test(text)) return text.slice(0, 10);
  const millis = Date.parse(text);
  return Number.isFinite(millis)
    ? new Date(millis + HANOI_OFFSET_MS).toISOString().slice(0, 10)
    : text.slice(0, 10);
}

/** YYYY-MM-DD (or an ISO date-time, its day in Hanoi) as a date in the language's order. */
export function formatDate(iso) {
  if (!iso) return t('noFigure');
  const [y, m, d] = ledgerDay(iso).split('-');
  return current === 'en' ? `${d}/${m}/${y}` : `${d}/${m}/${y}`;
}

export function formatMonth(month) {
  if (!month) return t('noFigure');
  const [y, m] = month.split('-');
  return `${m}/${y}`;
}

export function formatDateTime(iso) {
  if (!iso) return t('noFigure');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(date);
}

// The indicator page's bar per commune (on the former or the new boundaries) and its printable report.
Object.assign(DICTIONARIES.vi, {
  reportBoundary: 'Ranh giới',
  reportBoundary_former: 'Các xã trước ngày 01/7/2025',
  reportBoundary_current: 'Các xã từ ngày 01/7/2025',
  communeChartTitle: 'Tiến độ từng xã: {indicator}',
  communeChartDesc:
    'Biểu đồ thanh: số liệu của {count} xã tính đến ngày {date}; bảng bên dưới ghi cùng các số liệu.',
  printableReport: 'Báo cáo năm {year} để in (có biểu đồ này)',
});
Object.assign(DICTIONARIES.en, {
  reportBoundary: 'Boundaries',
  reportBoundary_former: 'The communes before 1 July 2025',
  reportBoundary_current: 'The communes from 1 July 2025',
  communeChartTitle: 'Progress of every commune: {indicator}',
  communeChartDesc:
    'Bar chart: the figure of {count} communes as of {date}; the table below gives the same figures.',
  printableReport: 'Printable report for {year} (with this chart)',
});
