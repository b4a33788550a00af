// The report as a table for people, shared by the xlsx and the printable renderings: which columns, in which
// words, and for each cell the value (a number stays a number) and its text as a person reads it.
import type { Report, ReportRow } from './get-report.query';
import { formatDay, formatFigure } from './report-figures';
import { nameIn, statusWord, unitWord, type ReportLang, type WordKey } from './report-words';

export type CellKind = 'text' | 'figure' | 'date';

export interface ReportColumn {
  key: WordKey;
  kind: CellKind;
  /** Relative width (characters in a spreadsheet). */
  width: number;
  value(row: ReportRow, index: number): string | number | null;
  text(row: ReportRow, index: number): string;
}

function column(
  key: WordKey,
  kind: CellKind,
  width: number,
  value: ReportColumn['value'],
  text?: ReportColumn['text'],
): ReportColumn {
  return { key, kind, width, value, text: text ?? ((row, i) => String(value(row, i) ?? '')) };
}

export function reportColumns(lang: ReportLang): ReportColumn[] {
  const figure = (field: 'valueAtStart' | 'valueAtEnd' | 'change' | 'expectedByEnd', signed = false) =>
    column(
      field,
      'figure',
      14,
      (row) => row[field],
      (row) => formatFigure(lang, row[field], row.unit, row.kind, signed),
    );
  return [
    column('no', 'text', 5, (_, i) => i + 1),
    column('indicator', 'text', 48, (row) => nameIn(lang, row, row.indicatorKey)),
    column('unit', 'text', 12, (row) => unitWord(lang, row.unit)),
    column('lead', 'text', 30, (row) =>
      row.lead ? nameIn(lang, { nameVi: row.leadNameVi, nameEn: row.leadNameEn }, row.lead) : '',
    ),
    column(
      'target',
      'text',
      16,
      (row) => (lang === 'vi' ? row.targetPlanText : row.target) ?? row.target ?? '',
    ),
    column(
      'deadline',
      'date',
      12,
      (row) => row.deadline,
      (row) => (row.deadline ? formatDay(row.deadline) : ''),
    ),
    figure('valueAtStart'),
    figure('valueAtEnd'),
    figure('change', true),
    figure('expectedByEnd'),
    column('status', 'text', 18, (row) => statusWord(lang, row.status)),
  ];
}

/** Title, area, period and as-of lines over the table. */
export function reportHeading(lang: ReportLang, report: Report) {
  const area = nameIn(lang, { nameVi: report.orgUnitNameVi, nameEn: report.orgUnitNameEn }, report.orgUnit);
  return {
    area,
    period: `${formatDay(report.from)} – ${formatDay(report.to)}`,
    asOf: formatDay(report.asOf),
  };
}
