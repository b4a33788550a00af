// The columns of a register for one action command, from its descriptor: what the upload reads, what the
// template writes (Vietnamese or English headers, each ending with the column's key in parentheses, so that a
// renamed or translated header is still understood) and the rule each column follows, in words.
import { MONEY_VND, type Label, type RequestField } from '@ledger/domain';
import { importColumnOf, type ImportableCommand } from '../actions/action-import';

export type Lang = 'vi' | 'en';

export interface UploadColumn {
  key: string;
  label: Label;
  required: boolean;
  field?: RequestField;
  /** Filled from the plan's codes in a template (a drop-down list). */
  list?: 'communes' | 'agencies' | 'values';
  example: string;
  rule: Label;
}

const ROW_ID: UploadColumn = {
  key: 'row_id',
  label: { vi: 'Mã dòng', en: 'Row id' },
  required: false,
  example: 'SO-2026-0001',
  rule: {
    vi: 'Tùy chọn: mã riêng của dòng trong sổ; tải lại cùng mã không ghi thêm lần nữa',
    en: "Optional: the row's own id in the register; uploading it again records nothing twice",
  },
};
const OCCURRED_AT: UploadColumn = {
  key: 'occurred_at',
  label: { vi: 'Ngày thực hiện', en: 'Date done' },
  required: true,
  example: '2026-07-20',
  rule: {
    vi: 'Ngày (2026-07-20 hoặc 20/07/2026) hoặc ngày giờ ISO 8601; giờ Việt Nam',
    en: 'A day (2026-07-20 or 20/07/2026) or an ISO 8601 date and time; Vietnam time',
  },
};
const EVIDENCE: UploadColumn[] = [
  {
    key: 'evidence_ref',
    label: { vi: 'Số văn bản minh chứng', en: 'Evidence reference' },
    required: false,
    // Empty in the example row: a reference needs the document's sha256 beside it.
    example: '',
    rule: { vi: 'Tùy chọn: số hoặc tên văn bản', en: 'Optional: number or name of the document' },
  },
  {
    key: 'evidence_sha256',
    label: { vi: 'Mã băm SHA-256 minh chứng', en: 'Evidence SHA-256' },
    required: false,
    example: '',
    rule: {
      vi: 'Bắt buộc khi có số văn bản: 64 ký tự hex',
      en: 'Required with an evidence reference: 64 hex digits',
    },
  },
];
/** Who recorded the row: only in an operator's import of paper records (the CLI); a signed-in officer is himself. */
export const ACTOR_COLUMNS: UploadColumn[] = [
  {
    key: 'officer',
    label: { vi: 'Cán bộ', en: 'Officer' },
    required: true,
    example: 'nguyen.van.a',
    rule: { vi: 'Mã cán bộ (2-64 chữ, số, . _ -)', en: 'Officer id (2-64 letters, digits, . _ -)' },
  },
  {
    key: 'agency',
    label: { vi: 'Cơ quan', en: 'Agency' },
    required: true,
    list: 'agencies',
    example: '',
    rule: {
      vi: 'Mã cơ quan trong kế hoạch (chọn trong danh sách)',
      en: 'An agency code of the plan (pick from the list)',
    },
  },
];

const vnd = (n: number) => n.toLocaleString('vi-VN');

/** The rule of a field, in words (the reason a cell is refused names it). */
export function ruleOf(field: RequestField): Label {
  const bounds = (vi: string, en: string): Label => {
    const parts: Label = { vi, en };
    if (field.min !== undefined) {
      parts.vi += `, từ ${field.min}`;
      parts.en += `, at least ${field.min}`;
    }
    if (field.max !== undefined) {
      parts.vi += `, đến ${field.max}`;
      parts.en += `, at most ${field.max}`;
    }
    if (field.positive) {
      parts.vi += ', lớn hơn 0';
      parts.en += ', above 0';
    }
    return parts;
  };
  switch (field.type) {
    case 'text':
      return {
        vi: `Chữ, 1 đến ${field.maxLength ?? 500} ký tự`,
        en: `Text, 1 to ${field.maxLength ?? 500} characters`,
      };
    case 'personName':
      return { vi: 'Họ và tên, 1 đến 200 ký tự', en: 'Full name, 1 to 200 characters' };
    case 'phone':
      return {
        vi: 'Số điện thoại Việt Nam, ví dụ 0912345678',
        en: 'A Vietnamese phone number such as 0912345678',
      };
    case 'citizenId':
      return {
        vi: 'Số CCCD 12 chữ số (không lưu, chỉ lưu mã giả danh)',
        en: 'Citizen id, 12 digits (never stored, only its pseudonymous reference)',
      };
    case 'orgUnitCode':
      return {
        vi: 'Mã đơn vị hành chính đang có hiệu lực (chọn trong danh sách)',
        en: 'An org unit code in force (pick from the list)',
      };
    case 'programmeCode':
      return { vi: 'Mã chương trình (a-z, 0-9, -)', en: 'Programme code (a-z, 0-9, -)' };
    case 'indicatorKey':
      return { vi: 'Mã chỉ tiêu của kế hoạch', en: 'An indicator key of the plan' };
    case 'facilityCode':
      return {
        vi: 'Mã cơ sở (2-64 chữ, số, . _ -), không phải số CCCD',
        en: 'Facility code (2-64 letters, digits, . _ -), never a citizen id',
      };
    case 'reference':
      return {
        vi: '1-100 chữ, số, dấu chấm, gạch dưới hoặc gạch ngang',
        en: '1-100 letters, digits, dot, underscore or -',
      };
    case 'uuid':
      return { vi: 'Mã UUID', en: 'A UUID' };
    case 'period':
      return { vi: 'Kỳ: YYYY, YYYY-MM hoặc YYYY-Qn', en: 'Period: YYYY, YYYY-MM or YYYY-Qn' };
    case 'enum':
      return {
        vi: `Một trong: ${(field.values ?? []).join(', ')} (chọn trong danh sách)`,
        en: `One of: ${(field.values ?? []).join(', ')} (pick from the list)`,
      };
    case 'integer':
      return bounds('Số nguyên', 'A whole number');
    case 'number':
      return bounds(
        `Số${field.maxDecimalPlaces !== undefined ? `, tối đa ${field.maxDecimalPlaces} chữ số thập phân` : ''}`,
        'A number',
      );
    case 'moneyVnd':
      return {
        vi: `Số tiền VND, số nguyên từ ${vnd(MONEY_VND.min)} đến ${vnd(MONEY_VND.max)}`,
        en: `Amount in VND, whole dong from ${MONEY_VND.min} to ${MONEY_VND.max}`,
      };
  }
}

function fieldColumn(field: RequestField, importable: ImportableCommand): UploadColumn {
  const key = importColumnOf(field);
  if (field.newId)
    return {
      key,
      label: { vi: 'Mã hồ sơ', en: 'Case id' },
      required: false,
      field,
      example: 'HS-2026-001',
      rule: {
        vi: 'Tùy chọn: mã hồ sơ của đơn vị; các bước sau của hồ sơ ghi cùng mã này',
        en: "Optional: the agency's case number; the case's later steps name the same",
      },
    };
  return {
    key,
    label: field.label,
    required: field.required && !field.onlyWhen,
    field,
    list:
      field.type === 'enum'
        ? 'values'
        : field.type === 'orgUnitCode' && field.name === importable.command.orgUnitField
          ? 'communes'
          : undefined,
    example: String(field.example),
    rule: ruleOf(field),
  };
}

/** The columns of one command's register: row id, the case, its fields, the day and the evidence. */
export function uploadColumns(
  importable: ImportableCommand,
  options: { actor?: boolean } = {},
): UploadColumn[] {
  const columns: UploadColumn[] = [ROW_ID];
  if (options.actor) columns.push(...ACTOR_COLUMNS);
  if (importable.needsCase)
    columns.push({
      key: 'case_id',
      label: { vi: 'Mã hồ sơ', en: 'Case id' },
      required: true,
      example: 'HS-2026-001',
      rule: {
        vi: 'Mã hồ sơ đã ghi (mã của đơn vị hoặc UUID)',
        en: "The case's id as recorded (the agency's number or the UUID)",
      },
    });
  for (const field of importable.command.fields) {
    if (field.newId && !importable.command.returnsCaseId) continue;
    columns.push(fieldColumn(field, importable));
  }
  columns.push(OCCURRED_AT, ...EVIDENCE);
  return columns;
}

/** A template's header: the label in the chosen language, the key in parentheses, a star when required. */
export const headerOf = (column: UploadColumn, lang: Lang): string =>
  `${column.label[lang]} (${column.key})${column.required ? ' *' : ''}`;

const normal = (text: string) =>
  text
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/\s*\*$/, '');

/**
 * The column key of a header: the key in parentheses when it ends with one, else a label (vi or en) of one of
 * the columns, else the header itself in snake_case (a hand-made file with the keys as headers).
 */
export function keyOfHeader(header: string, columns: readonly UploadColumn[]): string {
  const text = normal(header);
  const inParentheses = /\(([a-z0-9_]+)\)$/.exec(text);
  if (inParentheses) return inParentheses[1];
  const byLabel = columns.find((c) => normal(c.label.vi) === text || normal(c.label.en) === text);
  return byLabel ? byLabel.key : text.replace(/\s+/g, '_');
}
