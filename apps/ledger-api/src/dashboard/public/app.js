// The dashboard's entry point: a hash router over its views (views/: overview, indicator, agencies / agency,
// inspection, event), the header's controls and the start of the page. The area and the "as of" date shared by
// every view live in the address (#/path?asOf=&orgUnit=). Public views call only the public aggregate APIs,
// with no token (every figure shown claimed / verified / official); the inspection views, the agency's trail
// and the indicator page's report approvals and restatement send the signed-in officer's token (or a service
// account's pasted one), and only then. The sign-in page, the record form and the admin's accounts page are
// views too; the session is resumed from the refresh cookie before the first view is drawn.
/* global document, window */
import { listenToAccount, showAccount } from './account-bar.js';
import { parseRoute } from './address.js';
import { applyStaticTexts, fillOrgUnits, listenToControls, syncControls } from './controls.js';
import { setExportable } from './csv-export.js';
import { alertBox, h } from './dom.js';
import { focusViewHeading } from './focus.js';
import { lang, setLang, t } from './i18n.js';
import { describeError, setStatus } from './messages.js';
import { showQueueLink, startOffline } from './offline.js';
import { resumeSession } from './session.js';
import { adminView } from './views/admin.js';
import { agenciesView } from './views/agencies.js';
import { agencyView } from './views/agency.js';
import { eventView } from './views/event.js';
import { indicatorView } from './views/indicator.js';
import { inspectionView } from './views/inspection.js';
import { overview } from './views/overview.js';
import { queueView } from './views/queue.js';
import { recordView } from './views/record.js';
import { signInView } from './views/sign-in.js';
import { uploadView } from './views/upload.js';

const main = document.getElementById('main');
let generation = 0;

/**
 * Draws the view of the address: "loading" in the status line while it reads, an error in words if it fails,
 * then focus on its heading. A view that finishes after the user moved on is dropped.
 */
async function render() {
  const mine = ++generation;
  const { parts } = parseRoute();
  setExportable(null);
  syncControls();
  showAccount();
  showQueueLink();
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

/** The view of an address (#/<view>/<id>); anything unknown shows the overview. */
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
    case 'sign-in':
      return signInView();
    case 'record':
      return recordView();
    case 'upload':
      return uploadView();
    case 'admin':
      return adminView();
    case 'queue':
      return queueView(render);
    default:
      return overview();
  }
}

/** Marks the navigation link of the view's section as the current page. */
function highlightNav(section) {
  const active =
    { indicator: 'overview', agency: 'agencies', event: 'inspection', upload: 'record' }[section] || section;
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

listenToControls(render);
listenToAccount(render);
window.addEventListener('hashchange', render);
setLang(lang());
applyStaticTexts();
fillOrgUnits();
startOffline();
resumeSession().finally(render);
