// One agency (#/agency/<code>): its area, successors and predecessors, the indicators it leads; with a token
// (an inspector, or an officer or supervisor of the agency) its trail: what it recorded, case steps past due,
// corrections made, approved (proposed by someone else, approved by its officers) and received, and its officers.
import { href } from '../address.js';
import { get, getAll, getToken } from '../api.js';
import { shared, todayLocal } from '../as-of.js';
import { exportable, setExportable } from '../csv-export.js';
import { agencies, agencyName, orgUnits, unitName } from '../directory.js';
import { alertBox, h, table } from '../dom.js';
import { assuranceLegend } from '../figures.js';
import { eventTypeName, formatDate, formatDateTime, nameOf, t } from '../i18n.js';
import { INDICATOR_CSV_COLUMNS, indicatorColumns, indicatorCsvRows } from '../indicator-table.js';
import { describeError } from '../messages.js';
import { tokenPanel } from '../token-panel.js';

export async function agencyView(code) {
  const params = shared();
  const [agency, units, agencyList, items] = await Promise.all([
    get(`/agencies/${encodeURIComponent(code)}`),
    orgUnits(),
    agencies(),
    getAll('/indicators', params),
  ]);
  const led = items.filter((item) => item.indicator.lead === code);
  setExportable({
    name: `${code}-${led[0]?.progress.asOf || todayLocal()}`,
    columns: INDICATOR_CSV_COLUMNS(),
    rows: indicatorCsvRows(led, agencyList),
  });
  const successions = (agency.successionsOut || []).map((s) =>
    h(
      'p',
      {},
      t('agencySuccession', {
        date: formatDate(s.effectiveFrom),
        to: '',
      }),
      s.successors.map((x, i) => [
        i ? ', ' : '',
        h('a', { href: href(`/agency/${x.agency}`) }, agencyName(x.agency, agencyList)),
      ]),
    ),
  );
  const predecessors = (agency.successionsIn || []).map((s) => s.predecessor).filter(Boolean);
  const trailSection = h(
    'section',
    { 'aria-labelledby': 'trail-title', id: 'agency-trail' },
    h('h2', { id: 'trail-title' }, t('agencyTrail')),
  );
  const trailBody = h('div', {});
  trailSection.append(
    h('p', { class: 'muted' }, t('agencyTrailNeedsToken')),
    tokenPanel(() => loadAgencyTrail(code, trailBody, agencyList, units)),
    trailBody,
  );
  if (getToken()) await loadAgencyTrail(code, trailBody, agencyList, units);
  return h(
    'div',
    { class: 'view view-agency', dataset: { agency: code } },
    h('p', {}, h('a', { href: href('/agencies') }, `← ${t('navAgencies')}`)),
    h('h1', { tabindex: '-1' }, nameOf(agency)),
    h('p', { class: 'lead' }, `${agency.code} · ${unitName(agency.orgUnit, units)}`),
    agency.note ? h('p', {}, agency.note) : null,
    successions,
    predecessors.length
      ? h(
          'p',
          {},
          t('agencyPredecessors', { from: '' }),
          predecessors.map((p, i) => [
            i ? ', ' : '',
            h('a', { href: href(`/agency/${p}`) }, agencyName(p, agencyList)),
          ]),
        )
      : null,
    h(
      'section',
      { 'aria-labelledby': 'led-title' },
      h('h2', { id: 'led-title' }, t('agencyIndicators')),
      led.length
        ? [
            assuranceLegend('assurance-legend'),
            table({
              className: 'indicators',
              columns: indicatorColumns(units, agencyList, { withLead: false }),
              rows: led,
            }),
          ]
        : h('p', {}, t('agencyNoIndicators')),
    ),
    trailSection,
  );
}

async function loadAgencyTrail(code, container, agencyList, units) {
  container.replaceChildren(h('p', { class: 'muted' }, t('loading')));
  if (!getToken()) {
    container.replaceChildren();
    return;
  }
  let view;
  try {
    view = await get(`/agencies/${encodeURIComponent(code)}/trail`, { asOf: shared().asOf }, { auth: true });
  } catch (error) {
    container.replaceChildren(alertBox(describeError(error)));
    return;
  }
  const trail = view.trail || {
    actions: {},
    recorded: 0,
    officers: [],
    correctionsMade: {},
    correctionsApproved: {},
    correctionsReceived: {},
  };
  const who = (officer, agency) =>
    officer ? `${officer} (${agencyName(agency, agencyList)})` : t('noFigure');
  const actions = Object.entries(trail.actions || {}).map(([type, a]) => ({ type, ...a }));
  const correctionBlock = (title, summary, id) =>
    h(
      'div',
      { id },
      h('h3', {}, title),
      summary && summary.total
        ? [
            h(
              'p',
              {},
              t('correctionsCount', {
                total: summary.total,
                amendments: summary.amendments,
                retractions: summary.retractions,
              }),
            ),
            table({
              columns: [
                { label: t('colWhen'), cell: (c) => formatDate(c.occurredAt) },
                {
                  label: t('colType'),
                  cell: (c) => `${t(`kind_${c.kind}`)}: ${eventTypeName(c.correctedType)}`,
                },
                { label: t('colReason'), cell: (c) => c.reason },
                { label: t('colMadeBy'), className: 'col-made-by', cell: (c) => who(c.officer, c.agency) },
                {
                  label: t('colApprovedBy'),
                  className: 'col-approved-by',
                  cell: (c) => who(c.approvedByOfficer, c.approvedByAgency),
                },
                {
                  label: t('colEvent'),
                  cell: (c) => h('a', { href: href(`/event/${c.correctsEventId}`) }, t('open')),
                },
              ],
              rows: [...(summary.recent || [])].reverse(),
            }),
          ]
        : h('p', {}, t('correctionsNone')),
    );
  if (exportable()) {
    exportable().extra = [
      {
        title: t('agencyTrail'),
        columns: [
          ['type', t('colType')],
          ['recorded', t('colRecorded')],
          ['amendments', t('colAmended')],
          ['retractions', t('colRetracted')],
        ],
        rows: actions.map((a) => ({ ...a, type: eventTypeName(a.type) })),
      },
    ];
  }
  const parts = [
    h('p', { id: 'recorded-total' }, t('recordedTotal', { n: trail.recorded || 0 })),
    actions.length
      ? table({
          id: 'agency-actions',
          columns: [
            { label: t('colType'), cell: (a) => eventTypeName(a.type) },
            { label: t('colRecorded'), className: 'num', cell: (a) => String(a.recorded) },
            { label: t('colAmended'), className: 'num', cell: (a) => String(a.amendments) },
            { label: t('colRetracted'), className: 'num', cell: (a) => String(a.retractions) },
          ],
          rows: actions,
        })
      : null,
    h('h3', {}, t('pastDue')),
    view.pastDue?.length
      ? table({
          id: 'past-due',
          columns: [
            { label: t('colCase'), cell: (s) => `${s.caseKind} ${String(s.caseId).slice(0, 8)}` },
            { label: t('colCommune'), cell: (s) => unitName(s.orgUnit, units) },
            { label: t('colStep'), cell: (s) => `${eventTypeName(s.step)} (${formatDate(s.since)})` },
            { label: t('colNext'), cell: (s) => eventTypeName(s.nextStep) },
            { label: t('colDue'), cell: (s) => formatDate(s.dueBy) },
            { label: t('colDutyHolder'), cell: (s) => agencyName(s.dutyHolder, agencyList) },
            {
              label: t('colEvent'),
              cell: (s) => h('a', { href: href(`/event/${s.stepEventId}`) }, t('open')),
            },
          ],
          rows: view.pastDue,
        })
      : h('p', {}, t('pastDueNone')),
    correctionBlock(t('correctionsMade'), trail.correctionsMade, 'corrections-made'),
    correctionBlock(t('correctionsApproved'), trail.correctionsApproved, 'corrections-approved'),
    correctionBlock(t('correctionsReceived'), trail.correctionsReceived, 'corrections-received'),
    trail.officers?.length
      ? [
          h('h3', {}, t('officers')),
          table({
            columns: [
              {
                label: t('colOfficer'),
                cell: (o) => h('a', { href: href('/inspection', { actor: o.officer }) }, o.officer),
              },
              { label: t('colRecorded'), className: 'num', cell: (o) => String(o.recorded) },
              { label: t('correctionsMade'), className: 'num', cell: (o) => String(o.correctionsMade) },
              {
                label: t('correctionsApproved'),
                className: 'num',
                cell: (o) => String(o.correctionsApproved ?? 0),
              },
              {
                label: t('correctionsReceived'),
                className: 'num',
                cell: (o) => String(o.correctionsReceived),
              },
              { label: t('colRecordedAt'), cell: (o) => formatDateTime(o.lastRecordedAt) },
            ],
            rows: trail.officers,
          }),
        ]
      : null,
  ];
  container.replaceChildren(...parts.flat().filter(Boolean));
}
