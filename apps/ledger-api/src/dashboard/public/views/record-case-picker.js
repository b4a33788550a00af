// The case a step is recorded on, chosen from the officer's open cases instead of typed as a UUID: the open
// cases of their agency (GET /agencies/{agency}/open-steps) of the command's kind (its route's resource:
// /housing-cases/{id}/... -> streams housing-case-...), in the communes their account covers, searched by
// case id or commune; the chosen case shows where it stands and which step is due next, by when. A case id
// typed or pasted whole is taken as it is (the ledger says if it is not one).
import { replaceParams } from '../address.js';
import { getAll } from '../api.js';
import { h } from '../dom.js';
import { formatDate, ledgerDay, nameOf, t } from '../i18n.js';
import { coveredUnits } from './record-scope.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHOWN = 8;

/** housing-cases -> housing-case- (the stream prefix of the cases a route's {id} names). */
export const streamPrefixOf = (path) => `${path.split('/')[1].replace(/s$/, '')}-`;

/** Lower case without Vietnamese marks, so "phuoc dai" finds "Phước Đại". */
const plain = (text) =>
  String(text || '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/**
 * The picker: { wrap, input, value(), reload(), say(message) }. `eventLabel(type)`: an event type in words.
 * `preset`: a case id to start with (from the address).
 */
export function casePicker({ command, officer, units, eventLabel, preset }) {
  const prefix = streamPrefixOf(command.path);
  const input = h('input', {
    id: 'rf-case-id',
    name: 'caseId',
    type: 'search',
    required: true,
    autocomplete: 'off',
    spellcheck: 'false',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-controls': 'rf-case-list',
    'aria-expanded': 'false',
    'aria-describedby': 'rf-case-id-help rf-case-id-error',
    value: preset || '',
  });
  const list = h('ul', { id: 'rf-case-list', class: 'case-list', role: 'listbox', hidden: true });
  const chosenBox = h('div', { id: 'rf-case-chosen', 'aria-live': 'polite' });
  const note = h('p', { class: 'muted small', id: 'rf-case-note' });
  const error = h('p', { class: 'field-error', id: 'rf-case-id-error', hidden: true });
  const reloadButton = h(
    'button',
    { type: 'button', class: 'link-button', id: 'rf-case-reload' },
    t('rfCaseReload'),
  );
  const wrap = h(
    'div',
    { class: 'field case-picker' },
    h('label', { for: 'rf-case-id' }, t('rfCaseLabel')),
    input,
    h('p', { class: 'muted small', id: 'rf-case-id-help' }, t('rfCaseHelp'), ' ', reloadButton),
    error,
    list,
    note,
    chosenBox,
  );

  let cases = [];
  const covered = coveredUnits(officer?.orgUnits, units);
  const unitName = (code) => nameOf(units.find((u) => u.code === code)) || code;
  const say = (message) => {
    error.textContent = message;
    error.hidden = !message;
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };

  const caseIdOf = (doc) => doc.caseId || doc.stream.slice(prefix.length);
  const dueText = (doc) => {
    if (!doc.nextStep) return t('rfCaseNoNext');
    const next = eventLabel(doc.nextStep);
    if (!doc.dueBy) return t('rfCaseNext', { step: next });
    const late = doc.dueBy < ledgerDay();
    return t(late ? 'rfCaseNextLate' : 'rfCaseNextBy', { step: next, day: formatDate(doc.dueBy) });
  };

  function showChosen(doc) {
    if (!doc) {
      chosenBox.replaceChildren();
      return;
    }
    chosenBox.replaceChildren(
      h(
        'div',
        { class: 'case-card', id: 'rf-case-card' },
        h('p', {}, h('strong', {}, `${t('recordCaseId')}: `), h('code', {}, caseIdOf(doc))),
        h('p', {}, `${t('rfCaseCommune')}: ${unitName(doc.orgUnit)}`),
        h('p', {}, t('rfCaseAt', { step: eventLabel(doc.step), day: formatDate(doc.since) })),
        h('p', { class: 'case-due', id: 'rf-case-due' }, dueText(doc)),
        doc.steps?.length
          ? h(
              'details',
              {},
              h('summary', {}, t('rfCaseSteps', { n: doc.steps.length })),
              h(
                'ol',
                { class: 'case-steps' },
                doc.steps.map((s) => h('li', {}, `${eventLabel(s.type)} — ${formatDate(s.occurredAt)}`)),
              ),
            )
          : null,
      ),
    );
  }

  function choose(doc) {
    input.value = caseIdOf(doc);
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    say('');
    showChosen(doc);
    // Kept in the address, so that a reload or the language switch keeps the case chosen.
    replaceParams({ case: input.value });
  }

  function matches(query) {
    const q = plain(query.trim());
    if (!q) return cases;
    return cases.filter(
      (doc) => plain(caseIdOf(doc)).includes(q) || plain(unitName(doc.orgUnit)).includes(q),
    );
  }

  function update() {
    const value = input.value.trim();
    const exact = cases.find((doc) => caseIdOf(doc).toLowerCase() === value.toLowerCase());
    note.textContent = '';
    if (exact) {
      showChosen(exact);
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      return;
    }
    showChosen(null);
    const found = UUID.test(value) ? [] : matches(value);
    list.replaceChildren(
      ...found.slice(0, SHOWN).map((doc) =>
        h(
          'li',
          { role: 'option' },
          h(
            'button',
            {
              type: 'button',
              class: 'case-option',
              dataset: { case: caseIdOf(doc) },
              onClick: () => choose(doc),
            },
            h('code', {}, caseIdOf(doc).slice(0, 8)),
            ` · ${unitName(doc.orgUnit)} · ${eventLabel(doc.step)}`,
            h('span', { class: 'muted small case-option-due' }, dueText(doc)),
          ),
        ),
      ),
    );
    list.hidden = found.length === 0;
    input.setAttribute('aria-expanded', String(found.length > 0));
    note.textContent =
      cases.length === 0
        ? t('rfCaseNone')
        : found.length > SHOWN
          ? t('rfCaseMore', { shown: SHOWN, n: found.length })
          : '';
  }

  async function reload() {
    if (!officer?.agency) {
      note.textContent = t('rfCaseNoAgency');
      return;
    }
    note.textContent = t('loading');
    try {
      const docs = await getAll(
        `/agencies/${encodeURIComponent(officer.agency)}/open-steps`,
        {},
        { auth: true },
      );
      cases = docs.filter((doc) => doc.stream.startsWith(prefix) && covered.has(doc.orgUnit));
    } catch {
      // The list is a help: without it (offline, a refusal), a case id typed whole still goes.
      cases = [];
      note.textContent = t('rfCaseUnavailable');
      return;
    }
    update();
  }

  input.addEventListener('input', () => {
    say('');
    update();
  });
  input.addEventListener('focus', update);
  reloadButton.addEventListener('click', reload);
  reload();

  return {
    wrap,
    input,
    say,
    reload,
    /** The case id to send, or '' with a message when there is none. */
    value() {
      const value = input.value.trim();
      if (!value) {
        say(t('rfCaseMissing'));
        return '';
      }
      if (!UUID.test(value)) {
        say(t('rfCaseNotChosen'));
        return '';
      }
      say('');
      return value;
    },
  };
}
