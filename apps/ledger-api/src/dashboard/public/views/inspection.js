// Thanh tra / Inspection (#/inspection?actor=&agency=&trailOrgUnit=&beneficiary=&type=&from=&to=&run=1): with
// an inspector's token, the trail searched by officer, agency, commune, beneficiary reference, action and dates,
// 50 entries a page, each linking to its event. The filters stay in the address; run=1 searches on load.
/* global FormData, location */
import { href, parseRoute, setParams } from '../address.js';
import { get, getToken } from '../api.js';
import { todayLocal } from '../as-of.js';
import { setExportable } from '../csv-export.js';
import { PLAN_AREA, agencies, agencyName, orgUnits, unitName } from '../directory.js';
import { alertBox, h, table } from '../dom.js';
import { ACTION_TYPES, eventTypeName, formatDate, formatNumber, nameOf, t } from '../i18n.js';
import { describeError } from '../messages.js';
import { tokenPanel } from '../token-panel.js';
import { rememberTrailEntries, trailStatus } from './trail.js';

// The commune filter is trailOrgUnit in the address: orgUnit is the area the public views read.
const TRAIL_FILTERS = ['actor', 'agency', 'trailOrgUnit', 'beneficiary', 'type', 'from', 'to'];

// Why the inspector searches one person's events: the API wants it with `beneficiary` and keeps it on the
// record. Kept for the page's life only, never in the address (it may name a case file or a complaint).
let readReason = '';

export async function inspectionView() {
  const { params } = parseRoute();
  const [units, agencyList] = await Promise.all([orgUnits(), agencies()]);
  const results = h('div', { id: 'trail-results' });
  const field = (name, label, control) =>
    h('div', { class: 'field' }, h('label', { for: `f-${name}` }, label), control);
  const options = (list, selected) => [
    h('option', { value: '' }, t('fAny')),
    list.map(([value, label]) => h('option', { value, selected: value === selected }, label)),
  ];
  const communes = units.filter((u) => u.level === 'commune' || u.code === PLAN_AREA);
  const form = h(
    'form',
    {
      class: 'filters',
      id: 'trail-form',
      onSubmit: (event) => {
        event.preventDefault();
        const data = new FormData(form);
        const next = {};
        for (const name of TRAIL_FILTERS) next[name] = String(data.get(name) || '').trim();
        readReason = String(data.get('reason') || '').trim();
        next.run = '1';
        const before = location.hash;
        setParams(next);
        // The same filters again (a reason added): the address does not change, so search here.
        if (location.hash === before) run();
      },
    },
    field(
      'actor',
      t('fActor'),
      h('input', { id: 'f-actor', name: 'actor', value: params.actor || '', autocomplete: 'off' }),
    ),
    field(
      'agency',
      t('fAgency'),
      h(
        'select',
        { id: 'f-agency', name: 'agency' },
        options(
          agencyList.map((a) => [a.code, nameOf(a)]),
          params.agency,
        ),
      ),
    ),
    field(
      'trailOrgUnit',
      t('fOrgUnit'),
      h(
        'select',
        { id: 'f-trailOrgUnit', name: 'trailOrgUnit' },
        options(
          communes.map((u) => [u.code, nameOf(u)]),
          params.trailOrgUnit,
        ),
      ),
    ),
    field(
      'beneficiary',
      t('fBeneficiary'),
      h('input', {
        id: 'f-beneficiary',
        name: 'beneficiary',
        value: params.beneficiary || '',
        pattern: '[a-z]-[0-9a-f]{16,64}',
        autocomplete: 'off',
      }),
    ),
    field(
      'reason',
      t('fReason'),
      h('input', {
        id: 'f-reason',
        name: 'reason',
        value: readReason,
        minlength: '10',
        maxlength: '500',
        autocomplete: 'off',
        'aria-describedby': 'f-reason-help',
      }),
    ),
    h('p', { class: 'muted field-help', id: 'f-reason-help' }, t('fReasonHelp')),
    field(
      'type',
      t('fType'),
      h(
        'select',
        { id: 'f-type', name: 'type' },
        options(
          ACTION_TYPES.map((type) => [type, eventTypeName(type)]),
          params.type,
        ),
      ),
    ),
    field(
      'from',
      t('fFrom'),
      h('input', { id: 'f-from', name: 'from', type: 'date', value: params.from || '' }),
    ),
    field('to', t('fTo'), h('input', { id: 'f-to', name: 'to', type: 'date', value: params.to || '' })),
    h('div', { class: 'field buttons' }, h('button', { type: 'submit', id: 'trail-search' }, t('search'))),
  );
  const run = () => searchTrail(params, results, units, agencyList);
  if (params.run && getToken()) await run();
  return h(
    'div',
    { class: 'view view-inspection' },
    h('h1', { tabindex: '-1' }, t('inspectionTitle')),
    h('p', { class: 'lead' }, t('inspectionIntro')),
    tokenPanel(() => (params.run ? run() : results.replaceChildren())),
    form,
    results,
  );
}

async function searchTrail(params, container, units, agencyList) {
  const query = {
    actor: params.actor,
    agency: params.agency,
    orgUnit: params.trailOrgUnit,
    beneficiary: params.beneficiary,
    reason: params.beneficiary ? readReason : undefined,
    type: params.type,
    from: params.from,
    to: params.to,
    limit: 50,
  };
  if (params.beneficiary && readReason.length < 10) {
    container.replaceChildren(alertBox(t('fReasonNeeded')));
    return;
  }
  container.replaceChildren(h('p', { class: 'muted' }, t('loading')));
  const entries = [];
  const load = async (cursor) => {
    const page = await get('/trail', { ...query, cursor }, { auth: true });
    rememberTrailEntries(page.items);
    entries.push(...page.items);
    return page.nextCursor;
  };
  let next;
  try {
    next = await load();
  } catch (error) {
    container.replaceChildren(alertBox(describeError(error)));
    return;
  }
  const draw = () => {
    setExportable({
      name: `nhat-ky-${todayLocal()}`,
      columns: [
        ['occurredOn', t('colOccurred')],
        ['recordedAt', t('colRecordedAt')],
        ['type', t('colType')],
        ['officer', t('colOfficer')],
        ['agency', t('colAgency')],
        ['approvedBy', t('colApprovedBy')],
        ['orgUnit', t('colCommune')],
        ['subject', t('colSubject')],
        ['status', t('colStatus')],
        ['effect', t('colChanges')],
        ['eventId', t('eventId')],
      ],
      rows: entries.map((e) => ({
        occurredOn: e.occurredOn,
        recordedAt: e.recordedAt,
        type: eventTypeName(e.type),
        officer: e.officer,
        agency: e.agency,
        approvedBy: e.approvedBy ? `${e.approvedBy.officer} (${e.approvedBy.agency})` : '',
        orgUnit: e.orgUnit,
        subject: e.subjectRef || e.subjectId || '',
        status: trailStatus(e.status),
        effect: effectText(e),
        eventId: e.eventId,
      })),
    });
    const more = next
      ? h(
          'button',
          {
            type: 'button',
            id: 'trail-more',
            onClick: async () => {
              try {
                next = await load(next);
                draw();
              } catch (error) {
                container.append(alertBox(describeError(error)));
              }
            },
          },
          t('more'),
        )
      : null;
    container.replaceChildren(
      h(
        'p',
        { role: 'status', id: 'trail-count' },
        next ? t('resultsMore', { n: entries.length }) : t('results', { n: entries.length }),
      ),
      entries.length
        ? table({
            id: 'trail-table',
            className: 'trail',
            columns: [
              { label: t('colOccurred'), cell: (e) => formatDate(e.occurredOn) },
              {
                label: t('colType'),
                cell: (e) => h('a', { href: href(`/event/${e.eventId}`) }, eventTypeName(e.type)),
              },
              {
                label: t('colOfficer'),
                cell: (e) =>
                  e.approvedBy
                    ? [
                        e.officer,
                        h(
                          'span',
                          { class: 'approved-by' },
                          ` · ${t('approvedByShort')}: ${e.approvedBy.officer} (${agencyName(e.approvedBy.agency, agencyList)})`,
                        ),
                      ]
                    : e.officer,
              },
              { label: t('colAgency'), cell: (e) => agencyName(e.agency, agencyList) },
              { label: t('colCommune'), cell: (e) => unitName(e.orgUnit, units) },
              { label: t('colSubject'), cell: (e) => h('code', {}, e.subjectRef || '') },
              {
                label: t('colStatus'),
                cell: (e) => h('span', { class: `badge trail-${e.status}` }, trailStatus(e.status)),
              },
              { label: t('colChanges'), cell: (e) => effectText(e) },
            ],
            rows: entries,
          })
        : h('p', {}, t('noResults')),
      ...(more ? [more] : []),
    );
  };
  draw();
}

function effectText(entry) {
  return (entry.contributions || [])
    .map(
      (c) =>
        `${c.indicatorKey} ${c.delta >= 0 ? '+' : ''}${formatNumber(c.delta ?? c.value, 2)}${c.part && c.part !== 'value' ? ` (${c.part})` : ''}`,
    )
    .join('; ');
}
