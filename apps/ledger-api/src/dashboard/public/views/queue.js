// Chờ gửi / Outbox (#/queue): the signed-in officer's writes made while the connection was down, each waiting,
// recorded or refused (with the ledger's reason in words); a refused one can be fixed (its fields edited) and
// sent again under the same event id, or discarded. The list follows the queue while the page is open.
/* global document */
import { get } from '../api.js';
import { alertBox, h } from '../dom.js';
import { formatDateTime, lang, t } from '../i18n.js';
import { setStatus } from '../messages.js';
import {
  clearRecorded,
  currentOwner,
  discard,
  flush,
  isOnline,
  onOutboxChange,
  ownWrites,
  pending,
  resend,
  signInNeeded,
} from '../outbox.js';

export async function queueView(rerender = () => undefined) {
  const title = h('h1', { tabindex: '-1' }, t('queueTitle'));
  const intro = h('p', { class: 'lead' }, t('queueIntro'));
  if (!currentOwner()) {
    // Nobody signed in (the session ended, or the page was reloaded offline): the writes wait for their officer;
    // the view is drawn again when someone signs in or the session is resumed.
    const count = await pending();
    const box = h(
      'div',
      { class: 'view view-queue' },
      title,
      intro,
      signInNeeded()
        ? signInAgain()
        : alertBox(count ? t('queueNobody', { count }) : t('queueNobodyEmpty'), 'info'),
      h('p', {}, h('a', { href: '#/sign-in', class: 'button-link', id: 'queue-sign-in' }, t('signInLink'))),
    );
    const stop = whileShown(box, () => {
      if (currentOwner()) {
        stop();
        rerender();
      }
    });
    return box;
  }
  const catalogue = await actionsCatalogue();
  const notes = h('div', { id: 'queue-notes' });
  const list = h('ul', { class: 'queue-list', id: 'queue-list' });
  const message = h('div', { id: 'queue-message', 'aria-live': 'polite' });
  const sendNow = h(
    'button',
    {
      type: 'button',
      id: 'queue-send-now',
      class: 'primary',
      onClick: async () => {
        sendNow.disabled = true;
        sendNow.textContent = t('queueSending');
        try {
          await flush({ all: true });
        } finally {
          sendNow.disabled = false;
          sendNow.textContent = t('queueSendNow');
        }
      },
    },
    t('queueSendNow'),
  );
  const clear = h(
    'button',
    { type: 'button', id: 'queue-clear-recorded', onClick: () => clearRecorded() },
    t('queueClearRecorded'),
  );
  // The write being fixed, and its form: kept as it is while the list is drawn again (another write sent).
  let editing = null;
  let editForm = null;
  const formOf = (write, command) => {
    if (!editForm) editForm = fixForm(write, command, { edit, message });
    return editForm;
  };
  const draw = async () => {
    const writes = await ownWrites();
    const expired = signInNeeded() === currentOwner();
    notes.replaceChildren(
      isOnline() ? '' : alertBox(t('queueOffline'), 'info'),
      expired ? signInAgain() : '',
    );
    sendNow.hidden = !writes.some((w) => w.state === 'waiting');
    clear.hidden = !writes.some((w) => w.state === 'recorded');
    list.replaceChildren(
      ...(writes.length
        ? writes.map((write) => item(write, catalogue, { editing, formOf, edit, message }))
        : [h('li', { class: 'muted', id: 'queue-empty' }, t('queueEmpty'))]),
    );
  };
  const edit = (id) => {
    editing = id;
    editForm = null;
    draw();
  };
  whileShown(list, draw);
  await draw();
  return h(
    'div',
    { class: 'view view-queue' },
    title,
    intro,
    notes,
    h('div', { class: 'buttons queue-buttons' }, sendNow, clear),
    message,
    list,
  );
}

/**
 * fn() after every change of the queue while `node` is on the page (or until it is, for a view being drawn);
 * the listener ends once the view has left the page, or if it never arrives there. Returns how to end it early.
 */
function whileShown(node, fn) {
  const since = Date.now();
  let shown = false;
  const stop = onOutboxChange(() => {
    if (document.body.contains(node)) shown = true;
    else if (shown || Date.now() - since > 60_000) {
      stop();
      return;
    }
    fn();
  });
  return stop;
}

/** The officer's token was refused on replay and could not be renewed: sign in again; the writes are kept. */
function signInAgain() {
  return h(
    'div',
    { class: 'alert alert-error', role: 'alert', id: 'queue-sign-in-needed' },
    h('p', {}, t('queueNeedsSignIn')),
    h('a', { href: '#/sign-in', class: 'button-link', id: 'queue-sign-in-again' }, t('queueSignInAgain')),
  );
}

/** One write: what it is, its state, and what can be done with it. */
function item(write, catalogue, { editing, formOf, edit, message }) {
  const command = commandOf(catalogue, write.path);
  const label = command ? command.label[lang()] || command.label.vi : write.path;
  const state = h(
    'span',
    { class: `badge queue-state queue-state-${write.state}`, dataset: { state: write.state } },
    t(`queueState_${write.state}`),
  );
  const parts = [
    h('p', { class: 'queue-head' }, h('strong', {}, label), ' ', state),
    h(
      'p',
      { class: 'muted small' },
      `${t('queueEventId')}: `,
      h('code', { class: 'queue-event-id' }, write.id),
      ' · ',
      t('queueMade', { time: formatDateTime(new Date(write.createdAt).toISOString()) }),
    ),
  ];
  const summary = summaryOf(write, command);
  if (summary) parts.push(h('p', { class: 'small queue-summary' }, summary));
  if (write.state === 'waiting' && write.attempts > 0 && write.nextTryAt)
    parts.push(
      h(
        'p',
        { class: 'small' },
        t('queueTries', {
          count: write.attempts,
          time: formatDateTime(new Date(write.nextTryAt).toISOString()),
        }),
      ),
    );
  if (write.state === 'recorded') {
    const ids = write.answer?.eventIds ?? [];
    if (write.answer?.replayed) parts.push(h('p', { class: 'small' }, t('queueReplayed')));
    parts.push(
      h(
        'p',
        { class: 'small' },
        `${t('recordEvents')}: `,
        ids.map((id, i) => [i ? ', ' : '', h('a', { href: `#/event/${id}` }, h('code', {}, id))]),
      ),
    );
  }
  if (write.state === 'refused') {
    const refusal = write.refusal ?? {};
    const field = refusal.field ? fieldLabel(command, refusal.field) : null;
    parts.push(
      h(
        'div',
        { class: 'alert alert-error queue-refusal', role: 'alert' },
        h('p', {}, t('queueRefusedWhy', { why: reasonWords(refusal.status) })),
        refusal.detail ? h('p', { class: 'small' }, t('queueLedgerSaid', { detail: refusal.detail })) : null,
        field ? h('p', { class: 'small' }, t('queueFieldToFix', { field })) : null,
      ),
    );
    if (editing === write.id) parts.push(formOf(write, command));
    else
      parts.push(
        h(
          'div',
          { class: 'buttons' },
          h(
            'button',
            { type: 'button', id: `queue-fix-${write.id}`, class: 'primary', onClick: () => edit(write.id) },
            t('queueFix'),
          ),
          h(
            'button',
            {
              type: 'button',
              id: `queue-discard-${write.id}`,
              onClick: async () => {
                await discard(write.id);
                message.replaceChildren(alertBox(t('queueDiscarded', { id: write.id }), 'info'));
              },
            },
            t('queueDiscard'),
          ),
        ),
      );
  }
  return h(
    'li',
    {
      class: `queue-item queue-item-${write.state}`,
      id: `queue-item-${write.id}`,
      dataset: { state: write.state },
    },
    parts,
  );
}

/**
 * The fields of a refused write, to fix: every field it carried (the event id stays as it was), numbers as
 * numbers; the field the ledger named is marked.
 */
function fixForm(write, command, { edit, message }) {
  const names = Object.keys(write.body).filter((name) => name !== 'id');
  const controls = names.map((name) => {
    const value = write.body[name];
    const kind = typeof value === 'number' ? 'number' : typeof value === 'string' ? 'string' : 'json';
    const control = h('input', {
      id: `qf-${name}`,
      name,
      type: kind === 'number' ? 'number' : 'text',
      step: kind === 'number' ? 'any' : undefined,
      inputmode: kind === 'number' ? 'decimal' : undefined,
      value: kind === 'json' ? JSON.stringify(value) : String(value),
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-invalid': write.refusal?.field === name ? 'true' : undefined,
    });
    return { name, kind, control };
  });
  const form = h(
    'form',
    {
      class: 'stack-form queue-fix-form',
      id: 'queue-fix-form',
      'aria-label': t('queueFixTitle', { id: write.id }),
      onSubmit: async (event) => {
        event.preventDefault();
        const fields = {};
        try {
          for (const { name, kind, control } of controls) {
            const raw = control.value.trim();
            if (raw === '') continue;
            fields[name] = kind === 'number' ? Number(raw) : kind === 'json' ? JSON.parse(raw) : raw;
          }
        } catch (error) {
          message.replaceChildren(alertBox(String(error?.message ?? error)));
          return;
        }
        edit(null);
        await resend(write.id, fields);
        const text = t('queueResent', { id: write.id });
        message.replaceChildren(alertBox(text, 'info'));
        setStatus(text);
      },
    },
    controls.map(({ name, control }) =>
      h('div', { class: 'field' }, h('label', { for: control.id }, fieldLabel(command, name)), control),
    ),
    h(
      'div',
      { class: 'field buttons' },
      h('button', { type: 'submit', id: 'queue-fix-submit', class: 'primary' }, t('queueFixSubmit')),
      h('button', { type: 'button', id: 'queue-fix-cancel', onClick: () => edit(null) }, t('queueFixCancel')),
    ),
  );
  return form;
}

/** What a write not yet recorded holds, in a line, so that the officer tells one from another. */
function summaryOf(write, command) {
  if (write.state === 'recorded') return '';
  return Object.entries(write.body)
    .filter(([name, value]) => name !== 'id' && name !== 'occurredAt' && typeof value !== 'object')
    .map(([name, value]) => `${fieldLabel(command, name)}: ${value}`)
    .join(' · ');
}

/** Why the ledger refused, in words, from its status (its own detail is shown beside). */
function reasonWords(status) {
  const key = `queueWhy_${status}`;
  const words = t(key);
  return words === key ? t('queueWhy_other') : words;
}

/** The catalogue of actions (public, kept by the service worker for offline use); null when it cannot be read. */
async function actionsCatalogue() {
  try {
    return await get('/actions');
  } catch {
    return null;
  }
}

/** The command whose route the write was sent to ('/housing-cases/{id}/completions' for '/housing-cases/…/completions'). */
function commandOf(catalogue, path) {
  for (const action of catalogue?.actions ?? []) {
    for (const command of action.commands) {
      const pattern = command.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{id\}/g, '[^/]+');
      if (new RegExp(`^${pattern}$`).test(path)) return { ...command, common: catalogue.commonFields ?? [] };
    }
  }
  return null;
}

function fieldLabel(command, name) {
  const field = [...(command?.fields ?? []), ...(command?.common ?? [])].find((f) => f.name === name);
  return field?.label?.[lang()] || field?.label?.vi || name;
}
