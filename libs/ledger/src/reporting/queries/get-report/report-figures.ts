// Figures as people read them in a report: rounded for the unit (whole houses and đồng, one decimal of a
// percentage), with the language's separators (1.500.000 đ, 45,3 % in Vietnamese; 1,500,000 VND, 45.3% in
// English), dates as dd/mm/yyyy in Asia/Ho_Chi_Minh; and the matching number formats of a spreadsheet cell.
import { localDayOf } from '@ledger/domain';
import type { ReportLang } from './report-words';

const NBSP = '\u00a0';

/** How many decimals a person wants to see of a figure in this unit. */
export function decimalsFor(unit: string | null, kind: string | null): number {
  if (kind === 'count' || unit === 'VND') return 0;
  if (unit && unit.startsWith('%')) return 1;
  return 1;
}

function grouped(lang: ReportLang, value: number, decimals: number): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', {
    maximumFractionDigits: decimals,
    minimumFractionDigits: 0,
  }).format(value);
}

/** A figure with its unit where the unit is money or a percentage; a dash when there is none. */
export function formatFigure(
  lang: ReportLang,
  value: number | null,
  unit: string | null,
  kind: string | null,
  signed = false,
): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if ((kind === 'qualitative' || unit === 'milestone') && !signed) {
    return value >= 1 ? (lang === 'en' ? 'Achieved' : 'Đã đạt') : lang === 'en' ? 'Not yet' : 'Chưa đạt';
  }
  const text = grouped(lang, value, decimalsFor(unit, kind));
  const sign = signed && value > 0 && text !== '0' ? '+' : '';
  if (unit === 'VND') return lang === 'en' ? `${sign}${text} VND` : `${sign}${text}${NBSP}đ`;
  if (unit === '%') return lang === 'en' ? `${sign}${text}%` : `${sign}${text}${NBSP}%`;
  return sign + text;
}

/** A share (0.453) as a percentage: 45,3 % (vi), 45.3% (en). */
export function formatShare(lang: ReportLang, share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—';
  const text = grouped(lang, share * 100, 1);
  return lang === 'en' ? `${text}%` : `${text}${NBSP}%`;
}

/** YYYY-MM-DD, or an instant (its day in Asia/Ho_Chi_Minh), as dd/mm/yyyy. */
export function formatDay(day: string | null): string {
  const local = day ? localDayOf(day) : null;
  if (!local) return '—';
  const [y, m, d] = local.split('-');
  return `${d}/${m}/${y}`;
}

/** The number format of a spreadsheet cell holding a figure in this unit (the cell keeps the number). */
export function cellFormatFor(lang: ReportLang, unit: string | null, kind: string | null): string {
  if (unit === 'VND') return lang === 'en' ? '#,##0 "VND"' : '#,##0 "đ"';
  if (unit === '%') return '0.0" %"';
  return decimalsFor(unit, kind) === 0 ? '#,##0' : '#,##0.0';
}

export const SHARE_CELL_FORMAT = '0.0%';
