// Tổng quan / Overview (#/): how many targets are achieved, on track, at risk, off track or without data, then
// every 2030 target of section II.2 in the plan's four groups and the tracked tasks of section III, each with
// its target, figure, progress, status, the three figures and its lead agency. Public: no token.
import { get, getAll } from '../api.js';
import { shared } from '../as-of.js';
import { setExportable } from '../csv-export.js';
import { agencies, orgUnits, unitName } from '../directory.js';
import { h, table } from '../dom.js';
import { assuranceLegend } from '../figures.js';
import { formatDate, t } from '../i18n.js';
import { INDICATOR_CSV_COLUMNS, indicatorColumns, indicatorCsvRows } from '../indicator-table.js';
import { groupIndicators } from '../plan.js';

export async function overview() {
  const params = shared();
  const [summary, items, units, agencyList] = await Promise.all([
    get('/summary', params),
    getAll('/indicators', params),
    orgUnits(),
    agencies(),
  ]);
  const groups = groupIndicators(items);
  const groupTitle = (g) => (g.section ? t('section', { section: g.section }) : t(g.title));
  const counts = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'];
  setExportable({
    name: `${t('csvIndicators')}-${summary.orgUnit}-${summary.asOf}`,
    columns: INDICATOR_CSV_COLUMNS(),
    rows: groups.flatMap((g) => indicatorCsvRows(g.items, agencyList, () => groupTitle(g))),
  });
  return h(
    'div',
    { class: 'view view-overview' },
    h('h1', { tabindex: '-1' }, t('overviewTitle')),
    h(
      'p',
      { class: 'lead' },
      t('overviewIntro', { unit: unitName(summary.orgUnit, units), date: formatDate(summary.asOf) }),
    ),
    h(
      'section',
      { 'aria-label': t('summaryLabel') },
      h(
        'ul',
        { class: 'tiles', id: 'status-summary' },
        counts.map((status) =>
          h(
            'li',
            { class: `tile status-${status}`, dataset: { status } },
            h('span', { class: 'tile-count' }, String(summary.byStatus?.[status] ?? 0)),
            h('span', { class: 'tile-label' }, t(`status_${status}`)),
          ),
        ),
      ),
    ),
    assuranceLegend('assurance-legend'),
    groups.map((group) =>
      h(
        'section',
        { class: 'group', id: `group-${group.id}`, 'aria-labelledby': `group-${group.id}-title` },
        h(
          'h2',
          { id: `group-${group.id}-title` },
          group.targets ? groupTitle(group) : `${t('tasksTitle')} — ${groupTitle(group)}`,
        ),
        table({
          className: 'indicators',
          columns: indicatorColumns(units, agencyList),
          rows: group.items,
        }),
      ),
    ),
  );
}
