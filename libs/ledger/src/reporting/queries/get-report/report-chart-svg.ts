// Every commune's figure on one indicator as an inline SVG bar chart (one bar per commune, its length the
// figure), for the printable report. Text is escaped; no script, no outside resource.
import type { CommuneBreakdown } from './get-report.query';
import { formatFigure } from './report-figures';
import { nameIn, word, type ReportLang } from './report-words';

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

type IndicatorBreakdown = CommuneBreakdown['indicators'][number];

export function communeBarChartSvg(
  indicator: IndicatorBreakdown,
  lang: ReportLang,
  asOf: string,
  id: string,
): string {
  const width = 720;
  const bar = 22;
  const gap = 8;
  const pad = { left: 210, right: 130, top: 8, bottom: 8 };
  const height = pad.top + pad.bottom + indicator.communes.length * (bar + gap);
  const values = indicator.communes.map((c) => c.value).filter((v): v is number => typeof v === 'number');
  const top = indicator.unit === '%' && values.every((v) => v <= 100) ? 100 : niceMax(Math.max(0, ...values));
  const span = width - pad.left - pad.right;
  const title = word(lang, 'communesTitle', { indicator: nameIn(lang, indicator, indicator.indicatorKey) });
  const desc = word(lang, 'chartDesc', { count: indicator.communes.length, asOf });
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="commune-chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" data-indicator="${escapeHtml(indicator.indicatorKey)}">`,
    `<title id="${id}-title">${escapeHtml(title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(desc)}</desc>`,
    `<line class="axis" x1="${pad.left}" x2="${pad.left}" y1="${pad.top}" y2="${height - pad.bottom}"/>`,
  ];
  indicator.communes.forEach((commune, i) => {
    const y = pad.top + i * (bar + gap);
    const name = nameIn(lang, commune, commune.orgUnit);
    const text = formatFigure(lang, commune.value, indicator.unit, indicator.kind);
    const length = commune.value === null ? 0 : (Math.max(0, commune.value) / top) * span;
    parts.push(
      `<g class="commune-bar" data-org-unit="${escapeHtml(commune.orgUnit)}" data-value="${commune.value ?? ''}">`,
      `<text class="bar-label" x="${pad.left - 8}" y="${y + bar * 0.7}" text-anchor="end">${escapeHtml(name)}</text>`,
      commune.value === null
        ? ''
        : `<rect class="bar status-${escapeHtml(commune.status)}" x="${pad.left}" y="${y}" width="${length.toFixed(1)}" height="${bar}"><title>${escapeHtml(`${name}: ${text}`)}</title></rect>`,
      `<text class="bar-value" x="${(pad.left + length + 6).toFixed(1)}" y="${y + bar * 0.7}">${escapeHtml(text)}</text>`,
      `</g>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
