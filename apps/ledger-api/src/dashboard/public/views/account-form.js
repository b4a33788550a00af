// The admin's form that creates an officer account (POST /accounts): officer id, name, agency, the areas in
// their charge (the agency's own area chosen with it), roles and an initial password. A refusal names the field.
import { request } from '../api.js';
import { DISTRICT, planCommunes } from '../directory.js';
import { alertBox, h } from '../dom.js';
import { nameOf, t } from '../i18n.js';
import { describeRefusal, setStatus } from '../messages.js';
import { roleName } from '../who.js';

export function accountForm({ units, agencyList, roles, onCreated }) {
  const message = h('div', { id: 'account-form-message', 'aria-live': 'polite' });
  const field = (id, label, control, help) =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      control,
      help ? h('p', { class: 'muted small', id: `${id}-help` }, help) : null,
    );
  const officer = h('input', {
    id: 'acc-officer',
    name: 'officer',
    required: true,
    autocomplete: 'off',
    autocapitalize: 'none',
    spellcheck: 'false',
    'aria-describedby': 'acc-officer-help',
  });
  const displayName = h('input', {
    id: 'acc-name',
    name: 'displayName',
    required: true,
    autocomplete: 'off',
  });
  const inForce = agencyList.filter((a) => !a.validTo);
  const agency = h(
    'select',
    { id: 'acc-agency', name: 'agency', required: true },
    h('option', { value: '' }, t('recordChoose')),
    inForce.map((a) => h('option', { value: a.code }, `${nameOf(a)} (${a.code})`)),
  );
  const district = units.find((u) => u.code === DISTRICT);
  const areas = [...(district ? [district] : []), ...planCommunes(units).filter((u) => !u.validTo)];
  const orgUnitsSelect = h(
    'select',
    {
      id: 'acc-org-units',
      name: 'orgUnits',
      multiple: true,
      size: String(Math.min(6, areas.length || 1)),
      'aria-describedby': 'acc-org-units-help',
    },
    areas.map((u) => h('option', { value: u.code }, nameOf(u))),
  );
  agency.addEventListener('change', () => {
    const chosen = agencyList.find((a) => a.code === agency.value);
    for (const option of orgUnitsSelect.options) option.selected = option.value === chosen?.orgUnit;
  });
  const roleBoxes = roles.map((role) =>
    h(
      'label',
      { class: 'check' },
      h('input', { type: 'checkbox', name: 'roles', value: role, id: `acc-role-${role}` }),
      ` ${roleName(role)}`,
    ),
  );
  const password = h('input', {
    id: 'acc-password',
    name: 'password',
    type: 'password',
    required: true,
    autocomplete: 'new-password',
    'aria-describedby': 'acc-password-help',
  });
  const form = h(
    'form',
    {
      class: 'stack-form account-form',
      id: 'account-form',
      onSubmit: async (event) => {
        event.preventDefault();
        const body = {
          officer: officer.value.trim(),
          displayName: displayName.value.trim(),
          agency: agency.value,
          orgUnits: [...orgUnitsSelect.selectedOptions].map((o) => o.value),
          roles: [...form.querySelectorAll('input[name=roles]:checked')].map((box) => box.value),
          password: password.value,
        };
        try {
          await request('POST', '/accounts', { body, auth: true });
          const text = t('accCreated', { officer: body.officer });
          message.replaceChildren(alertBox(text, 'success'));
          setStatus(text);
          form.reset();
          await onCreated();
        } catch (error) {
          message.replaceChildren(alertBox(describeRefusal(error)));
        } finally {
          password.value = '';
        }
      },
    },
    field('acc-officer', t('accOfficer'), officer, t('accOfficerHelp')),
    field('acc-name', t('accName'), displayName),
    field('acc-agency', t('accAgency'), agency),
    field('acc-org-units', t('accOrgUnits'), orgUnitsSelect, t('accOrgUnitsHelp')),
    h('fieldset', { class: 'field roles' }, h('legend', {}, t('accRoles')), roleBoxes),
    field('acc-password', t('accPassword'), password, t('accPasswordHelp')),
    h(
      'div',
      { class: 'field buttons' },
      h('button', { type: 'submit', id: 'acc-create', class: 'primary' }, t('accCreate')),
    ),
  );
  return h('div', {}, form, message);
}
