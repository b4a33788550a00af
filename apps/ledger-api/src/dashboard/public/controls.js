// The header's controls, shared by every view: the area picker, the "as of" date and "Hôm nay / Today", "Xuất
// CSV / Export CSV" and the language switch.
/* global document */
import { setParams } from './address.js';
import { shared, todayLocal } from './as-of.js';
import { exportView } from './csv-export.js';
import { PLAN_AREA, orgUnits, planCommunes } from './directory.js';
import { h } from './dom.js';
import { lang, nameOf, setLang, t } from './i18n.js';

const controls = {
  orgUnit: document.getElementById('org-unit'),
  asOf: document.getElementById('as-of'),
  today: document.getElementById('today'),
  exportCsv: document.getElementById('export-csv'),
  lang: document.getElementById('lang-switch'),
};

/** The area picker: the plan's area, then the communes before and after the 2025 reorganisation. */
export async function fillOrgUnits() {
  let units = [];
  try {
    units = await orgUnits();
  } catch {
    units = [];
  }
  const district = units.find((u) => u.code === PLAN_AREA);
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

/** The picker and the date show the area and the "as of" date of the address (none: the plan area, today). */
export function syncControls() {
  const { asOf, orgUnit } = shared();
  controls.asOf.value = asOf || todayLocal();
  controls.orgUnit.value = orgUnit || '';
}

/** The page's own texts (header, navigation, footer, title) in the current language. */
export function applyStaticTexts() {
  const texts = {
    'skip-link': 'skip',
    'brand-title': 'brandTitle',
    'brand-sub': 'brandSub',
    'nav-overview': 'navOverview',
    'nav-agencies': 'navAgencies',
    'nav-inspection': 'navInspection',
    'nav-record': 'navRecord',
    'nav-admin': 'navAdmin',
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

/**
 * A new date or area goes into the address (which draws the view again); "Hôm nay / Today" takes the date out;
 * the language switch redraws everything in the other language.
 */
export function listenToControls(render) {
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
}
