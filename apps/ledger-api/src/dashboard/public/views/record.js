// Ghi nhận / Record (#/record?command=<type>): a minimal form for one action at a time, made from the ledger's
// catalogue (GET /actions: each command's route and fields), sent with the signed-in officer's token. The
// event id is chosen when the form is drawn, so sending again (a lost answer) never records twice. The answer
// is shown on the page: the events recorded, or why the ledger refused, in words.
/* global crypto */
import { href, parseRoute, replaceParams } from '../address.js';
import { ApiError, get, getToken } from '../api.js';
import { currentRoles } from '../account-bar.js';
import { orgUnits } from '../directory.js';
import { alertBox, h } from '../dom.js';
import { lang, t } from '../i18n.js';
import { describeError, setStatus } from '../messages.js';
import { sessionEndedBecause, signedIn } from '../session.js';
import { tokenPanel } from '../token-panel.js';
import { roleName } from '../who.js';
import { sendRecord } from '../record-send.js';
import { applyConditions, fieldControl, labelOf, valuesOf } from './record-fields.js';
import { isDisabledAccount, isRoleRevoked } from './sign-in.js';

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
  const [catalogue, units] = await Promise.all([get('/actions'), orgUnits()]);
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
  const holder = h('div', { id: 'record-form-holder' });
  const draw = () => {
    const found = commands.find((c) => c.command.type === picker.value) ?? chosen;
    holder.replaceChildren(commandForm(found, catalogue.commonFields, units));
  };
  picker.addEventListener('change', () => {
    replaceParams({ command: picker.value });
    draw();
  });
  draw();
  return view(
    h('p', { class: 'lead' }, t('recordIntro')),
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

/** The form of one command: its route's case id, its fields, when it happened; the answer below it. */
function commandForm({ command }, commonFields, units) {
  const officer = signedIn();
  const needsCase = command.path.includes('{id}');
  const caseId = needsCase
    ? h('input', {
        id: 'rf-case-id',
        name: 'caseId',
        required: true,
        autocomplete: 'off',
        spellcheck: 'false',
        pattern: '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}',
        'aria-describedby': 'rf-case-id-help',
      })
    : null;
  const own = command.fields.map((field) => fieldControl(field, { units, orgUnit: officer?.orgUnits?.[0] }));
  const occurred = commonFields.find((f) => f.name === 'occurredAt');
  const occurredAt = h('input', {
    id: 'rf-occurredAt',
    name: 'occurredAt',
    type: 'datetime-local',
    required: true,
    value: districtNow(),
  });
  let eventId = newEventId();
  const eventIdNote = h(
    'p',
    { class: 'muted small', id: 'rf-event-id' },
    t('recordEventId', { id: eventId }),
  );
  const result = h('div', { id: 'record-result', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', id: 'record-submit', class: 'primary' }, t('recordSubmit'));
  const form = h(
    'form',
    {
      class: 'stack-form record-form',
      id: 'record-form',
      onSubmit: async (event) => {
        event.preventDefault();
        const path = command.path.replace('{id}', encodeURIComponent(caseId?.value.trim() ?? ''));
        const when = occurredAt.value.length === 16 ? `${occurredAt.value}:00` : occurredAt.value;
        const body = { ...valuesOf(own), id: eventId, occurredAt: `${when}+07:00` };
        submit.disabled = true;
        submit.textContent = t('recordBusy');
        for (const c of own) c.control.removeAttribute('aria-invalid');
        try {
          const answer = await sendRecord(path, body);
          result.replaceChildren(recorded(answer, command));
          setStatus(t('recordDone', { action: command.label[lang()] || command.label.vi }));
          // The next action is a new one: a new event id.
          eventId = newEventId();
          eventIdNote.textContent = t('recordEventId', { id: eventId });
        } catch (error) {
          result.replaceChildren(alertBox(refusal(error)));
          const field = error instanceof ApiError ? error.body?.field : null;
          const bad = own.find((c) => c.field.name === field);
          if (bad) bad.control.setAttribute('aria-invalid', 'true');
        } finally {
          submit.disabled = false;
          submit.textContent = t('recordSubmit');
        }
      },
    },
    needsCase
      ? h(
          'div',
          { class: 'field' },
          h('label', { for: 'rf-case-id' }, t('recordCaseId')),
          caseId,
          h('p', { class: 'muted small', id: 'rf-case-id-help' }, t('recordCaseIdHelp')),
        )
      : null,
    own.map((c) => c.wrap),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'rf-occurredAt' }, occurred ? `${labelOf(occurred)} (UTC+7)` : t('recordOccurredAt')),
      occurredAt,
    ),
    h('div', { class: 'field buttons' }, submit),
    eventIdNote,
  );
  applyConditions(own);
  return h('div', {}, form, result);
}

/** 201: what was recorded, with links to its events and the case id for the next step. */
function recorded(answer, command) {
  const label = command.label[lang()] || command.label.vi;
  return h(
    'div',
    { class: 'alert alert-success', role: 'status', id: 'record-done' },
    h('p', {}, answer.replayed ? t('recordReplayed') : t('recordDone', { action: label })),
    answer.caseId
      ? h('p', {}, `${t('recordCaseId')}: `, h('code', { id: 'record-case-id' }, answer.caseId))
      : null,
    h(
      'p',
      {},
      `${t('recordEvents')}: `,
      (answer.eventIds || []).map((id, i) => [
        i ? ', ' : '',
        h('a', { href: href(`/event/${id}`), class: 'record-event' }, h('code', {}, id)),
      ]),
    ),
  );
}

/**
 * Why the ledger refused, in words. A signed-in write refused because the session ended (the account disabled,
 * a role revoked, signed out elsewhere) says which, from the write's answer or from the renewal that followed.
 */
function refusal(error) {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
    const why = [error, sessionEndedBecause()];
    const detail = ` (${error.detail})`;
    if (why.some(isDisabledAccount)) return t('recordAccountDisabled') + detail;
    if (why.some(isRoleRevoked)) return t('recordRoleRevoked') + detail;
    if (error.code === 'SESSION_ENDED' || (error.status === 401 && !getToken()))
      return t('recordSessionEnded') + detail;
  }
  if (error instanceof ApiError && error.status < 500) return t('recordRefused', { detail: error.detail });
  return describeError(error);
}

/** Now in the district's time (UTC+7), as a datetime-local value (YYYY-MM-DDTHH:MM). */
function districtNow() {
  return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 16);
}

function newEventId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map((v) => v.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
