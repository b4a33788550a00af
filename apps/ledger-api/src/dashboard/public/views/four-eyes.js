// The four-eyes part of the indicator page, for a signed-in user (any role): the indicator's period reports in
// the area (approved, changed since approval, with the events that changed them) and the restatement between
// two dates (what was recorded in the window that moved the figure). Without a token only the token field.
import { href, parseRoute, replaceParams } from '../address.js';
import { get, getToken } from '../api.js';
import { districtToday, shared } from '../as-of.js';
import { agencyName, unitName } from '../directory.js';
import { alertBox, h, table } from '../dom.js';
import { formatValue } from '../figures.js';
import { eventTypeName, formatDate, formatDateTime, formatMonth, formatNumber, t } from '../i18n.js';
import { describeError } from '../messages.js';
import { tokenPanel } from '../token-panel.js';

/** A report's period in words ("Năm 2026", "Quý 2/2026", "05/2026"); short: without the word for a year. */
function periodText(period, { short = false } = {}) {
  const [year, rest] = String(period).split('-');
  if (!rest) return short ? year : t('periodYear', { year });
  if (rest.startsWith('Q')) return t('periodQuarter', { q: rest.slice(1), year });
  return formatMonth(period);
}

function reportBadge(status) {
  return h('span', { class: `badge report-${status}`, dataset: { status } }, t(`report_${status}`));
}

/** A period total as approved: the number for counts, numerator and denominator for ratios. */
function totalText(total, indicator) {
  if (!total) return t('noFigure');
  if (indicator.kind === 'ratio')
    return `${t('numeratorShort')} ${formatNumber(total.numerator, 2)}; ${t('denominatorShort')} ${formatNumber(total.denominator, 2)}`;
  if (indicator.kind === 'measured') return t('noFigure');
  return formatValue(total.value, indicator);
}

/** What one event added to one side of the figure (value, numerator, denominator, measurements). */
function deltaText(sums, measurements, side) {
  const signed = (n) => `${n > 0 ? '+' : ''}${formatNumber(n, 2)}`;
  const parts = [];
  if (sums?.value) parts.push(signed(sums.value));
  if (sums?.numerator) parts.push(`${t('numeratorShort')} ${signed(sums.numerator)}`);
  if (sums?.denominator) parts.push(`${t('denominatorShort')} ${signed(sums.denominator)}`);
  for (const m of measurements || [])
    if (m[side])
      parts.push(`${t('measurementShort')} ${m.value === null ? t('noFigure') : formatNumber(m.value, 2)}`);
  return parts.join('; ') || '0';
}

/** Figure changes (figure-changes entries), oldest first, each with a link to its event. */
function changesTable(changes, agencyList, id) {
  return table({
    id,
    className: 'figure-changes',
    columns: [
      { label: t('colRecordedAt'), cell: (c) => formatDateTime(c.recordedAt) },
      {
        label: t('colKind'),
        cell: (c) =>
          h('span', { class: `badge change-${c.kind}`, dataset: { kind: c.kind } }, t(`change_${c.kind}`)),
      },
      { label: t('colType'), cell: (c) => eventTypeName(c.type) },
      { label: t('month'), cell: (c) => formatMonth(c.month) },
      {
        label: t('colClaimedDelta'),
        className: 'num',
        cell: (c) => deltaText(c.claimed, c.measurements, 'claimed'),
      },
      {
        label: t('colVerifiedDelta'),
        className: 'num',
        cell: (c) => deltaText(c.verified, c.measurements, 'verified'),
      },
      { label: t('colReason'), cell: (c) => c.reason || t('noFigure') },
      { label: t('colAgency'), cell: (c) => agencyName(c.agency, agencyList) },
      {
        label: t('colEvent'),
        cell: (c) =>
          h(
            'span',
            {},
            h(
              'a',
              {
                href: href(`/event/${c.eventId}`),
                'aria-label': `${t('open')}: ${eventTypeName(c.type)} ${c.eventId}`,
                dataset: { event: c.eventId },
              },
              t('open'),
            ),
            c.actionEventId && c.actionEventId !== c.eventId
              ? [
                  ' · ',
                  h(
                    'a',
                    {
                      href: href(`/event/${c.actionEventId}`),
                      'aria-label': `${t('openAction')}: ${c.actionEventId}`,
                    },
                    t('openAction'),
                  ),
                ]
              : null,
          ),
      },
    ],
    rows: changes,
  });
}

async function loadApprovals(indicator, orgUnit, year, container, units, agencyList) {
  container.replaceChildren(h('p', { class: 'muted' }, t('loading')));
  let items;
  try {
    const page = await get(
      '/report-approvals',
      { indicator: indicator.key, orgUnit, limit: 100 },
      { auth: true },
    );
    items = page.items || [];
  } catch (error) {
    container.replaceChildren(alertBox(describeError(error)));
    return;
  }
  const parts = [h('h3', { id: 'approvals-title' }, t('approvalsTitle', { unit: unitName(orgUnit, units) }))];
  if (!items.some((item) => item.approval.period === year))
    parts.push(
      h('p', { id: 'approvals-year' }, reportBadge('not_approved'), ' ', t('approvalsYearNot', { year })),
    );
  parts.push(
    items.length
      ? table({
          id: 'approvals-table',
          className: 'approvals',
          columns: [
            { label: t('colPeriod'), cell: (item) => periodText(item.approval.period) },
            { label: t('colStatus'), cell: (item) => reportBadge(item.status) },
            { label: t('colApprovedAt'), cell: (item) => formatDateTime(item.approval.current?.approvedAt) },
            {
              label: t('colApprovedFigure'),
              className: 'num',
              cell: (item) => totalText(item.approval.current?.figures?.verifiedTotal, indicator),
            },
            {
              label: t('colChangesSince'),
              className: 'num',
              cell: (item) => String(item.changesSinceApproval?.length ?? 0),
            },
          ],
          rows: items,
        })
      : h('p', {}, t('approvalsNone')),
  );
  for (const item of items.filter((i) => i.changesSinceApproval?.length)) {
    const period = item.approval.period;
    parts.push(
      h(
        'h4',
        { id: `changes-${period}-title` },
        t('changesSinceTitle', { period: periodText(period, { short: true }) }),
      ),
      changesTable(item.changesSinceApproval, agencyList, `changes-${period}`),
    );
  }
  container.replaceChildren(...parts);
}

function renderRestatement(view, indicator, agencyList) {
  const figure = (n) => (n === null || n === undefined ? t('noFigure') : formatValue(n, indicator));
  const sides = [
    ['claimed', 'colClaimed'],
    ['verified', 'colVerified'],
  ];
  return h(
    'div',
    {},
    h(
      'ul',
      { class: 'restated', id: 'restatement-figures' },
      sides.map(([side, label]) =>
        h(
          'li',
          { dataset: { side } },
          t('restFigures', {
            side: t(label),
            atFrom: figure(view.figures?.[side]?.atFrom),
            from: formatDate(view.from),
            atTo: figure(view.figures?.[side]?.atTo),
            to: formatDate(view.to),
            now: figure(view.figures?.[side]?.now),
          }),
        ),
      ),
    ),
    h(
      'p',
      { id: 'restatement-count' },
      view.changes?.length ? t('restCount', { n: view.changes.length }) : t('restNone'),
    ),
    view.changes?.length ? changesTable(view.changes, agencyList, 'restatement-table') : null,
  );
}

/**
 * The four-eyes part of the indicator page, for a signed-in user: the period reports of the indicator in the
 * area (approved, changed since approval, with the events that changed them) and the restatement between two
 * dates. Nothing is asked of the API without a token: a public visitor sees the token field only.
 */
export function fourEyesSection(indicator, progress, units, agencyList) {
  const orgUnit = progress.orgUnit;
  const today = districtToday();
  const year = (progress.asOf || today).slice(0, 4);
  const { params } = parseRoute();
  const approvals = h('div', { id: 'approvals' });
  const results = h('div', { id: 'restatement-results' });
  const fromInput = h('input', {
    type: 'date',
    id: 'rest-from',
    name: 'changesFrom',
    required: true,
    value: params.changesFrom || `${today.slice(0, 4)}-01-01`,
  });
  const toInput = h('input', {
    type: 'date',
    id: 'rest-to',
    name: 'changesTo',
    required: true,
    value: params.changesTo || today,
  });
  const restate = async () => {
    results.replaceChildren(h('p', { class: 'muted' }, t('loading')));
    try {
      const view = await get(
        `/indicators/${encodeURIComponent(indicator.key)}/restatement`,
        { orgUnit, from: fromInput.value, to: toInput.value, asOf: shared().asOf },
        { auth: true },
      );
      results.replaceChildren(renderRestatement(view, indicator, agencyList));
    } catch (error) {
      results.replaceChildren(alertBox(describeError(error)));
    }
  };
  const form = h(
    'form',
    {
      class: 'filters',
      id: 'restatement-form',
      onSubmit: (event) => {
        event.preventDefault();
        replaceParams({ changesFrom: fromInput.value, changesTo: toInput.value });
        restate();
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'rest-from' }, t('restFrom')), fromInput),
    h('div', { class: 'field' }, h('label', { for: 'rest-to' }, t('restTo')), toInput),
    h(
      'div',
      { class: 'field buttons' },
      h('button', { type: 'submit', id: 'restatement-show' }, t('restShow')),
    ),
  );
  const load = async () => {
    if (!getToken()) {
      approvals.replaceChildren();
      results.replaceChildren();
      return;
    }
    const { params: now } = parseRoute();
    await Promise.all([
      loadApprovals(indicator, orgUnit, year, approvals, units, agencyList),
      now.changesFrom && now.changesTo ? restate() : null,
    ]);
  };
  const section = h(
    'section',
    { 'aria-labelledby': 'four-eyes-title', id: 'four-eyes' },
    h('h2', { id: 'four-eyes-title' }, t('fourEyesTitle')),
    h('p', { class: 'muted' }, t('fourEyesNeedsToken')),
    tokenPanel(load),
    approvals,
    h('h3', { id: 'restatement-title' }, t('restatementTitle')),
    h('p', {}, t('restatementIntro')),
    form,
    h('div', { 'aria-live': 'polite' }, results),
  );
  return { section, load };
}
