// A periodic report as one printable HTML page for a meeting: A4 landscape, the table's header repeated on
// every printed page, page numbers in the page margin, no navigation, no script and nothing loaded from
// elsewhere; with a commune breakdown, a bar chart (inline SVG) and a table of every commune's figure.
import { todayInLedgerZone } from '@ledger/domain';
import type { Report } from './get-report.query';
import { communeBarChartSvg, escapeHtml } from './report-chart-svg';
import { formatDay, formatFigure, formatShare } from './report-figures';
import { reportColumns, reportHeading } from './report-table';
import { nameIn, reportTitle, statusWord, word, type ReportLang } from './report-words';

export const REPORT_PRINT_CSS = `
@page { size: A4 landscape; margin: 14mm 12mm 16mm 12mm;
  @bottom-right { content: "{page} " counter(page) " / " counter(pages); font-size: 9pt; } }
:root { color-scheme: light; }
body { font-family: "Times New Roman", "Noto Serif", "DejaVu Serif", serif; font-size: 11pt; color: #000;
  background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 16pt; margin: 0 0 2pt; text-align: center; }
.subtitle { text-align: center; margin: 0 0 8pt; font-style: italic; }
dl.heading { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 8pt; margin: 0 0 6pt; }
dl.heading dt { font-weight: bold; } dl.heading dd { margin: 0; }
.source { font-size: 9pt; font-style: italic; margin: 0 0 8pt; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.6pt solid #444; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #eee; font-weight: bold; }
table.report td:nth-child(2) { width: 26%; } table.report td:nth-child(4) { width: 17%; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr, .chart-block, svg { break-inside: avoid; page-break-inside: avoid; }
h2 { font-size: 13pt; margin: 14pt 0 4pt; break-after: avoid; page-break-after: avoid; }
.commune-chart { width: 100%; max-width: 180mm; height: auto; display: block; margin: 4pt 0; }
.commune-chart text { font-size: 12px; font-family: inherit; fill: #000; }
.commune-chart .axis { stroke: #000; stroke-width: 1; }
.bar { fill: #2e7bd6; }
.bar.status-achieved { fill: #1b7f3b; } .bar.status-on_track { fill: #2e7bd6; }
.bar.status-at_risk { fill: #d99100; } .bar.status-off_track { fill: #c62828; }
.bar.status-no_data, .bar.status-no_target { fill: #888; }
@media screen { body { max-width: 277mm; margin: 12pt auto; padding: 0 12pt; } }
@media print { nav, header nav, .no-print { display: none !important; } a { color: inherit; text-decoration: none; } }
`;

export function reportToHtml(report: Report, lang: ReportLang, today = todayInLedgerZone()): string {
  const title = reportTitle(lang, report);
  const heading = reportHeading(lang, report);
  const columns = reportColumns(lang);
  const head = columns.map((c) => `<th scope="col">${escapeHtml(word(lang, c.key))}</th>`).join('');
  const body = report.rows
    .map(
      (row, i) =>
        `<tr data-indicator="${escapeHtml(row.indicatorKey)}">` +
        columns
          .map((c) =>
            c.kind === 'figure'
              ? `<td class="num">${escapeHtml(c.text(row, i))}</td>`
              : `<td>${escapeHtml(c.text(row, i))}</td>`,
          )
          .join('') +
        '</tr>',
    )
    .join('\n');
  const css = REPORT_PRINT_CSS.replace('{page}', word(lang, 'page'));
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${title} — ${heading.area}`)}</title>
<style>${css}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="subtitle">${escapeHtml(word(lang, 'subtitle'))}</p>
<dl class="heading">
<dt>${escapeHtml(word(lang, 'area'))}</dt><dd id="report-area">${escapeHtml(heading.area)}</dd>
<dt>${escapeHtml(word(lang, 'period'))}</dt><dd id="report-period">${escapeHtml(heading.period)}</dd>
<dt>${escapeHtml(word(lang, 'asOf'))}</dt><dd id="report-as-of">${escapeHtml(heading.asOf)}</dd>
</dl>
<p class="source">${escapeHtml(word(lang, 'source', { asOf: heading.asOf, made: formatDay(today) }))}</p>
<table class="report">
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
${communesHtml(report, lang)}
</main>
</body>
</html>
`;
}

function communesHtml(report: Report, lang: ReportLang): string {
  const breakdown = report.communes;
  if (!breakdown) return '';
  const asOf = formatDay(breakdown.asOf);
  return breakdown.indicators
    .map((indicator, n) => {
      const name = nameIn(lang, indicator, indicator.indicatorKey);
      const rows = indicator.communes
        .map(
          (c) =>
            `<tr data-org-unit="${escapeHtml(c.orgUnit)}"><td>${escapeHtml(nameIn(lang, c, c.orgUnit))}</td>` +
            `<td class="num">${escapeHtml(formatFigure(lang, c.value, indicator.unit, indicator.kind))}</td>` +
            `<td class="num">${escapeHtml(formatShare(lang, c.progress))}</td>` +
            `<td>${escapeHtml(statusWord(lang, c.status))}</td></tr>`,
        )
        .join('\n');
      return `<section class="chart-block">
<h2>${escapeHtml(word(lang, 'communesTitle', { indicator: name }))}</h2>
<p>${escapeHtml(word(lang, `boundary_${breakdown.boundary}`))} · ${escapeHtml(word(lang, 'asOf'))} ${escapeHtml(asOf)}</p>
${communeBarChartSvg(indicator, lang, asOf, `communes-${n + 1}`)}
<table class="communes">
<thead><tr><th scope="col">${escapeHtml(word(lang, 'commune'))}</th><th scope="col">${escapeHtml(word(lang, 'value'))}</th><th scope="col">${escapeHtml(word(lang, 'progress'))}</th><th scope="col">${escapeHtml(word(lang, 'status'))}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
    })
    .join('\n');
}
