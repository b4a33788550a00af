// One event (#/event/<id>), with an inspector's token: its envelope (stream, position, time, actor, commune,
// evidence, hash), its data beside the data in effect after corrections, what it added to which indicator, and
// the corrections made to it.
import { href } from '../address.js';
import { get, getToken } from '../api.js';
import { setExportable } from '../csv-export.js';
import { agencies, agencyName, orgUnits, unitName } from '../directory.js';
import { alertBox, definitionList, h, table } from '../dom.js';
import { eventTypeName, formatDate, formatDateTime, formatMonth, formatNumber, t } from '../i18n.js';
import { describeError } from '../messages.js';
import { tokenPanel } from '../token-panel.js';
import { findTrailEntry, trailStatus } from './trail.js';

export async function eventView(id) {
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
      entry?.approvedBy
        ? [
            t('colApprovedBy'),
            h(
              'span',
              { id: 'event-approved-by' },
              `${entry.approvedBy.officer} (${agencyName(entry.approvedBy.agency, agencyList)}; ${entry.approvedBy.role ?? ''})`,
            ),
          ]
        : null,
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
            { label: t('colMadeBy'), cell: (c) => `${c.officer} (${agencyName(c.agency, agencyList)})` },
            {
              label: t('colApprovedBy'),
              cell: (c) =>
                c.approvedBy
                  ? `${c.approvedBy.officer} (${agencyName(c.approvedBy.agency, agencyList)})`
                  : t('noFigure'),
            },
            { label: t('colEvent'), cell: (c) => h('a', { href: href(`/event/${c.eventId}`) }, t('open')) },
          ],
          rows: entry.correctedBy,
        })
      : h('p', {}, t('eventNoCorrections')),
  );
}
