// The fields of one command of the catalogue (GET /actions) as form controls, chosen by the field's type, each
// with its checks (required, bounds, length, allowed values, the pattern of its kind, all from the catalogue)
// and its message shown under it; and their values back as the JSON the API takes. Nothing here names an
// action: a new action's form comes from its descriptor alone.
import { h } from '../dom.js';
import { lang, nameOf, t } from '../i18n.js';
import { formatVnd, parseVnd, regroupAsTyped } from './record-money.js';

export const labelOf = (field) => field.label?.[lang()] || field.label?.vi || field.name;

/** An allowed value of an enum in words (the catalogue's valueLabels), else the code itself. */
const valueLabel = (field, value) =>
  field.valueLabels?.[value]?.[lang()] || field.valueLabels?.[value]?.vi || value;

const NUMERIC = new Set(['integer', 'number', 'moneyVnd']);

/** A text box's value as a number: a decimal comma (42,5) or point (42.5); NaN when it is not one. */
function parseNumber(raw, type) {
  if (type === 'moneyVnd') return parseVnd(raw);
  if (raw === '') return null;
  const text = raw.replace(/\s/g, '').replace(',', '.');
  if (type === 'integer' ? !/^-?\d+$/.test(text) : !/^-?\d+(\.\d+)?$/.test(text)) return Number.NaN;
  return Number(text);
}

const shownNumber = (value, type) =>
  type === 'moneyVnd'
    ? `${formatVnd(value)} đ`
    : new Intl.NumberFormat(lang() === 'en' ? 'en-GB' : 'vi-VN').format(value);

/** Why a value does not fit its field (a sentence in the page's language), or '' when it fits. */
export function problemOf(field, raw) {
  if (raw === '') return field.required ? t('rfRequired') : '';
  if (field.type === 'enum') return (field.values || []).includes(raw) ? '' : t('rfEnum');
  if (NUMERIC.has(field.type)) {
    const value = parseNumber(raw, field.type);
    if (Number.isNaN(value)) return t(`rfNotA_${field.type}`);
    if (field.min !== undefined && value < field.min)
      return t('rfMin', { min: shownNumber(field.min, field.type) });
    if (field.max !== undefined && value > field.max)
      return t('rfMax', { max: shownNumber(field.max, field.type) });
    return '';
  }
  if (field.maxLength !== undefined && raw.length > field.maxLength)
    return t('rfMaxLength', { max: field.maxLength, length: raw.length });
  if (field.pattern && !new RegExp(field.pattern).test(raw)) {
    const key = `rfPattern_${field.type}`;
    const own = t(key);
    return own === key ? t('rfPattern', { example: String(field.example) }) : own;
  }
  if (field.type === 'uuid' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw))
    return t('rfUuid');
  return '';
}

/**
 * A control for a field of the catalogue, with its label, help and message line; `hidden` until its onlyWhen
 * holds. `units()`: the org units it may offer now (they change with the action's day).
 */
export function fieldControl(field, { units, orgUnit }) {
  const id = `rf-${field.name}`;
  const common = {
    id,
    name: field.name,
    required: field.required,
    'aria-describedby': `${id}-help ${id}-error`,
  };
  let control;
  if (field.type === 'enum') {
    control = h(
      'select',
      common,
      h('option', { value: '' }, t('recordChoose')),
      (field.values || []).map((v) => h('option', { value: v }, valueLabel(field, v))),
    );
  } else if (field.type === 'orgUnitCode') {
    control = h('select', common);
  } else if (NUMERIC.has(field.type)) {
    control = h('input', {
      ...common,
      type: 'text',
      inputmode: field.type === 'number' ? 'decimal' : 'numeric',
      autocomplete: 'off',
      class: field.type === 'moneyVnd' ? 'money' : undefined,
    });
    if (field.type === 'moneyVnd') control.addEventListener('input', () => regroupAsTyped(control));
  } else {
    control = h('input', {
      ...common,
      type: field.type === 'phone' ? 'tel' : 'text',
      maxlength: field.maxLength,
      inputmode: field.type === 'citizenId' ? 'numeric' : undefined,
      autocomplete: 'off',
      spellcheck: 'false',
    });
  }
  const helpText = [
    field.required ? '' : t('recordOptional'),
    field.type === 'moneyVnd' ? t('rfMoneyHelp') : '',
    lang() === 'en' ? field.help || '' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const wrap = h(
    'div',
    { class: 'field', dataset: { field: field.name } },
    h('label', { for: id }, labelOf(field), field.type === 'moneyVnd' ? ' (đ)' : ''),
    control,
    h('p', { class: 'muted small', id: `${id}-help`, hidden: !helpText }, helpText),
    error,
  );
  const entry = {
    field,
    control,
    wrap,
    /** Shows a message under the field ('' clears it). */
    say(message) {
      error.textContent = message;
      error.hidden = !message;
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    },
    /** Checks the value now; true when it fits (or the field is hidden). */
    check() {
      if (wrap.hidden) return true;
      const message = problemOf(field, control.value.trim());
      entry.say(message);
      return !message;
    },
    /** Offers the org units of this day (an org unit field only), keeping the choice when still offered. */
    offer(list) {
      if (field.type !== 'orgUnitCode') return;
      const chosen = control.value || orgUnit;
      control.replaceChildren(
        h('option', { value: '' }, list.length ? t('recordChoose') : t('rfNoUnits')),
        ...list.map((u) => h('option', { value: u.code, selected: u.code === chosen }, nameOf(u))),
      );
      if (list.length === 1 && field.required) control.value = list[0].code;
    },
  };
  control.addEventListener('blur', () => {
    if (control.value.trim() !== '' || error.textContent) entry.check();
  });
  control.addEventListener('change', () => entry.check());
  // A message shown goes as soon as the value is right, while typing: not on leaving the field, when the page
  // moving under the finger could turn a tap on "Ghi nhận" into a tap on nothing.
  control.addEventListener('input', () => {
    if (error.textContent) entry.check();
  });
  if (units) entry.offer(units);
  return entry;
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
      if (!shown) c.say('');
    }
  };
  for (const c of controls) c.control.addEventListener('change', update);
  update();
}

/** The values of the shown, filled fields as the API takes them (numbers and amounts as numbers). */
export function valuesOf(controls) {
  const body = {};
  for (const { field, control, wrap } of controls) {
    if (wrap.hidden) continue;
    const raw = control.value.trim();
    if (raw === '') continue;
    body[field.name] = NUMERIC.has(field.type) ? parseNumber(raw, field.type) : raw;
  }
  return body;
}
