// One indicator (#/indicator/<key>): its plan text, target, deadline, figure with the three figures, progress,
// forecast and agencies; the monthly series against the target line (chart and table); the figure in every
// commune of the plan's area, former and post-2025, with a bar per commune on the boundaries chosen and a link
// to the printable report; and, with a token, the report approvals and restatement.
/* global URLSearchParams */
import { href, parseRoute, setParams } from '../address.js';
import { get, getToken } from '../api.js';
import { shared, todayLocal } from '../as-of.js';
import { chartLegend, communeBarChart, lineChart } from '../charts.js';
import { setExportable } from '../csv-export.js';
import { agencies, agencyName, orgUnits, planCommunes, unitName } from '../directory.js';
import { definitionList, h, progressBar, statusBadge, table } from '../dom.js';
import {
  ASSURANCE_CSV_COLUMNS,
  assuranceCsv,
  assuranceFigures,
  assuranceLegend,
  illustrativeMark,
  formatValue,
  targetText,
} from '../figures.js';
import { formatDate, formatMonth, formatNumber, lang, nameOf, t } from '../i18n.js';
import { targetNumber } from '../plan.js';
import { fourEyesSection } from './four-eyes.js';

export async function indicatorView(key) {
  const params = shared();
  const [view, units, agencyList] = await Promise.all([
    get(`/indicators/${encodeURIComponent(key)}`, params),
    orgUnits(),
    agencies(),
  ]);
  const { indicator, progress, series = [] } = view;
  const communes = planCommunes(units);
  const definition = await get(`/indicators/${encodeURIComponent(key)}/definition`).catch(() => null);
  const perCommune = await Promise.all(
    communes.map((unit) =>
      get(`/indicators/${encodeURIComponent(key)}`, { asOf: params.asOf, orgUnit: unit.code })
        .then((r) => ({ unit, progress: r.progress, assurance: r.assurance }))
        .catch(() => ({ unit, progress: null, assurance: null })),
    ),
  );
  const target = progress.target;
  const targetValue = targetNumber(target);
  const format = (n) =>
    indicator.unit === '%' ? `${formatNumber(n, 0)}` : formatNumber(n, n >= 100 ? 0 : 1);
  const chartLabels = {
    title: `${t('chartTitle')}: ${nameOf(indicator)}`,
    desc: t('chartDesc', {
      from: series.length ? formatMonth(series[0].month) : t('noFigure'),
      to: series.length ? formatMonth(series[series.length - 1].month) : t('noFigure'),
      target: targetValue === null ? t('noFigure') : formatValue(targetValue, indicator),
      forecast: formatValue(progress.forecast, indicator),
      deadline: formatDate(progress.deadline),
    }),
    series: t('legendSeries'),
    target: t('legendTarget'),
    forecast: t('legendForecast'),
    milestones: t('legendMilestones'),
  };
  const lead = indicator.lead;
  const responsibility = definition?.responsibility;
  const rows = [
    {
      unit: units.find((u) => u.code === progress.orgUnit) || { code: progress.orgUnit },
      progress,
      assurance: view.assurance,
      total: true,
    },
    ...perCommune.filter((r) => r.unit.code !== progress.orgUnit),
  ];
  setExportable({
    name: `${indicator.key}-${progress.orgUnit}-${progress.asOf}`,
    columns: [
      ['orgUnit', t('orgUnit')],
      ['name', t('colCommune')],
      ['month', t('month')],
      ['value', t('value')],
      ['target', t('colTarget')],
      ['progress', `${t('colProgress')} (%)`],
      ['status', t('colStatus')],
      ...ASSURANCE_CSV_COLUMNS(),
    ],
    rows: [
      ...rows.map((r) => ({
        orgUnit: r.unit.code,
        name: nameOf(r.unit),
        month: '',
        value: r.progress?.value,
        target: targetText({ progress: r.progress ?? progress }),
        progress: r.progress?.progress == null ? '' : Math.round(r.progress.progress * 1000) / 10,
        status: r.progress ? t(`status_${r.progress.status}`) : '',
        ...assuranceCsv(r.assurance),
      })),
      ...series.map((p) => ({
        orgUnit: progress.orgUnit,
        name: unitName(progress.orgUnit, units),
        month: p.month,
        value: p.value,
      })),
    ],
  });
  const communeChart = communeChartSection(
    indicator,
    perCommune,
    params.asOf || todayLocal(),
    params.orgUnit,
  );
  const milestones = (target?.milestones || []).filter((m) => typeof m.value === 'number');
  const fourEyes = fourEyesSection(indicator, progress, units, agencyList);
  if (getToken()) await fourEyes.load();
  return h(
    'div',
    { class: 'view view-indicator', dataset: { indicator: indicator.key } },
    h('p', {}, h('a', { href: href('/') }, t('indicatorBack'))),
    h('h1', { tabindex: '-1' }, nameOf(indicator)),
    h(
      'p',
      { class: 'lead' },
      unitName(progress.orgUnit, units),
      ' · ',
      t('asOf'),
      ' ',
      formatDate(progress.asOf),
      ' · ',
      statusBadge(progress.status),
    ),
    definitionList([
      [t('planText'), definition?.definition?.planText || view.planText || t('noFigure')],
      [t('target'), targetText({ progress })],
      [t('deadline'), formatDate(progress.deadline)],
      [
        t('current'),
        [
          h('span', { id: 'current-value' }, formatValue(progress.value, indicator)),
          illustrativeMark(view.assurance),
        ],
      ],
      [t('assuranceTitle'), assuranceFigures(view.assurance, indicator, { id: 'assurance', withUnit: true })],
      [t('colProgress'), progressBar(progress.progress, progress.status)],
      progress.expectedByNow !== null
        ? [t('expectedByNow'), formatValue(progress.expectedByNow, indicator)]
        : null,
      [t('forecast'), formatValue(progress.forecast, indicator)],
      [t('dataThrough'), progress.dataThrough ? formatMonth(progress.dataThrough) : t('noFigure')],
      [
        t('lead'),
        lead
          ? h(
              'span',
              {},
              h('a', { href: href(`/agency/${lead}`), id: 'lead-agency' }, agencyName(lead, agencyList)),
              responsibility && responsibility.verified === false ? ` ${t('leadUnverified')}` : '',
            )
          : t('noFigure'),
      ],
      indicator.support?.length
        ? [
            t('support'),
            indicator.support.map((code, i) => [
              i ? ', ' : '',
              h('a', { href: href(`/agency/${code}`) }, agencyName(code, agencyList)),
            ]),
          ]
        : null,
    ]),
    assuranceLegend('assurance-legend'),
    h(
      'section',
      { 'aria-labelledby': 'chart-title', class: 'chart-section' },
      h('h2', { id: 'chart-title' }, t('chartTitle')),
      h(
        'figure',
        { class: 'chart-figure' },
        lineChart({
          series,
          target: targetValue,
          forecast: progress.forecast,
          deadline: progress.deadline,
          milestones,
          labels: chartLabels,
          format,
        }),
        h('figcaption', {}, chartLegend(chartLabels)),
      ),
      h(
        'details',
        {},
        h('summary', {}, t('seriesTable')),
        table({
          columns: [
            { label: t('month'), cell: (p) => formatMonth(p.month) },
            { label: t('value'), className: 'num', cell: (p) => formatValue(p.value, indicator) },
          ],
          rows: series.filter((p) => p.value !== null),
        }),
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'communes-title' },
      h('h2', { id: 'communes-title' }, t('byCommune')),
      communeChart,
      h('p', { class: 'muted' }, t('byCommuneIntro')),
      table({
        id: 'commune-table',
        className: 'communes',
        columns: [
          {
            label: t('colCommune'),
            cell: (r) =>
              h(
                'span',
                {},
                h(
                  'a',
                  { href: href(`/indicator/${indicator.key}`, { orgUnit: r.unit.code }) },
                  nameOf(r.unit) || r.unit.code,
                ),
                r.unit.validTo
                  ? h(
                      'span',
                      { class: 'muted small' },
                      ` (${t('validUntil', { date: formatDate(r.unit.validTo) })})`,
                    )
                  : '',
                r.unit.validFrom
                  ? h(
                      'span',
                      { class: 'muted small' },
                      ` (${t('validFrom', { date: formatDate(r.unit.validFrom) })})`,
                    )
                  : '',
              ),
          },
          {
            label: t('colCurrent'),
            className: 'num',
            cell: (r) =>
              r.progress
                ? [formatValue(r.progress.value, indicator), illustrativeMark(r.assurance)]
                : t('noFigure'),
          },
          {
            label: t('colProgress'),
            className: 'col-bar',
            cell: (r) => (r.progress ? progressBar(r.progress.progress, r.progress.status) : t('noFigure')),
          },
          {
            label: t('colStatus'),
            cell: (r) => (r.progress ? statusBadge(r.progress.status) : t('noFigure')),
          },
          {
            label: t('colAssurance'),
            className: 'col-assurance',
            cell: (r) => (r.assurance ? assuranceFigures(r.assurance, indicator) : t('noFigure')),
          },
        ],
        rows,
      }),
    ),
    fourEyes.section,
  );
}

/**
 * The communes on the boundaries chosen in the address (boundary=former|current; none: those in force on the
 * "as of" day): a choice of the two, a bar per commune with its figure, and the printable report of the year
 * with the same chart.
 */
function communeChartSection(indicator, perCommune, asOf, orgUnit) {
  const firstNew = perCommune
    .map((r) => r.unit)
    .filter((u) => !u.validTo && u.validFrom)
    .map((u) => u.validFrom)
    .sort()[0];
  const chosen = parseRoute().params.boundary;
  const boundary =
    chosen === 'former' || chosen === 'current' ? chosen : firstNew && asOf < firstNew ? 'former' : 'current';
  const shown = perCommune.filter((r) => (boundary === 'former' ? r.unit.validTo : !r.unit.validTo));
  // A count with nothing recorded is 0 (as the reports say); a ratio without data has no bar.
  const valueOf = (r) => (r.progress ? (r.progress.value ?? (indicator.kind === 'count' ? 0 : null)) : null);
  const items = shown.map((r) => ({
    code: r.unit.code,
    label: nameOf(r.unit) || r.unit.code,
    value: valueOf(r),
    status: r.progress?.status,
  }));
  const choice = h(
    'fieldset',
    { class: 'boundary-choice', id: 'boundary-choice' },
    h('legend', {}, t('reportBoundary')),
    ['former', 'current'].map((value) =>
      h(
        'label',
        {},
        h('input', {
          type: 'radio',
          name: 'boundary',
          value,
          checked: value === boundary,
          onchange: () => setParams({ boundary: value }),
        }),
        ` ${t(`reportBoundary_${value}`)}`,
      ),
    ),
  );
  const year = asOf.slice(0, 4);
  const report = new URLSearchParams({
    period: year,
    indicator: indicator.key,
    boundary,
    format: 'html',
    lang: lang(),
    ...(orgUnit ? { orgUnit } : {}),
  });
  return h(
    'div',
    { class: 'commune-chart-block' },
    choice,
    h(
      'figure',
      { class: 'chart-figure', id: 'commune-chart' },
      communeBarChart({
        items,
        unit: indicator.unit,
        labels: {
          title: t('communeChartTitle', { indicator: nameOf(indicator) }),
          desc: t('communeChartDesc', { count: items.length, date: formatDate(asOf) }),
        },
        format: (n) => formatValue(n, indicator),
      }),
      h('figcaption', { class: 'muted' }, t(`reportBoundary_${boundary}`), ' · ', formatDate(asOf)),
    ),
    h(
      'p',
      {},
      h(
        'a',
        { href: `/reports?${report}`, target: '_blank', rel: 'noopener', id: 'printable-report' },
        t('printableReport', { year }),
      ),
    ),
  );
}
