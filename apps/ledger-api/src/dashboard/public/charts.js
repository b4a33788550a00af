// Our own small SVG charts: a monthly series against the target line, the forecast to the deadline and
// the plan's yearly milestones; and every commune's figure as a bar. Each scales with its box (viewBox), is
// described for screen readers by a title and a description, with the figures also given as a table beside it.
/* global document */

const SVG = 'http://www.w3.org/2000/svg';

function el(name, attrs = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

const monthIndex = (month) => {
  const [y, m] = month.split('-').map(Number);
  return y * 12 + (m - 1);
};

function niceMax(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/**
 * series: [{month: 'YYYY-MM', value}], target: number|null, forecast: number|null, deadline: 'YYYY-MM-DD',
 * milestones: [{year, value}], labels: {title, desc, series, target, forecast, milestones}, format(n).
 */
export function lineChart({ series, target, forecast, deadline, milestones = [], labels, format }) {
  const width = 720;
  const height = 300;
  const pad = { left: 64, right: 16, top: 16, bottom: 36 };
  const first = series.length ? series[0].month : '2024-01';
  const lastMonth = deadline ? deadline.slice(0, 7) : series.length ? series[series.length - 1].month : first;
  const x0 = monthIndex(first);
  const x1 = Math.max(monthIndex(lastMonth), x0 + 1);
  const values = series.map((p) => p.value).filter((v) => typeof v === 'number');
  const candidates = [...values, ...milestones.map((m) => m.value)];
  if (typeof target === 'number') candidates.push(target);
  if (typeof forecast === 'number') candidates.push(forecast);
  const yMin = Math.min(0, ...candidates);
  const yMax = niceMax(Math.max(1, ...candidates) * 1.05);
  const sx = (month) => pad.left + ((monthIndex(month) - x0) / (x1 - x0)) * (width - pad.left - pad.right);
  const sy = (value) => pad.top + (1 - (value - yMin) / (yMax - yMin)) * (height - pad.top - pad.bottom);

  const id = `chart-${Math.random().toString(36).slice(2, 8)}`;
  const svg = el('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`,
    class: 'chart',
    preserveAspectRatio: 'xMidYMid meet',
  });
  svg.append(el('title', { id: `${id}-title` }, labels.title), el('desc', { id: `${id}-desc` }, labels.desc));

  const grid = el('g', { class: 'grid', 'aria-hidden': 'true' });
  for (let i = 0; i <= 4; i++) {
    const value = yMin + ((yMax - yMin) * i) / 4;
    const y = sy(value);
    grid.append(el('line', { x1: pad.left, x2: width - pad.right, y1: y, y2: y }));
    grid.append(el('text', { x: pad.left - 8, y: y + 4, 'text-anchor': 'end' }, format(value)));
  }
  const firstYear = Number(first.slice(0, 4));
  const lastYear = Number(lastMonth.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    const month = `${year}-01`;
    if (monthIndex(month) < x0) continue;
    const x = sx(month);
    grid.append(el('line', { x1: x, x2: x, y1: pad.top, y2: height - pad.bottom, class: 'year' }));
    grid.append(el('text', { x: x + 4, y: height - pad.bottom + 18 }, String(year)));
  }
  svg.append(grid);

  if (typeof target === 'number') {
    const y = sy(target);
    svg.append(el('line', { x1: pad.left, x2: width - pad.right, y1: y, y2: y, class: 'target-line' }));
    svg.append(
      el(
        'text',
        { x: width - pad.right - 4, y: y - 6, 'text-anchor': 'end', class: 'target-label' },
        `${labels.target}: ${format(target)}`,
      ),
    );
  }

  for (const milestone of milestones) {
    const month = `${milestone.year}-12`;
    if (monthIndex(month) < x0 || monthIndex(month) > x1) continue;
    svg.append(el('circle', { cx: sx(month), cy: sy(milestone.value), r: 3.5, class: 'milestone' }));
  }

  // The series, broken where a month has no figure.
  let path = '';
  let pen = false;
  let last = null;
  for (const point of series) {
    if (typeof point.value !== 'number') {
      pen = false;
      continue;
    }
    path += `${pen ? 'L' : 'M'}${sx(point.month).toFixed(1)},${sy(point.value).toFixed(1)}`;
    pen = true;
    last = point;
  }
  if (path) svg.append(el('path', { d: path, class: 'series-line' }));
  if (last) svg.append(el('circle', { cx: sx(last.month), cy: sy(last.value), r: 4, class: 'series-dot' }));

  if (last && typeof forecast === 'number' && deadline) {
    svg.append(
      el('line', {
        x1: sx(last.month),
        y1: sy(last.value),
        x2: sx(lastMonth),
        y2: sy(forecast),
        class: 'forecast-line',
      }),
    );
    svg.append(el('circle', { cx: sx(lastMonth), cy: sy(forecast), r: 4, class: 'forecast-dot' }));
  }
  return svg;
}

/** A legend for lineChart, as a list (read in order, not drawn in the SVG). */
export function chartLegend(labels) {
  const list = document.createElement('ul');
  list.className = 'legend';
  for (const [cls, text] of [
    ['series', labels.series],
    ['target', labels.target],
    ['forecast', labels.forecast],
    ['milestone', labels.milestones],
  ]) {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `swatch swatch-${cls}`;
    swatch.setAttribute('aria-hidden', 'true');
    item.append(swatch, document.createTextNode(text));
    list.append(item);
  }
  return list;
}

/**
 * One horizontal bar per commune, its length the commune's figure (a percentage on a 0-100 scale), its
 * colour the commune's status, the figure written at the end of the bar. items: [{code, label, value,
 * status}], unit: the indicator's unit, labels: {title, desc}, format(n).
 */
export function communeBarChart({ items, unit, labels, format }) {
  const width = 720;
  const bar = 22;
  const gap = 8;
  const pad = { left: 210, right: 130, top: 8, bottom: 8 };
  const height = pad.top + pad.bottom + Math.max(1, items.length) * (bar + gap);
  const values = items.map((i) => i.value).filter((v) => typeof v === 'number');
  const top = unit === '%' && values.every((v) => v <= 100) ? 100 : niceMax(Math.max(0, ...values));
  const span = width - pad.left - pad.right;
  const id = `bars-${Math.random().toString(36).slice(2, 8)}`;
  const svg = el('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`,
    class: 'chart commune-chart',
    preserveAspectRatio: 'xMidYMid meet',
  });
  svg.append(el('title', { id: `${id}-title` }, labels.title), el('desc', { id: `${id}-desc` }, labels.desc));
  svg.append(el('line', { class: 'axis', x1: pad.left, x2: pad.left, y1: pad.top, y2: height - pad.bottom }));
  items.forEach((item, i) => {
    const y = pad.top + i * (bar + gap);
    const hasValue = typeof item.value === 'number';
    const length = hasValue ? (Math.max(0, item.value) / top) * span : 0;
    const group = el('g', {
      class: 'commune-bar',
      'data-org-unit': item.code,
      'data-value': hasValue ? item.value : '',
    });
    group.append(
      el('text', { class: 'bar-label', x: pad.left - 8, y: y + bar * 0.7, 'text-anchor': 'end' }, item.label),
    );
    if (hasValue) {
      const rect = el('rect', {
        class: `bar-rect status-${item.status || 'no_data'}`,
        x: pad.left,
        y,
        width: length.toFixed(1),
        height: bar,
      });
      rect.append(el('title', {}, `${item.label}: ${format(item.value)}`));
      group.append(rect);
    }
    group.append(
      el(
        'text',
        { class: 'bar-value', x: (pad.left + length + 6).toFixed(1), y: y + bar * 0.7 },
        format(item.value),
      ),
    );
    svg.append(group);
  });
  return svg;
}
