// The template of one action's register, from its descriptor: a data sheet with the headers (Vietnamese, or
// English), an example row from the descriptor's example values, drop-down lists of the plan's codes (communes
// and agencies in force today, the enum values) kept on a sheet of their own, and a sheet of notes that says
// what each column takes. The CSV template has the header and the example row only.
import ExcelJS from 'exceljs';
import { toCsvLine } from '../import/csv-cell';
import type { ImportableCommand } from '../actions/action-import';
import { headerOf, uploadColumns, type Lang, type UploadColumn } from './upload-columns';

import { agencyOutOfForce, orgUnitOutOfForce, type PlanSeed, type WritePolicyContext } from '@ledger/domain';

export interface PlanCodes {
  /** Communes in force today, with their names. */
  communes: ReadonlyArray<{ code: string; name: string }>;
  agencies: ReadonlyArray<{ code: string; name: string }>;
}

/** The communes and agencies in force on a day, by code. */
export function planCodesOn(seed: PlanSeed, access: WritePolicyContext, day: string): PlanCodes {
  const model = access.inForce;
  const inForceUnit = (code: string) => !model || orgUnitOutOfForce(code, day, model) === null;
  return {
    communes: seed.orgUnits
      .filter((u) => u.level === 'commune' && inForceUnit(u.code))
      .map((u) => ({ code: u.code, name: u.nameVi })),
    agencies: seed.agencies
      .filter((a) => !model || agencyOutOfForce(a.code, a.orgUnit, day, model) === null)
      .map((a) => ({ code: a.code, name: a.nameVi })),
  };
}

/** Rows of the data sheet that carry the drop-down lists. */
const LIST_ROWS = 2000;
const DATA_SHEET = { vi: 'Dữ liệu', en: 'Data' };
const LISTS_SHEET = { vi: 'Danh mục', en: 'Lists' };
const NOTES_SHEET = { vi: 'Hướng dẫn', en: 'Notes' };

const columnLetter = (index: number): string => {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

function exampleOf(column: UploadColumn, codes: PlanCodes): string | number {
  if (
    column.list === 'communes' &&
    codes.communes.length > 0 &&
    !codes.communes.some((c) => c.code === column.example)
  )
    return codes.communes[0].code;
  if (column.list === 'agencies') return codes.agencies[0]?.code ?? '';
  if (
    column.field &&
    (column.field.type === 'integer' || column.field.type === 'number' || column.field.type === 'moneyVnd')
  )
    return Number(column.example);
  return column.example;
}

export function templateCsv(
  importable: ImportableCommand,
  lang: Lang,
  codes: PlanCodes,
  actor = false,
): string {
  const columns = uploadColumns(importable, { actor });
  return `\uFEFF${toCsvLine(columns.map((c) => headerOf(c, lang)))}\r\n${toCsvLine(columns.map((c) => exampleOf(c, codes)))}\r\n`;
}

export async function templateXlsx(
  importable: ImportableCommand,
  lang: Lang,
  codes: PlanCodes,
  actor = false,
): Promise<Buffer> {
  const columns = uploadColumns(importable, { actor });
  const book = new ExcelJS.Workbook();
  book.creator = 'policy ledger';
  const data = book.addWorksheet(DATA_SHEET[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = book.addWorksheet(LISTS_SHEET[lang]);
  const notes = book.addWorksheet(NOTES_SHEET[lang]);

  const header = data.addRow(columns.map((c) => headerOf(c, lang)));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  data.addRow(columns.map((c) => exampleOf(c, codes)));
  columns.forEach((c, i) => {
    data.getColumn(i + 1).width = Math.max(14, Math.min(40, headerOf(c, lang).length + 2));
    // Text columns stay text: a citizen id or a code keeps its leading zeros.
    if (
      c.field?.type !== 'integer' &&
      c.field?.type !== 'number' &&
      c.field?.type !== 'moneyVnd' &&
      c.key !== 'occurred_at'
    )
      data.getColumn(i + 1).numFmt = '@';
  });

  // Each list is a column of the lists sheet; the data sheet's cells point at it (a list written inline in
  // the validation is limited to 255 characters, too short for the communes).
  let listColumn = 0;
  const addList = (title: string, values: readonly string[]): string => {
    const letter = columnLetter(listColumn++);
    lists.getCell(`${letter}1`).value = title;
    lists.getCell(`${letter}1`).font = { bold: true };
    values.forEach((v, i) => (lists.getCell(`${letter}${i + 2}`).value = v));
    return `'${LISTS_SHEET[lang]}'!$${letter}$2:$${letter}$${Math.max(2, values.length + 1)}`;
  };
  columns.forEach((column, i) => {
    const values =
      column.list === 'communes'
        ? codes.communes.map((c) => c.code)
        : column.list === 'agencies'
          ? codes.agencies.map((a) => a.code)
          : column.list === 'values'
            ? [...(column.field?.values ?? [])]
            : null;
    if (!values || values.length === 0) return;
    const range = addList(column.key, values);
    const letter = columnLetter(i);
    // exceljs writes ranged validations, but its typings do not declare the collection.
    (
      data as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add(`${letter}2:${letter}${LIST_ROWS}`, {
      type: 'list',
      allowBlank: !column.required,
      formulae: [range],
      showErrorMessage: true,
      errorStyle: 'error',
      errorTitle: lang === 'vi' ? 'Giá trị không có trong danh sách' : 'Not in the list',
      error: column.rule[lang],
    });
  });
  // The names beside the codes, so that the officer can find his commune and agency.
  const named = (title: string, rows: PlanCodes['communes']) => {
    const code = columnLetter(listColumn++);
    const name = columnLetter(listColumn++);
    lists.getCell(`${code}1`).value = title;
    lists.getCell(`${name}1`).value = lang === 'vi' ? 'Tên' : 'Name';
    rows.forEach((r, i) => {
      lists.getCell(`${code}${i + 2}`).value = r.code;
      lists.getCell(`${name}${i + 2}`).value = r.name;
    });
  };
  named(lang === 'vi' ? 'Mã xã' : 'Commune code', codes.communes);
  named(lang === 'vi' ? 'Mã cơ quan' : 'Agency code', codes.agencies);

  const title = importable.command.label[lang];
  notes.addRow([title]).font = { bold: true, size: 14 };
  notes.addRow([
    lang === 'vi'
      ? `Mỗi dòng của trang "${DATA_SHEET.vi}" là một việc đã làm (${importable.name}). Dòng 2 là dòng mẫu: hãy xóa hoặc sửa. Cột có dấu * là bắt buộc. Tải lên cùng một tệp lần nữa không ghi thêm gì.`
      : `Each row of the "${DATA_SHEET.en}" sheet is one action done (${importable.name}). Row 2 is an example: delete or change it. Columns marked * are required. Uploading the same file again records nothing twice.`,
  ]);
  notes.addRow([]);
  notes.addRow(
    lang === 'vi'
      ? ['Cột', 'Mã cột', 'Bắt buộc', 'Quy tắc', 'Ví dụ']
      : ['Column', 'Key', 'Required', 'Rule', 'Example'],
  ).font = { bold: true };
  for (const c of columns)
    notes.addRow([
      c.label[lang],
      c.key,
      c.required ? (lang === 'vi' ? 'có' : 'yes') : '',
      c.rule[lang],
      String(exampleOf(c, codes)),
    ]);
  notes.columns.forEach((column, i) => (column.width = [30, 20, 10, 70, 24][i]));
  return Buffer.from(await book.xlsx.writeBuffer());
}
