// What the page says after a write: what was recorded (the case, its events linked, the indicators it moved,
// by the ledger's answer), that it waits to be sent (a write queued while offline), or why the ledger refused
// it in words an officer can act on (a step already recorded, someone else's change, a commune or agency no
// longer in force, the session ended), each with what to do next.
import { ApiError, get, getToken } from '../api.js';
import { href } from '../address.js';
import { alertBox, h } from '../dom.js';
import { formatNumber, lang, nameOf, t } from '../i18n.js';
import { describeError } from '../messages.js';
import { sessionEndedBecause } from '../session.js';
import { isDisabledAccount, isRoleRevoked } from './sign-in.js';

const names = new Map();

/** The indicator's name in the page's language (its definition, read once a page); its key if unreadable. */
async function indicatorName(key) {
  if (!names.has(key)) {
    names.set(
      key,
      get(`/indicators/${encodeURIComponent(key)}/definition`).then(
        (doc) => doc,
        () => null,
      ),
    );
  }
  return nameOf(await names.get(key)) || key;
}

const signed = (n) => (n > 0 ? `+${formatNumber(n, 2)}` : `−${formatNumber(Math.abs(n), 2)}`);

function movedLine(moved) {
  const item = h(
    'li',
    { dataset: { indicator: moved.key } },
    h('a', { href: href(`/indicator/${moved.key}`) }, moved.key),
    ': ',
    moved.part === 'measurement'
      ? t('rfMovedSet', { value: moved.change === null ? '—' : formatNumber(moved.change, 2) })
      : `${signed(moved.change)}${moved.part === 'value' ? '' : ` (${t(`rfPart_${moved.part}`)})`}`,
  );
  indicatorName(moved.key).then((name) => {
    item.firstChild.textContent = name;
  });
  return item;
}

/** 201 (or a write queued to be sent later): what was recorded, with links, the case id and what it moved. */
export function recordedBox(answer, { command, caseId }) {
  if (answer && answer.queued) {
    return h(
      'div',
      { class: 'alert alert-info', role: 'status', id: 'record-queued' },
      h('p', {}, t('rfQueued')),
      answer.id ? h('p', { class: 'small' }, t('recordEventId', { id: answer.id })) : null,
    );
  }
  const label = command.label[lang()] || command.label.vi;
  const theCase = answer.caseId || caseId;
  const moved = answer.indicators || [];
  return h(
    'div',
    { class: 'alert alert-success', role: 'status', id: 'record-done' },
    h('p', {}, answer.replayed ? t('recordReplayed') : t('recordDone', { action: label })),
    theCase ? h('p', {}, `${t('recordCaseId')}: `, h('code', { id: 'record-case-id' }, theCase)) : null,
    h(
      'p',
      {},
      `${t('recordEvents')}: `,
      (answer.eventIds || []).map((id, i) => [
        i ? ', ' : '',
        h('a', { href: href(`/event/${id}`), class: 'record-event' }, h('code', {}, id)),
      ]),
    ),
    answer.indicators
      ? h(
          'div',
          { id: 'record-moved' },
          h('p', {}, moved.length ? t('rfMoved') : t('rfMovedNone')),
          moved.length ? h('ul', { class: 'moved-list' }, moved.map(movedLine)) : null,
        )
      : null,
  );
}

/** What a 409 or 412 means for the officer, and what to do; null for another refusal. */
function conflictWords(error) {
  const code = error.code || '';
  if (error.status === 412 || code === 'PRECONDITION_FAILED' || code === 'WRONG_EXPECTED_REVISION')
    return [t('rfChangedMeanwhile'), t('rfChangedMeanwhileDo')];
  if (code === 'DUPLICATE_EVENT_ID') return [t('rfSentBefore'), t('rfSentBeforeDo')];
  if (/^(ORG_UNIT|AGENCY)_(ENDED|NOT_YET_IN_FORCE)$/.test(code)) {
    const instead = (error.body?.instead || []).join(', ');
    return [t(`rfOutOfForce_${code}`), instead ? t('rfOutOfForceDo', { instead }) : t('rfOutOfForceAsk')];
  }
  if (/ALREADY/.test(code)) return [t('rfAlready'), t('rfAlreadyDo')];
  if (/(WITHDRAWN|CLOSED)$/.test(code)) return [t('rfCaseEnded'), t('rfCaseEndedDo')];
  if (/NOT_(APPROVED|STARTED|COMPLETED|RECOVERED|ENROLLED|OPENED|REGISTERED)|_FIRST$|BEFORE/.test(code))
    return [t('rfEarlierStep'), t('rfEarlierStepDo')];
  if (error.status === 409) return [t('rfConflict'), t('rfConflictDo')];
  return null;
}

/**
 * Why the ledger refused, in words: a box with what happened, what to do and the ledger's own detail. A write
 * refused because the session ended (the account disabled, a role revoked, signed out elsewhere) says which,
 * from the write's answer or from the renewal that followed.
 */
export function refusalBox(error) {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
    const why = [error, sessionEndedBecause()];
    const detail = ` (${error.detail})`;
    if (why.some(isDisabledAccount)) return alertBox(t('recordAccountDisabled') + detail);
    if (why.some(isRoleRevoked)) return alertBox(t('recordRoleRevoked') + detail);
    if (error.code === 'SESSION_ENDED' || (error.status === 401 && !getToken()))
      return alertBox(t('recordSessionEnded') + detail);
  }
  if (error instanceof ApiError && (error.status === 409 || error.status === 412)) {
    const [what, todo] = conflictWords(error);
    const box = alertBox(what);
    box.id = 'record-conflict';
    box.append(
      h('p', { class: 'record-todo' }, todo),
      h('p', { class: 'small muted' }, t('rfLedgerSaid', { detail: error.detail })),
    );
    return box;
  }
  if (error instanceof ApiError && error.status === 404) {
    const box = alertBox(t('rfNotFound'));
    box.append(h('p', { class: 'small muted' }, t('rfLedgerSaid', { detail: error.detail })));
    return box;
  }
  if (error instanceof ApiError && error.status === 400)
    return alertBox(t('rfFixFields', { detail: error.detail }));
  if (error instanceof ApiError && error.status < 500)
    return alertBox(t('recordRefused', { detail: error.detail }));
  return alertBox(describeError(error));
}

/** The fields a 400 names, each with the ledger's message: [{ field, message }]. */
export function fieldProblems(error) {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  const listed = Array.isArray(error.body?.errors) ? error.body.errors : [];
  if (listed.length)
    return listed
      .filter((p) => p && p.field)
      .map((p) => ({ field: String(p.field), message: p.message || '' }));
  return error.body?.field ? [{ field: String(error.body.field), message: error.detail }] : [];
}
