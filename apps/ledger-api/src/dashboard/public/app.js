// The dashboard: a hash router over five views (overview, indicator, agencies / agency, inspection, event),
// the "as of" date and the area shared by all of them in the address (#/path?asOf=&orgUnit=), a CSV export of
// the table on screen, and the language switch. Public views call only the public aggregate APIs, with no
// token (every figure shown claimed / verified / official); the inspection views, the agency's trail and the
// indicator page's report approvals and restatement send the token the user pasted, and only then.
/* global document, window, FormData */
import { href, parseRoute, setParams } from './address.js';
import { get, getToken } from './api.js';
import { shared, todayLocal } from './as-of.js';
import { exportView, setExportable } from './csv-export.js';
import { DISTRICT, agencies, agencyName, orgUnits, planCommunes, unitName } from './directory.js';
import { alertBox, definitionList, h, table } from './dom.js';
import { focusViewHeading } from './focus.js';
import {
  ACTION_TYPES,
  eventTypeName,
  formatDate,
  formatDateTime,
  formatMonth,
  formatNumber,
  lang,
  nameOf,
  setLang,
  t,
} from './i18n.js';
import { describeError, setStatus } from './messages.js';
import { tokenPanel } from './token-panel.js';
import { agenciesView } from './views/agencies.js';
import { agencyView } from './views/agency.js';
import { indicatorView } from './views/indicator.js';
import { overview } from './views/overview.js';

const main = document.getElementById('main');

const trailEntries = new Map();
let generation = 0;

// ---------------------------------------------------------------- rendering

async function render() {
  const mine = ++generation;
  const { parts } = parseRoute();
  setExportable(null);
  syncControls();
  highlightNav(parts[0] || 'overview');
  setStatus(t('loading'));
  main.setAttribute('aria-busy', 'true');
  let view;
  try {
    view = await route(parts);
  } catch (error) {
    view = h('div', {}, h('h1', { tabindex: '-1' }, t('navOverview')), alertBox(describeError(error)));
  }
  if (mine !== generation) return;
  main.replaceChildren(view);
  main.removeAttribute('aria-busy');
  setStatus(t('loaded'));
  focusViewHeading(main);
}

function route(parts) {
  switch (parts[0]) {
    case undefined:
    case '':
    case 'overview':
      return overview();
    case 'indicator':
      return indicatorView(parts[1]);
    case 'agencies':
      return agenciesView();
    case 'agency':
      return agencyView(parts[1]);
    case 'inspection':
      return inspectionView();
    case 'event':
      return eventView(parts[1]);
    default:
      return overview();
  }
}

function highlightNav(section) {
  const active = { indicator: 'overview', agency: 'agencies', event: 'inspection' }[section] || section;
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

// ---------------------------------------------------------------- inspection

// The commune filter is trailOrgUnit in the address: orgUnit is the area the public views read.
const TRAIL_FILTERS = ['actor', 'agency', 'trailOrgUnit', 'beneficiary', 'type', 'from', 'to'];

async function inspectionView() {
  const { params } = parseRoute();
  const [units, agencyList] = await Promise.all([orgUnits(), agencies()]);
  const results = h('div', { id: 'trail-results' });
  const field = (name, label, control) =>
    h('div', { class: 'field' }, h('label', { for: `f-${name}` }, label), control);
  const options = (list, selected) => [
    h('option', { value: '' }, t('fAny')),
    list.map(([value, label]) => h('option', { value, selected: value === selected }, label)),
  ];
  const communes = units.filter((u) => u.level === 'commune' || u.code === DISTRICT);
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
        next.run = '1';
        setParams(next);
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
    type: params.type,
    from: params.from,
    to: params.to,
    limit: 50,
  };
  container.replaceChildren(h('p', { class: 'muted' }, t('loading')));
  const entries = [];
  const load = async (cursor) => {
    const page = await get('/trail', { ...query, cursor }, { auth: true });
    for (const entry of page.items) trailEntries.set(entry.eventId, entry);
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
              { label: t('colOfficer'), cell: (e) => e.officer },
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

function trailStatus(status) {
  return (
    { effective: t('statusEffective'), amended: t('statusAmended'), retracted: t('statusRetracted') }[
      status
    ] ||
    status ||
    ''
  );
}

function effectText(entry) {
  return (entry.contributions || [])
    .map(
      (c) =>
        `${c.indicatorKey} ${c.delta >= 0 ? '+' : ''}${formatNumber(c.delta ?? c.value, 2)}${c.part && c.part !== 'value' ? ` (${c.part})` : ''}`,
    )
    .join('; ');
}

// ---------------------------------------------------------------- event

async function findTrailEntry(event) {
  if (trailEntries.has(event.id)) return trailEntries.get(event.id);
  const day = (event.metadata?.occurredAt || '').slice(0, 10);
  const page = await get(
    '/trail',
    { type: event.type, actor: event.metadata?.actor?.officer, from: day, to: day, limit: 500 },
    { auth: true },
  ).catch(() => ({ items: [] }));
  for (const entry of page.items) trailEntries.set(entry.eventId, entry);
  return trailEntries.get(event.id) || null;
}

async function eventView(id) {
  const header = [h('p', {}, h('a', { href: href('/inspection', { run: '1' }) }, t('eventBack')))];
  const body = h('div', { id: 'event-body' });
  const load = async () => {
    if (!getToken()) {
      body.replaceChildren();
      return;
    }
    try {
      const [event, units, agencyList] = await Promise.all([
        get(`/events/${encodeURIComponent(id)}`, {}, { auth: true }),
        orgUnits(),
        agencies(),
      ]);
      const entry = await findTrailEntry(event);
      body.replaceChildren(renderEvent(event, entry, units, agencyList));
    } catch (error) {
      body.replaceChildren(alertBox(describeError(error)));
    }
  };
  await load();
  return h(
    'div',
    { class: 'view view-event' },
    header,
    h('h1', { tabindex: '-1' }, t('eventTitle', { type: '' }).trim()),
    tokenPanel(load),
    body,
  );
}

function valueText(value) {
  if (value === null || value === undefined) return t('noFigure');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function renderEvent(event, entry, units, agencyList) {
  const meta = event.metadata || {};
  const data = event.data || {};
  const effective = entry?.effectiveData || data;
  const fields = [...new Set([...Object.keys(data), ...Object.keys(effective)])];
  setExportable({
    name: `ban-ghi-${event.id}`,
    columns: [
      ['field', t('field')],
      ['data', t('eventData')],
      ['effective', t('effectiveData')],
    ],
    rows: fields.map((f) => ({ field: f, data: valueText(data[f]), effective: valueText(effective[f]) })),
  });
  return h(
    'div',
    { dataset: { event: event.id } },
    h(
      'h2',
      { id: 'event-type' },
      eventTypeName(event.type),
      ' ',
      entry ? h('span', { class: `badge trail-${entry.status}` }, trailStatus(entry.status)) : '',
    ),
    entry?.corrects
      ? h(
          'p',
          {},
          t('eventCorrects', { id: '' }),
          h('a', { href: href(`/event/${entry.corrects.eventId}`) }, entry.corrects.eventId),
          ` — ${entry.corrects.reason || ''}`,
        )
      : null,
    h('h3', {}, t('eventEnvelope')),
    definitionList([
      [t('eventId'), h('code', {}, event.id)],
      [t('colType'), event.type],
      [t('stream'), h('code', {}, event.stream)],
      [t('position'), String(event.position)],
      [t('revision'), String(event.revision)],
      [t('occurredAt'), formatDateTime(meta.occurredAt)],
      [t('recordedAt'), formatDateTime(event.recordedAt)],
      [
        t('actor'),
        `${meta.actor?.officer ?? ''} (${agencyName(meta.actor?.agency, agencyList)}; ${meta.actor?.role ?? ''})`,
      ],
      [t('colCommune'), unitName(meta.orgUnit, units)],
      [
        t('evidence'),
        meta.evidence?.length
          ? h(
              'ul',
              {},
              meta.evidence.map((e) =>
                h('li', {}, `${e.ref} `, h('code', {}, e.sha256), e.description ? ` — ${e.description}` : ''),
              ),
            )
          : t('evidenceNone'),
      ],
      [t('hash'), h('code', { class: 'hash' }, event.hash)],
    ]),
    h('h3', {}, t('eventData')),
    table({
      id: 'event-data',
      columns: [
        { label: t('field'), cell: (f) => f },
        { label: t('eventData'), cell: (f) => valueText(data[f]) },
        {
          label: t('effectiveData'),
          cell: (f) => {
            const text = valueText(effective[f]);
            return text !== valueText(data[f]) ? h('mark', {}, text) : text;
          },
        },
      ],
      rows: fields,
    }),
    h('h3', {}, t('eventChanges')),
    entry?.contributions?.length
      ? table({
          id: 'event-contributions',
          columns: [
            {
              label: t('colIndicator'),
              cell: (c) => h('a', { href: href(`/indicator/${c.indicatorKey}`) }, c.indicatorKey),
            },
            { label: t('colCommune'), cell: (c) => unitName(c.orgUnit, units) },
            { label: t('month'), cell: (c) => formatMonth(c.month) },
            { label: t('colPart'), cell: (c) => c.part },
            {
              label: t('colDelta'),
              className: 'num',
              cell: (c) =>
                c.mode === 'add'
                  ? `${c.delta >= 0 ? '+' : ''}${formatNumber(c.delta, 2)}`
                  : formatNumber(c.value, 2),
            },
          ],
          rows: entry.contributions,
        })
      : h('p', {}, t('eventNoChanges')),
    h('h3', {}, t('eventCorrections')),
    entry?.correctedBy?.length
      ? table({
          id: 'event-corrections',
          columns: [
            { label: t('colWhen'), cell: (c) => formatDate(c.occurredAt) },
            { label: t('colType'), cell: (c) => t(`kind_${c.kind}`) },
            { label: t('colReason'), cell: (c) => c.reason },
            { label: t('colChanges'), cell: (c) => (c.changes ? JSON.stringify(c.changes) : '') },
            { label: t('colOfficer'), cell: (c) => `${c.officer} (${agencyName(c.agency, agencyList)})` },
            { label: t('colEvent'), cell: (c) => h('a', { href: href(`/event/${c.eventId}`) }, t('open')) },
          ],
          rows: entry.correctedBy,
        })
      : h('p', {}, t('eventNoCorrections')),
  );
}

// ---------------------------------------------------------------- controls

const controls = {
  orgUnit: document.getElementById('org-unit'),
  asOf: document.getElementById('as-of'),
  today: document.getElementById('today'),
  exportCsv: document.getElementById('export-csv'),
  lang: document.getElementById('lang-switch'),
};

async function fillOrgUnits() {
  let units = [];
  try {
    units = await orgUnits();
  } catch {
    units = [];
  }
  const district = units.find((u) => u.code === DISTRICT);
  const communes = planCommunes(units);
  const former = communes.filter((u) => u.validTo);
  const later = communes.filter((u) => !u.validTo);
  controls.orgUnit.replaceChildren(
    h(
      'option',
      { value: '' },
      district ? `${nameOf(district)} (${t('district').toLowerCase()})` : t('district'),
    ),
    h(
      'optgroup',
      { label: `${t('colCommune')} — ${t('formerUnits')}` },
      former.map((u) => h('option', { value: u.code }, nameOf(u))),
    ),
    h(
      'optgroup',
      { label: `${t('colCommune')} — ${t('newUnits')}` },
      later.map((u) => h('option', { value: u.code }, nameOf(u))),
    ),
  );
  syncControls();
}

function syncControls() {
  const { asOf, orgUnit } = shared();
  controls.asOf.value = asOf || todayLocal();
  controls.orgUnit.value = orgUnit || '';
}

function applyStaticTexts() {
  const texts = {
    'skip-link': 'skip',
    'brand-title': 'brandTitle',
    'brand-sub': 'brandSub',
    'nav-overview': 'navOverview',
    'nav-agencies': 'navAgencies',
    'nav-inspection': 'navInspection',
    'org-unit-label': 'orgUnit',
    'as-of-label': 'asOf',
    today: 'today',
    'export-csv': 'exportCsv',
    'lang-switch': 'langSwitch',
    'footer-text': 'footer',
  };
  for (const [id, key] of Object.entries(texts)) {
    const node = document.getElementById(id);
    if (node) node.textContent = t(key);
  }
  controls.lang.setAttribute('lang', t('langSwitchLang'));
  document.getElementById('main-nav').setAttribute('aria-label', t('navLabel'));
  document.title = t('docTitle');
}

controls.asOf.addEventListener('change', () => {
  const value = controls.asOf.value;
  setParams({ asOf: value && value !== todayLocal() ? value : '' });
});
controls.today.addEventListener('click', () => setParams({ asOf: '' }));
controls.orgUnit.addEventListener('change', () => setParams({ orgUnit: controls.orgUnit.value }));
controls.exportCsv.addEventListener('click', exportView);
controls.lang.addEventListener('click', () => {
  setLang(lang() === 'vi' ? 'en' : 'vi');
  applyStaticTexts();
  fillOrgUnits();
  render();
});

window.addEventListener('hashchange', render);
setLang(lang());
applyStaticTexts();
fillOrgUnits();
render();
