// Đăng nhập / Sign in (#/sign-in?next=<address>): officer id and password (POST /auth/login), a button for the
// district's single sign-on when the server offers it (GET /auth/methods; the provider sends the browser back to
// the dashboard with the refresh cookie, and the page resumes the session from it), and, folded away, a service
// account's token. Wrong password, disabled account and lockout are said in words, the lockout with when to try
// again. Then back to the address the reader came from.
/* global location */
import { parseRoute } from '../address.js';
import { ApiError } from '../api.js';
import { showAccount, signOutNow } from '../account-bar.js';
import { alertBox, h } from '../dom.js';
import { formatDate, t } from '../i18n.js';
import { setStatus, takeNotice } from '../messages.js';
import { signIn, signInMethods, signedIn } from '../session.js';
import { serviceTokenForm } from '../token-panel.js';
import { describeOfficer } from '../who.js';

export async function signInView() {
  const { params } = parseRoute();
  const next = safeNext(params.next);
  const methods = await signInMethods();
  const notice = takeNotice();
  const message = h(
    'div',
    { id: 'sign-in-message', 'aria-live': 'polite' },
    notice ? alertBox(notice, 'info') : null,
  );
  const title = h('h1', { tabindex: '-1' }, t('signInTitle'));
  const officer = signedIn();
  if (officer) {
    return h(
      'div',
      { class: 'view view-sign-in' },
      title,
      message,
      h('p', { id: 'sign-in-already' }, t('signInAlready', { who: describeOfficer(officer) })),
      h(
        'div',
        { class: 'buttons' },
        h('a', { href: `#${next || '/'}`, class: 'button-link' }, t('signInContinue')),
        h(
          'button',
          {
            type: 'button',
            id: 'sign-in-sign-out',
            onClick: () => signOutNow(),
          },
          t('signOut'),
        ),
      ),
    );
  }
  return h(
    'div',
    { class: 'view view-sign-in' },
    title,
    h('p', { class: 'lead' }, t('signInIntro')),
    message,
    methods.password === false ? null : passwordForm(message, next),
    methods.oidc?.enabled
      ? [
          h('p', { class: 'sign-in-or' }, t('signInOr')),
          h(
            'p',
            {},
            h(
              'a',
              { href: '/auth/oidc/login', class: 'button-link', id: 'sign-in-oidc' },
              t('signInOidc', { label: methods.oidc.label || t('signInOidcDefault') }),
            ),
          ),
        ]
      : null,
    serviceTokenForm(() => {
      showAccount();
    }),
  );
}

function passwordForm(message, next) {
  const officerInput = h('input', {
    id: 'sign-in-officer',
    name: 'officer',
    autocomplete: 'username',
    autocapitalize: 'none',
    spellcheck: 'false',
    required: true,
  });
  const passwordInput = h('input', {
    id: 'sign-in-password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const submit = h('button', { type: 'submit', id: 'sign-in-submit', class: 'primary' }, t('signInSubmit'));
  const form = h(
    'form',
    {
      class: 'sign-in-form',
      id: 'sign-in-form',
      novalidate: true,
      onSubmit: async (event) => {
        event.preventDefault();
        const officer = officerInput.value.trim();
        const password = passwordInput.value;
        if (!officer || !password) {
          message.replaceChildren(alertBox(t('signInMissing')));
          (officer ? passwordInput : officerInput).focus();
          return;
        }
        submit.disabled = true;
        submit.textContent = t('signInBusy');
        try {
          const who = await signIn(officer, password);
          passwordInput.value = '';
          setStatus(t('signInDone', { who: describeOfficer(who) }));
          location.hash = `#${next || '/'}`;
        } catch (error) {
          passwordInput.value = '';
          message.replaceChildren(alertBox(signInProblem(error)));
          passwordInput.focus();
        } finally {
          submit.disabled = false;
          submit.textContent = t('signInSubmit');
        }
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'sign-in-officer' }, t('signInOfficer')), officerInput),
    h('div', { class: 'field' }, h('label', { for: 'sign-in-password' }, t('signInPassword')), passwordInput),
    h('div', { class: 'buttons' }, submit),
  );
  return form;
}

/** Why sign-in failed, in words: wrong officer or password, disabled account, lockout with when to retry. */
export function signInProblem(error) {
  if (!(error instanceof ApiError)) return t('signInFailed', { detail: error?.message || String(error) });
  if (error.status === 429) {
    if (!error.retryAfter) return t('signInLockedNoTime');
    const seconds = Math.ceil(error.retryAfter);
    const wait =
      seconds < 120 ? t('waitSeconds', { n: seconds }) : t('waitMinutes', { n: Math.ceil(seconds / 60) });
    const at = Date.parse(error.body?.retryAt ?? '') || Date.now() + seconds * 1000;
    return t('signInLocked', { wait, time: districtClock(at), date: formatDate(new Date(at).toISOString()) });
  }
  if (error.status === 401 || error.status === 403) {
    return isDisabledAccount(error) ? t('signInDisabled') : t('signInWrong');
  }
  return t('signInFailed', { detail: error.detail });
}

/** HH:MM in the district's time (UTC+7). */
function districtClock(ms) {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(ms));
}

/** The API's answer for an account an admin disabled (its code, or failing that its words). */
export function isDisabledAccount(error) {
  return /DISABLED/i.test(error?.code || '') || /disabled|vô hiệu|khóa|khoá/i.test(error?.detail || '');
}

/** The API's answer for a session that acted with a role an admin has revoked since. */
export function isRoleRevoked(error) {
  return /role .+ revoked/i.test(error?.detail || '');
}

/** An address inside the dashboard to go back to after signing in (never another site, never this page). */
function safeNext(value) {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/sign-in')) return '';
  return value;
}
