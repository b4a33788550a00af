// The header's account area: who is signed in (name, agency, roles) with "Đăng xuất / Sign out", or whose
// service account token is in use, or a link to the sign-in page; and the navigation links only some roles
// need ("Ghi nhận / Record" for officers and supervisors, "Quản trị / Admin" for admins).
/* global document, location */
import { serviceToken, setToken, tokenClaims } from './api.js';
import { agencies } from './directory.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { leaveNotice, setStatus } from './messages.js';
import { onSessionChange, signedIn, signOut } from './session.js';
import { describeOfficer } from './who.js';

const box = document.getElementById('account');
let ended = false;
let redraw = () => undefined;

/** The roles of whoever the page acts for: the signed-in officer, else the pasted token's claims. */
export function currentRoles() {
  const officer = signedIn();
  if (officer) return officer.roles || [];
  return (serviceToken() && tokenClaims()?.roles) || [];
}

/** Draws the account area and shows the navigation links the current roles need. */
export function showAccount() {
  const officer = signedIn();
  const claims = officer ? null : serviceToken() && tokenClaims();
  box.setAttribute('aria-label', t('accountLabel'));
  if (officer) {
    const who = h('span', { class: 'account-who', id: 'account-who' }, describeOfficer(officer));
    box.replaceChildren(
      who,
      h('button', { type: 'button', id: 'sign-out', onClick: () => signOutNow() }, t('signOut')),
    );
    agencies()
      .then((list) => {
        if (signedIn() === officer) who.textContent = describeOfficer(officer, list);
      })
      .catch(() => undefined);
  } else if (claims) {
    box.replaceChildren(
      h(
        'span',
        { class: 'account-who', id: 'account-who' },
        t('serviceTokenAs', { who: `${claims.sub} (${claims.agency})` }),
      ),
      h(
        'button',
        {
          type: 'button',
          id: 'forget-token',
          onClick: () => {
            setToken('');
            setStatus(t('tokenForgotten'));
            showAccount();
            location.hash = '#/sign-in';
          },
        },
        t('tokenForget'),
      ),
    );
  } else {
    const link = h('a', { href: '#/sign-in', id: 'sign-in-link', class: 'button-link' }, t('signInLink'));
    if (ended)
      box.replaceChildren(
        h('span', { class: 'account-note', id: 'account-ended' }, t('sessionEndedShort')),
        link,
      );
    else box.replaceChildren(link);
  }
  const roles = currentRoles();
  document.getElementById('nav-record-item').hidden = !roles.some(
    (r) => r === 'officer' || r === 'supervisor',
  );
  document.getElementById('nav-admin-item').hidden = !roles.includes('admin');
}

/** Signs out and opens the sign-in page, which says so. */
export async function signOutNow() {
  await signOut();
  leaveNotice(t('signedOut'));
  if (location.hash.startsWith('#/sign-in')) redraw();
  else location.hash = '#/sign-in';
}

/**
 * Keeps the area up to date. A session that ends by itself (expired, account disabled, role revoked) is said
 * in the status line and the header; the view on screen stays, so a message it shows is not lost.
 */
export function listenToAccount(render) {
  redraw = render;
  onSessionChange((officer, reason) => {
    ended = reason === 'ended';
    if (ended) setStatus(t('sessionEnded'));
    showAccount();
  });
}
