// The fields of one command of the catalogue (GET /actions) as form controls, chosen by the field's type, and
// their values back as the JSON the API takes. Nothing here names an action: a new action's form comes from
// its descriptor alone.
import { DISTRICT, planCommunes } from '../directory.js';
import { h } from '../dom.js';
import { lang, nameOf, t } from '../i18n.js';

const labelOf = (field) => field.label?.[lang()] || field.label?.vi || field.name;

const NUMERIC = { integer: '1', number: 'any', moneyVnd: '1' };

/** A control for a field of the catalogue, with its label and help; `hidden` until its onlyWhen holds. */
export function fieldControl(field, { units, orgUnit }) {
  const id = `rf-${field.name}`;
  const common = { id, name: field.name, required: field.required, 'aria-describedby': `${id}-help` };
  let control;
  if (field.type === 'enum') {
    control = h(
      'select',
      common,
      h('option', { value: '' }, t('recordChoose')),
      (field.values || []).map((v) => h('option', { value: v }, v)),
    );
  } else if (field.type === 'orgUnitCode') {
    const district = units.find((u) => u.code === DISTRICT);
    const areas = [...planCommunes(units).filter((u) => !u.validTo), ...(district ? [district] : [])];
    control = h(
      'select',
      common,
      h('option', { value: '' }, t('recordChoose')),
      areas.map((u) => h('option', { value: u.code, selected: u.code === orgUnit }, nameOf(u))),
    );
  } else if (field.type in NUMERIC) {
    control = h('input', {
      ...common,
      type: 'number',
      step: NUMERIC[field.type],
      min: field.min ?? (field.type === 'moneyVnd' ? 1 : undefined),
      max: field.max,
      inputmode: field.type === 'number' ? 'decimal' : 'numeric',
    });
  } else {
    control = h('input', {
      ...common,
      type: 'text',
      maxlength: field.maxLength,
      inputmode: field.type === 'citizenId' ? 'numeric' : undefined,
      pattern: field.type === 'citizenId' ? '\\d{12}' : undefined,
      autocomplete: 'off',
      spellcheck: 'false',
    });
  }
  const help = [field.required ? '' : t('recordOptional'), field.help || ''].filter(Boolean).join(' ');
  const wrap = h(
    'div',
    { class: 'field', dataset: { field: field.name } },
    h('label', { for: id }, labelOf(field)),
    control,
    help ? h('p', { class: 'muted small', id: `${id}-help` }, help) : null,
  );
  if (!help) control.removeAttribute('aria-describedby');
  return { field, control, wrap };
}

/** Shows a field only while the field it depends on holds one of its values; a hidden field is not sent. */
export function applyConditions(controls) {
  const byName = new Map(controls.map((c) => [c.field.name, c]));
  const update = () => {
    for (const c of controls) {
      const when = c.field.onlyWhen;
      if (!when) continue;
      const shown = when.values.includes(byName.get(when.field)?.control.value);
      c.wrap.hidden = !shown;
      c.control.disabled = !shown;
    }
  };
  for (const c of controls) c.control.addEventListener('change', update);
  update();
}

/** The values of the shown, filled fields as the API takes them (numbers as numbers). */
export function valuesOf(controls) {
  const body = {};
  for (const { field, control, wrap } of controls) {
    if (wrap.hidden) continue;
    const raw = control.value.trim();
    if (raw === '') continue;
    body[field.name] = field.type in NUMERIC ? Number(raw) : raw;
  }
  return body;
}

export { labelOf };
