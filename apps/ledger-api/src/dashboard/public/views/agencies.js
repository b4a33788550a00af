// Cơ quan / Agencies (#/agencies): every agency of the plan with its area, how many indicators it leads and
// when it existed (agencies merged in the 2025 reorganisation keep their dates). Public: no token.
import { href } from '../address.js';
import { getAll } from '../api.js';
import { shared } from '../as-of.js';
import { setExportable } from '../csv-export.js';
import { agencies, orgUnits, unitName } from '../directory.js';
import { h, table } from '../dom.js';
import { formatDate, nameOf, t } from '../i18n.js';

export async function agenciesView() {
  const params = shared();
  const [agencyList, units, items] = await Promise.all([
    agencies(),
    orgUnits(),
    getAll('/indicators', params),
  ]);
  const leads = new Map();
  for (const item of items)
    if (item.indicator.lead) leads.set(item.indicator.lead, (leads.get(item.indicator.lead) || 0) + 1);
  const validity = (a) =>
    [
      a.validFrom ? t('validFrom', { date: formatDate(a.validFrom) }) : '',
      a.validTo ? t('validUntil', { date: formatDate(a.validTo) }) : '',
    ]
      .filter(Boolean)
      .join(', ');
  setExportable({
    name: `co-quan`,
    columns: [
      ['code', 'code'],
      ['name', t('colAgency')],
      ['orgUnit', t('colOrgUnit')],
      ['leads', t('colLeads')],
      ['validity', t('colValidity')],
    ],
    rows: agencyList.map((a) => ({
      code: a.code,
      name: nameOf(a),
      orgUnit: unitName(a.orgUnit, units),
      leads: leads.get(a.code) || 0,
      validity: validity(a),
    })),
  });
  return h(
    'div',
    { class: 'view view-agencies' },
    h('h1', { tabindex: '-1' }, t('agenciesTitle')),
    h('p', { class: 'lead' }, t('agenciesIntro')),
    table({
      columns: [
        { label: t('colAgency'), cell: (a) => h('a', { href: href(`/agency/${a.code}`) }, nameOf(a)) },
        { label: t('colOrgUnit'), cell: (a) => unitName(a.orgUnit, units) },
        { label: t('colLeads'), className: 'num', cell: (a) => String(leads.get(a.code) || 0) },
        { label: t('colValidity'), cell: (a) => validity(a) || '' },
      ],
      rows: [...agencyList].sort(
        (a, b) =>
          (leads.get(b.code) || 0) - (leads.get(a.code) || 0) || nameOf(a).localeCompare(nameOf(b), 'vi'),
      ),
    }),
  );
}
