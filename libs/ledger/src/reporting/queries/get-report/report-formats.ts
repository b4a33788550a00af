// CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read the Vietnamese names) and Markdown renderings
// of a periodic report.
import { csvCell } from '../../../import/csv-cell';
import type { Report, ReportRow } from './get-report.query';

const COLUMNS: Array<[keyof ReportRow, string]> = [
  ['indicatorKey', 'indicator'],
  ['nameVi', 'ten_chi_tieu'],
  ['nameEn', 'name'],
  ['section', 'section'],
  ['unit', 'unit'],
  ['lead', 'lead_agency'],
  ['target', 'target'],
  ['deadline', 'deadline'],
  ['valueAtStart', 'value_at_start'],
  ['valueAtEnd', 'value_at_end'],
  ['change', 'change'],
  ['expectedByEnd', 'expected_by_end'],
  ['status', 'status'],
  ['definitionVersion', 'definition_version'],
];

export function reportToCsv(report: Report): string {
  const lines = [COLUMNS.map(([, header]) => header).join(',')];
  for (const row of report.rows) lines.push(COLUMNS.map(([key]) => csvCell(row[key])).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

function mdCell(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).replace(/\|/g, '\\|');
}

export function reportToMarkdown(report: Report): string {
  const header = `# Báo cáo ${report.kind} ${report.period} — ${report.orgUnit}\n\nFigures as of ${report.asOf}.\n\n`;
  const shown = COLUMNS.filter(([key]) => key !== 'nameEn' && key !== 'section');
  const table = [
    `| ${shown.map(([, h]) => h).join(' | ')} |`,
    `| ${shown.map(() => '---').join(' | ')} |`,
    ...report.rows.map((row) => `| ${shown.map(([key]) => mdCell(row[key])).join(' | ')} |`),
  ];
  return header + table.join('\n') + '\n';
}
