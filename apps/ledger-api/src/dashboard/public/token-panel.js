// The token field of the views that need one (indicator approvals, agency trail, inspection, event): the token
// is pasted, kept in the tab's sessionStorage (never in the address) and can be forgotten; the panel says
// whose token it is, read from the token itself.
import { setToken, tokenClaims } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { setStatus } from './messages.js';

export function tokenPanel(onChange) {
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
        setStatus(t('tokenSaved'));
        onChange();
      },
    },
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
            setStatus(t('tokenForgotten'));
            onChange();
          },
        },
        t('tokenForget'),
      ),
    ),
    who,
  );
  return form;
}
