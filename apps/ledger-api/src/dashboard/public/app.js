// The dashboard: a hash router over five views (overview, indicator, agencies / agency, inspection, event),
// the "as of" date and the area shared by all of them in the address (#/path?asOf=&orgUnit=), a CSV export of
// the table on screen, and the language switch. Public views call only the public aggregate APIs, with no
// token (every figure shown claimed / verified / official); the inspection views, the agency's trail and the
// indicator page's report approvals and restatement send the token the user pasted, and only then.
/* global document, window */
import { parseRoute, setParams } from './address.js';
import { shared, todayLocal } from './as-of.js';
import { exportView, setExportable } from './csv-export.js';
import { DISTRICT, orgUnits, planCommunes } from './directory.js';
import { alertBox, h } from './dom.js';
import { focusViewHeading } from './focus.js';
import { lang, nameOf, setLang, t } from './i18n.js';
import { describeError, setStatus } from './messages.js';
import { agenciesView } from './views/agencies.js';
import { agencyView } from './views/agency.js';
import { eventView } from './views/event.js';
import { indicatorView } from './views/indicator.js';
import { inspectionView } from './views/inspection.js';
import { overview } from './views/overview.js';

const main = document.getElementById('main');
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
