// Ghi nhận / Record (#/record?command=<type>&case=<id>): the form of any action, made from the ledger's
// catalogue (GET /actions: each command's route and fields), sent with the signed-in officer's token through
// record-send.js. The communes offered are those the officer's account covers that are in force on the
// action's day; a step on an open case is recorded on a case picked from the officer's open cases; amounts are
// typed and shown 1.500.000; the day and time are the district's (UTC+7). Each field is checked before sending
// and a refusal naming a field is shown under it. The event id is chosen when the form is drawn, so sending
// again (a lost answer) never records twice. The answer is shown on the page (record-answer.js).
/* global crypto */
import { parseRoute, replaceParams } from '../address.js';
import { get, getToken } from '../api.js';
import { currentRoles } from '../account-bar.js';
import { agencies as agencyList, agencyName, orgUnits } from '../directory.js';
import { alertBox, h } from '../dom.js';
import { formatDate, lang, t } from '../i18n.js';
import { setStatus } from '../messages.js';
import { signedIn } from '../session.js';
import { tokenPanel } from '../token-panel.js';
import { roleName } from '../who.js';
import { sendRecord } from '../record-send.js';
import { fieldProblems, recordedBox, refusalBox } from './record-answer.js';
import { casePicker } from './record-case-picker.js';
import { applyConditions, fieldControl, labelOf, valuesOf } from './record-fields.js';
import { agencyOutOfForce, dayOf, districtDateTime, districtNow, ownUnitsOn } from './record-scope.js';

export async function recordView() {
  const title = h('h1', { tabindex: '-1' }, t('recordTitle'));
  const view = (...children) => h('div', { class: 'view view-record' }, title, ...children);
  if (!getToken())
    return view(
      alertBox(t('needsSignIn'), 'info'),
      tokenPanel(() => undefined),
    );
  const roles = currentRoles();
  if (!roles.some((r) => r === 'officer' || r === 'supervisor')) {
    const who = signedIn()?.id ?? '';
    return view(
      alertBox(t('needsRole', { who, roles: `${roleName('officer')}, ${roleName('supervisor')}` }), 'info'),
    );
  }
  const [catalogue, units, agencies] = await Promise.all([
    get('/actions'),
    orgUnits(),
    agencyList().catch(() => []),
  ]);
  const commands = catalogue.actions.flatMap((action) =>
    action.commands.map((command) => ({ action, command })),
  );
  const { params } = parseRoute();
  const chosen = commands.find((c) => c.command.type === params.command) ?? commands[0];
  const picker = h(
    'select',
    { id: 'record-command', name: 'command' },
    catalogue.actions.map((action) =>
      h(
        'optgroup',
        { label: action.label[lang()] || action.label.vi },
        action.commands.map((command) =>
          h(
            'option',
            { value: command.type, selected: command === chosen.command },
            command.label[lang()] || command.label.vi,
          ),
        ),
      ),
    ),
  );
  const eventLabels = new Map(
    catalogue.actions.flatMap((a) => a.eventTypes.map((e) => [e.type, e.label[lang()] || e.label.vi])),
  );
  const eventLabel = (type) => eventLabels.get(type) || type;
  const holder = h('div', { id: 'record-form-holder' });
  const draw = (caseId) => {
    const found = commands.find((c) => c.command.type === picker.value) ?? chosen;
    holder.replaceChildren(
      commandForm(found, { commonFields: catalogue.commonFields, units, agencies, eventLabel, caseId }),
    );
  };
  picker.addEventListener('change', () => {
    replaceParams({ command: picker.value });
    draw(holder.querySelector('#rf-case-id')?.value.trim());
  });
  draw(params.case);
  return view(
    h('p', { class: 'lead' }, t('rfIntro')),
    h('p', {}, h('a', { href: '#/upload', id: 'record-upload-link' }, t('uploadLink'))), // the upload page (views/upload.js)
    h(
      'div',
      { class: 'field record-picker' },
      h('label', { for: 'record-command' }, t('recordCommand')),
      picker,
    ),
    holder,
  );
}

/** The form of one command: the case it is a step on, its fields, when it happened; the answer below it. */
function commandForm({ command }, { commonFields, units, agencies, eventLabel, caseId }) {
  const officer = signedIn();
  const theCase = command.path.includes('{id}')
    ? casePicker({ command, officer, units, eventLabel, preset: caseId })
    : null;
  const occurred = commonFields.find((f) => f.name === 'occurredAt');
  const occurredAt = h('input', {
    id: 'rf-occurredAt',
    name: 'occurredAt',
    type: 'datetime-local',
    required: true,
    value: districtNow(),
    max: `${districtNow().slice(0, 10)}T23:59`,
    'aria-describedby': 'rf-occurredAt-help rf-occurredAt-error',
  });
  const occurredError = h('p', { class: 'field-error', id: 'rf-occurredAt-error', hidden: true });
  const agencyNote = h('p', { class: 'alert alert-info', id: 'rf-agency-note', hidden: true });
  const own = command.fields.map((field) =>
    fieldControl(field, { units: null, orgUnit: officer?.orgUnits?.[0] }),
  );
  /** The communes and the agency on the action's day: offered again whenever the day changes. */
  const occurredHelp = h('p', { class: 'muted small', id: 'rf-occurredAt-help' });
  const dayChanged = () => {
    const day = dayOf(occurredAt.value) || dayOf(districtNow());
    // Spelled out day first, whatever order the phone's own date box shows it in.
    const [date, time] = (occurredAt.value || '').split('T');
    occurredHelp.textContent = date
      ? t('rfOccurredHelpOn', { when: `${formatDate(date)} ${time?.slice(0, 5) ?? ''}`.trim() })
      : t('rfOccurredHelp');
    const list = ownUnitsOn(day, officer, units);
    for (const c of own) c.offer(list);
    const out = officer?.agency ? agencyOutOfForce(officer.agency, day, agencies) : null;
    agencyNote.hidden = !out;
    agencyNote.textContent = out
      ? out.validTo && day >= out.validTo
        ? t('rfAgencyEnded', { agency: agencyName(out.code, agencies), day: formatDate(out.validTo) })
        : t('rfAgencyNotYet', { agency: agencyName(out.code, agencies), day: formatDate(out.validFrom) })
      : '';
  };
  occurredAt.addEventListener('change', dayChanged);
  occurredAt.addEventListener('input', dayChanged);
  dayChanged();

  let eventId = newEventId();
  const eventIdNote = h(
    'p',
    { class: 'muted small', id: 'rf-event-id' },
    t('recordEventId', { id: eventId }),
  );
  const newId = () => {
    eventId = newEventId();
    eventIdNote.textContent = t('recordEventId', { id: eventId });
  };
  const result = h('div', { id: 'record-result', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', id: 'record-submit', class: 'primary' }, t('recordSubmit'));

  /** Every check before sending; focus on the first field that fails. */
  const checkAll = () => {
    const failed = [];
    const id = theCase ? theCase.value() : 'none';
    if (!id) failed.push(theCase.input);
    for (const c of own) if (!c.check()) failed.push(c.control);
    const when = occurredAt.value;
    occurredError.hidden = Boolean(when);
    occurredError.textContent = when ? '' : t('rfRequired');
    if (!when) failed.push(occurredAt);
    failed[0]?.focus();
    return failed.length === 0 ? id : null;
  };

  const form = h(
    'form',
    {
      class: 'stack-form record-form',
      id: 'record-form',
      novalidate: true,
      onSubmit: async (event) => {
        event.preventDefault();
        result.replaceChildren();
        const id = checkAll();
        if (!id) {
          result.replaceChildren(alertBox(t('rfCheckFields')));
          return;
        }
        const path = command.path.replace('{id}', encodeURIComponent(id));
        const body = { ...valuesOf(own), id: eventId, occurredAt: districtDateTime(occurredAt.value) };
        submit.disabled = true;
        submit.textContent = t('recordBusy');
        try {
          const answer = await sendRecord(path, body);
          result.replaceChildren(recordedBox(answer, { command, caseId: theCase ? id : null }));
          setStatus(
            answer?.queued
              ? t('rfQueued')
              : t('recordDone', { action: command.label[lang()] || command.label.vi }),
          );
          // The next action is a new one: a new event id.
          newId();
          theCase?.reload();
        } catch (error) {
          result.replaceChildren(refusalBox(error));
          for (const { field, message } of fieldProblems(error)) {
            const name = field.split(/[.[]/)[0];
            const bad = own.find((c) => c.field.name === name);
            if (bad) bad.say(t('rfServerSaid', { message }));
            else if (name === 'caseId' || name === 'id') theCase?.say(t('rfServerSaid', { message }));
          }
          // A form sent before with other values: what is on the page now is a new action.
          if (error?.code === 'DUPLICATE_EVENT_ID') newId();
          if (error?.status === 409 || error?.status === 412) theCase?.reload();
        } finally {
          submit.disabled = false;
          submit.textContent = t('recordSubmit');
        }
      },
    },
    theCase?.wrap,
    own.map((c) => c.wrap),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'rf-occurredAt' }, occurred ? labelOf(occurred) : t('recordOccurredAt')),
      occurredAt,
      occurredHelp,
      occurredError,
    ),
    agencyNote,
    h('div', { class: 'field buttons' }, submit),
    eventIdNote,
  );
  applyConditions(own);
  return h('div', {}, form, result);
}

function newEventId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map((v) => v.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
