// The table of indicators (name, target, figure, progress, status, the three figures, lead agency) and its CSV
// columns, shared by the overview and an agency's page.
import { href } from './address.js';
import { agencyName } from './directory.js';
import { h, progressBar, statusBadge } from './dom.js';
import {
  ASSURANCE_CSV_COLUMNS,
  assuranceCsv,
  assuranceFigures,
  formatValue,
  illustrativeMark,
  targetText,
} from './figures.js';
import { nameOf, t } from './i18n.js';

export function indicatorColumns(units, agencyList, { withLead = true } = {}) {
  return [
    {
      label: t('colIndicator'),
      className: 'col-name',
      cell: (item) => h('a', { href: href(`/indicator/${item.indicator.key}`) }, nameOf(item.indicator)),
    },
    { label: t('colTarget'), cell: (item) => targetText(item) },
    {
      label: t('colCurrent'),
      className: 'num',
      cell: (item) => [formatValue(item.progress.value, item.indicator), illustrativeMark(item.assurance)],
    },
    {
      label: t('colProgress'),
      className: 'col-bar',
      cell: (item) => progressBar(item.progress.progress, item.progress.status),
    },
    { label: t('colStatus'), cell: (item) => statusBadge(item.progress.status) },
    {
      label: t('colAssurance'),
      className: 'col-assurance',
      cell: (item) => assuranceFigures(item.assurance, item.indicator),
    },
    ...(withLead
      ? [
          {
            label: t('colLead'),
            cell: (item) =>
              item.indicator.lead
                ? h(
                    'a',
                    { href: href(`/agency/${item.indicator.lead}`) },
                    agencyName(item.indicator.lead, agencyList),
                  )
                : t('noFigure'),
          },
        ]
      : []),
  ];
}

export function indicatorCsvRows(items, agencyList, group = () => '') {
  return items.map((item) => ({
    group: group(item),
    key: item.indicator.key,
    name: nameOf(item.indicator),
    target: targetText(item),
    value: item.progress.value,
    unit: item.indicator.unit,
    progress: item.progress.progress === null ? '' : Math.round(item.progress.progress * 1000) / 10,
    status: t(`status_${item.progress.status}`),
    forecast: item.progress.forecast,
    lead: item.indicator.lead ? agencyName(item.indicator.lead, agencyList) : '',
    orgUnit: item.progress.orgUnit,
    asOf: item.progress.asOf,
    ...assuranceCsv(item.assurance),
  }));
}

export const INDICATOR_CSV_COLUMNS = () => [
  ['group', t('colGroup')],
  ['key', 'key'],
  ['name', t('colIndicator')],
  ['target', t('colTarget')],
  ['value', t('colCurrent')],
  ['unit', t('colUnit')],
  ['progress', `${t('colProgress')} (%)`],
  ['status', t('colStatus')],
  ['forecast', t('colForecast')],
  ['lead', t('colLead')],
  ['orgUnit', t('orgUnit')],
  ['asOf', t('asOf')],
  ...ASSURANCE_CSV_COLUMNS(),
];
