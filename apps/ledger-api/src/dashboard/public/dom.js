// A few DOM helpers: build elements without innerHTML (every text from the API goes in as text), badges,
// progress bars and tables that turn into cards on a phone.
/* global document, Node */
import { dateInputLang, t, formatPercent } from './i18n.js';

/** h('a', {href, class, onClick}, child, ...): children are nodes or strings (as text), null skipped. */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on') && typeof value === 'function')
      node.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  if (tag === 'input' && attrs?.type === 'date') node.lang = dateInputLang();
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function statusBadge(status) {
  return h('span', { class: `badge status-${status}`, dataset: { status } }, t(`status_${status}`));
}

/** A bar showing progress (0..1, more than 1 shown full), with its figure in words for screen readers. */
export function progressBar(share, status) {
  if (share === null || share === undefined) return h('span', { class: 'muted' }, t('noFigure'));
  const pct = Math.max(0, Math.min(1, share));
  const fill = h('span', { class: `bar-fill status-${status}` });
  fill.style.width = `${(pct * 100).toFixed(1)}%`;
  return h(
    'span',
    { class: 'bar-wrap' },
    h(
      'span',
      {
        class: 'bar',
        role: 'progressbar',
        'aria-valuemin': 0,
        'aria-valuemax': 100,
        'aria-valuenow': Math.round(pct * 100),
        'aria-valuetext': t('progressOf', { pct: formatPercent(share) }),
      },
      fill,
    ),
    h('span', { class: 'bar-text', 'aria-hidden': 'true' }, formatPercent(share)),
  );
}

/**
 * A table; columns: [{label, cell(row) -> node|string, className?}]. On a narrow screen each row becomes a
 * card whose cells carry their column's label (data-label).
 */
export function table({ caption, columns, rows, className = '', id }) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: `data ${className}`, id },
      caption ? h('caption', {}, caption) : null,
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          columns.map((c) => h('th', { scope: 'col', class: c.className }, c.label)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((row) =>
          h(
            'tr',
            {},
            columns.map((c, i) =>
              h(
                i === 0 ? 'th' : 'td',
                { scope: i === 0 ? 'row' : undefined, class: c.className, 'data-label': c.label },
                c.cell(row),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

export function definitionList(pairs) {
  return h(
    'dl',
    { class: 'facts' },
    pairs.filter(Boolean).map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value))),
  );
}

export function alertBox(text, kind = 'error') {
  return h('div', { class: `alert alert-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}
