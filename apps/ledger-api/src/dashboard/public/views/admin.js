// Quản trị tài khoản / Accounts (#/admin), for the role admin: the accounts (GET /accounts) with their state
// and roles, and what an admin does to them: create an officer account (POST /accounts), disable with a reason
// and enable again, grant and revoke a role. Every change is an event on the ledger's record (the API's doing);
// the initial password goes to the API once and is never shown again.
import { request } from '../api.js';
import { currentRoles } from '../account-bar.js';
import { agencies, agencyName, orgUnits, unitName } from '../directory.js';
import { alertBox, h, table } from '../dom.js';
import { t } from '../i18n.js';
import { describeError, describeRefusal, setStatus } from '../messages.js';
import { signedIn } from '../session.js';
import { tokenPanel } from '../token-panel.js';
import { roleName } from '../who.js';
import { accountForm } from './account-form.js';

const ROLES = ['officer', 'supervisor', 'inspector', 'viewer', 'admin'];

export async function adminView() {
  const title = h('h1', { tabindex: '-1' }, t('adminTitle'));
  const roles = currentRoles();
  if (!roles.includes('admin')) {
    const officer = signedIn();
    return h(
      'div',
      { class: 'view view-admin' },
      title,
      alertBox(
        officer ? t('needsRole', { who: officer.id, roles: roleName('admin') }) : t('needsSignIn'),
        'info',
      ),
      officer ? null : tokenPanel(() => undefined),
    );
  }
  const [units, agencyList] = await Promise.all([orgUnits(), agencies()]);
  const message = h('div', { id: 'accounts-message', 'aria-live': 'polite' });
  const list = h('div', { id: 'accounts-list' });
  const say = (text, kind = 'success') => {
    message.replaceChildren(alertBox(text, kind));
    setStatus(text);
  };
  const reload = async () => {
    try {
      const answer = await request('GET', '/accounts', { auth: true });
      const accounts = Array.isArray(answer) ? answer : answer?.accounts || answer?.items || [];
      list.replaceChildren(accountsTable(accounts, { units, agencyList, act }));
    } catch (error) {
      list.replaceChildren(alertBox(describeError(error)));
    }
  };
  /** Does one change to an account, says it in words (or why not) and reads the list again. */
  const act = async (call, done) => {
    try {
      await call();
      say(done);
    } catch (error) {
      say(describeRefusal(error), 'error');
    }
    await reload();
  };
  await reload();
  return h(
    'div',
    { class: 'view view-admin' },
    title,
    h('p', { class: 'lead' }, t('adminIntro')),
    h(
      'section',
      { 'aria-labelledby': 'account-create-title' },
      h('h2', { id: 'account-create-title' }, t('adminCreateTitle')),
      accountForm({ units, agencyList, roles: ROLES, onCreated: reload }),
    ),
    h(
      'section',
      { 'aria-labelledby': 'accounts-title' },
      h('h2', { id: 'accounts-title' }, t('accListTitle')),
      message,
      list,
    ),
  );
}

const officerOf = (account) => account.officer ?? account.id;
const isDisabled = (account) =>
  account.enabled === false || account.disabled === true || account.status === 'disabled';
const path = (account, rest = '') => `/accounts/${encodeURIComponent(officerOf(account))}${rest}`;

function accountsTable(accounts, { units, agencyList, act }) {
  if (!accounts.length) return h('p', {}, t('accNone'));
  return table({
    id: 'accounts-table',
    className: 'accounts',
    columns: [
      { label: t('accColOfficer'), cell: (a) => h('code', {}, officerOf(a)) },
      { label: t('accColName'), cell: (a) => a.displayName || '' },
      { label: t('accColAgency'), cell: (a) => agencyName(a.agency, agencyList) },
      {
        label: t('accColOrgUnits'),
        cell: (a) => (a.orgUnits || []).map((u) => unitName(u, units)).join(', '),
      },
      { label: t('accColRoles'), cell: (a) => rolesCell(a, act) },
      {
        label: t('accColState'),
        cell: (a) => [
          h(
            'span',
            {
              class: `badge account-${isDisabled(a) ? 'disabled' : 'enabled'}`,
              dataset: { officer: officerOf(a) },
            },
            isDisabled(a) ? t('accDisabled') : t('accEnabled'),
          ),
          isDisabled(a) && a.disabledReason
            ? h('span', { class: 'muted small' }, ` ${a.disabledReason}`)
            : null,
        ],
      },
      { label: t('accColActions'), cell: (a) => actionsCell(a, act) },
    ],
    rows: accounts,
  });
}

/** The account's roles, each with a button that revokes it, and a role to grant. */
function rolesCell(account, act) {
  const officer = officerOf(account);
  const held = account.roles || [];
  const grantable = ROLES.filter((r) => !held.includes(r));
  const select = h(
    'select',
    { id: `grant-${officer}`, 'aria-label': t('accGrantRole', { officer }) },
    grantable.map((r) => h('option', { value: r }, roleName(r))),
  );
  return h(
    'div',
    { class: 'roles-cell' },
    h(
      'ul',
      { class: 'role-chips' },
      held.map((role) =>
        h(
          'li',
          {},
          roleName(role),
          h(
            'button',
            {
              type: 'button',
              class: 'chip-remove',
              'aria-label': t('accRevoke', { role: roleName(role), officer }),
              title: t('accRevoke', { role: roleName(role), officer }),
              dataset: { revoke: `${officer}:${role}` },
              onClick: () =>
                act(
                  () =>
                    request('DELETE', path(account, `/roles/${encodeURIComponent(role)}`), { auth: true }),
                  t('accRevoked', { role: roleName(role), officer }),
                ),
            },
            '×',
          ),
        ),
      ),
    ),
    grantable.length
      ? h(
          'div',
          { class: 'inline-form' },
          select,
          h(
            'button',
            {
              type: 'button',
              id: `grant-button-${officer}`,
              onClick: () =>
                act(
                  () =>
                    request('POST', path(account, '/roles'), { body: { role: select.value }, auth: true }),
                  t('accGranted', { role: roleName(select.value), officer }),
                ),
            },
            t('accGrant'),
          ),
        )
      : null,
  );
}

/** Enable a disabled account; disable an enabled one, with its reason. */
function actionsCell(account, act) {
  const officer = officerOf(account);
  if (isDisabled(account)) {
    return h(
      'button',
      {
        type: 'button',
        id: `enable-${officer}`,
        onClick: () =>
          act(
            () => request('POST', path(account, '/enable'), { auth: true }),
            t('accEnabledDone', { officer }),
          ),
      },
      t('accEnable'),
    );
  }
  const reason = h('input', {
    id: `disable-reason-${officer}`,
    name: 'reason',
    required: true,
    minlength: '3',
    maxlength: '500',
    autocomplete: 'off',
  });
  return h(
    'details',
    { class: 'disable-account' },
    h('summary', { id: `disable-${officer}` }, t('accDisable')),
    h(
      'form',
      {
        class: 'inline-form',
        onSubmit: (event) => {
          event.preventDefault();
          act(
            () =>
              request('POST', path(account, '/disable'), {
                body: { reason: reason.value.trim() },
                auth: true,
              }),
            t('accDisabledDone', { officer }),
          );
        },
      },
      h('label', { for: `disable-reason-${officer}` }, t('accDisableReason')),
      reason,
      h('button', { type: 'submit', id: `disable-confirm-${officer}` }, t('accDisableConfirm')),
    ),
  );
}
