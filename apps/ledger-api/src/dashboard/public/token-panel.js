// What a view that needs a signed-in reader shows above that part: who is signed in, or a link to the sign-in
// page and, folded away below it, the field for a service account's token. A pasted token is kept in the tab's
// sessionStorage (never in the address) and can be forgotten; the panel says whose token it is, read from the
// token itself.
/* global location */
import { showAccount } from './account-bar.js';
import { serviceToken, setToken, tokenClaims } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { setStatus } from './messages.js';
import { signedIn } from './session.js';
import { describeOfficer } from './who.js';

export function tokenPanel(onChange) {
  const officer = signedIn();
  if (officer) {
    return h(
      'p',
      { class: 'muted signed-in-note', id: 'token-who' },
      t('signedInAs', { who: describeOfficer(officer) }),
    );
  }
  const next = location.hash.replace(/^#/, '') || '/';
  return h(
    'div',
    { class: 'sign-in-prompt' },
    h(
      'p',
      {},
      h(
        'a',
        { href: `#/sign-in?next=${encodeURIComponent(next)}`, class: 'button-link', id: 'view-sign-in' },
        t('signInLink'),
      ),
    ),
    serviceTokenForm(onChange),
  );
}

/** The field for a service account's token: secondary, folded unless a token is already in use. */
export function serviceTokenForm(onChange) {
  const input = h('input', {
    type: 'password',
    id: 'token',
    name: 'token',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'token-help',
  });
  const who = h('p', { class: 'muted', id: 'token-who', 'aria-live': 'polite' });
  const showWho = () => {
    const claims = tokenClaims();
    who.textContent = claims
      ? t('tokenAs', { who: `${claims.sub} (${claims.agency}; ${(claims.roles || []).join(', ')})` })
      : '';
  };
  showWho();
  const form = h(
    'form',
    {
      class: 'token-panel',
      id: 'token-form',
      onSubmit: (event) => {
        event.preventDefault();
        setToken(input.value.trim());
        input.value = '';
        showWho();
        showAccount();
        setStatus(t('tokenSaved'));
        onChange();
      },
    },
    h('p', { class: 'muted small' }, t('serviceTokenIntro')),
    h('label', { for: 'token' }, t('tokenLabel')),
    input,
    h('p', { id: 'token-help', class: 'muted small' }, t('tokenHelp')),
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'submit' }, t('tokenSave')),
      h(
        'button',
        {
          type: 'button',
          onClick: () => {
            setToken('');
            showWho();
            showAccount();
            setStatus(t('tokenForgotten'));
            onChange();
          },
        },
        t('tokenForget'),
      ),
    ),
    who,
  );
  return h(
    'details',
    { class: 'service-token', id: 'service-token', open: Boolean(serviceToken()) },
    h('summary', { id: 'service-token-summary' }, t('serviceTokenSummary')),
    form,
  );
}
