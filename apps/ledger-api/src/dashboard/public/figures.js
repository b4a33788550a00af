// An indicator's figure in words (with its unit in the current language), its 2030 target, and the three
// figures every view shows side by side: claimed (recorded), verified (checked by someone other than the
// recorder) and official (verified and inside an approved period report); and, apart from them, a ratio's
// figure on an illustrative baseline (a made-up figure, never an official statistic), labelled as such.
import { h } from './dom.js';
import { formatNumber, lang, t } from './i18n.js';

const UNITS_VI = {
  houses: 'căn',
  households: 'hộ',
  persons: 'người',
  cases: 'hồ sơ',
  courses: 'lớp',
  loans: 'khoản vay',
  grants: 'lượt',
  years: 'tuổi',
  'sets of remains': 'bộ hài cốt',
  'children per woman': 'con/phụ nữ',
  'm2 per person': 'm² sàn/người',
  '% of national average': '% mức bình quân cả nước',
};

function unitText(unit) {
  if (!unit || unit === 'milestone') return '';
  if (lang() === 'vi') return UNITS_VI[unit] ?? unit;
  return unit === 'm2 per person' ? 'm² per person' : unit;
}

export function formatValue(value, indicator) {
  if (value === null || value === undefined) return t('noFigure');
  if (indicator.unit === 'milestone' || indicator.kind === 'qualitative')
    return value >= 1 ? t('achievedYes') : t('achievedNo');
  if (indicator.unit === 'VND') return `${formatNumber(value, 0)} đ`;
  if (indicator.unit === '%') return `${formatNumber(value)} %`;
  const unit = unitText(indicator.unit);
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

export function targetText(item) {
  const target = item.progress?.target ?? item.target;
  if (!target) return t('noFigure');
  return lang() === 'vi'
    ? target.planText || item.progress.targetText
    : item.progress.targetText || target.planText;
}

const SIDES = ['claimed', 'verified', 'official'];

/** A figure of one side: with its unit on the indicator page, the bare number in the overview's column. */
function sideText(figure, indicator, withUnit) {
  const value = figure?.value;
  if (value === null || value === undefined) return t('noFigure');
  if (withUnit || indicator.unit === 'milestone' || indicator.kind === 'qualitative')
    return formatValue(value, indicator);
  if (indicator.unit === '%') return `${formatNumber(value)} %`;
  return formatNumber(value, indicator.unit === 'VND' ? 0 : 1);
}

/**
 * The three figures, each as a label, a small bar (relative to the largest of the three; decorative, hidden
 * from screen readers) and its number in text: the words say which is which, not the colour.
 */
export function assuranceFigures(assurance, indicator, { id, withUnit = false } = {}) {
  const three = sideFigures(assurance, indicator, { id, withUnit });
  if (!assurance?.illustrative) return three;
  return h(
    'div',
    { class: 'assurance-block' },
    three,
    illustrativeFigure(assurance.illustrative, indicator, {
      id: id ? `${id}-illustrative` : undefined,
      withUnit,
    }),
  );
}

/**
 * A ratio's figure on an illustrative baseline, apart from the three (no bar, never compared with them) and
 * labelled: neither claimed, verified nor official.
 */
export function illustrativeFigure(figure, indicator, { id, withUnit = false } = {}) {
  return h(
    'p',
    { class: 'assure-illustrative', id, dataset: { side: 'illustrative' }, title: t('illustrativeHelp') },
    h('span', { class: 'assure-illustrative-label' }, t('illustrativeLabel')),
    ': ',
    h('span', { class: 'assure-value' }, sideText(figure, indicator, withUnit)),
  );
}

/** Beside a current value computed on an illustrative baseline: a short mark saying so (null otherwise). */
export function illustrativeMark(assurance) {
  if (!assurance?.illustrative) return null;
  return h(
    'span',
    { class: 'illustrative-mark', title: t('illustrativeLabel') },
    ` (${t('illustrativeShort')})`,
  );
}

function sideFigures(assurance, indicator, { id, withUnit }) {
  const values = SIDES.map((side) => assurance?.[side]?.value);
  const max = Math.max(0, ...values.filter((v) => typeof v === 'number' && Number.isFinite(v)));
  return h(
    'dl',
    { class: `assurance${withUnit ? ' assurance-large' : ''}`, id },
    SIDES.map((side, i) => {
      const fill = h('span', { class: `assure-fill assure-${side}` });
      const share = max > 0 && typeof values[i] === 'number' ? Math.max(0, Math.min(1, values[i] / max)) : 0;
      fill.style.width = `${(share * 100).toFixed(1)}%`;
      return h(
        'div',
        { class: 'assure-item', dataset: { side } },
        h('dt', {}, t(`side_${side}`)),
        h(
          'dd',
          {},
          h('span', { class: 'assure-bar', 'aria-hidden': 'true' }, fill),
          h('span', { class: 'assure-value' }, sideText(assurance?.[side], indicator, withUnit)),
        ),
      );
    }),
  );
}

/** What each of the three figures means, with the swatch of its bar. */
export function assuranceLegend(id) {
  return h(
    'ul',
    { class: 'legend assure-legend', id, 'aria-label': t('assuranceLegendLabel') },
    SIDES.map((side) =>
      h(
        'li',
        {},
        h('span', { class: `assure-swatch assure-${side}`, 'aria-hidden': 'true' }),
        h('strong', {}, t(`side_${side}`)),
        `: ${t(`assuranceHelp_${side}`)}`,
      ),
    ),
    h(
      'li',
      { class: 'legend-illustrative' },
      h('strong', {}, t('illustrativeLabel')),
      `: ${t('illustrativeHelp')}`,
    ),
  );
}

export const assuranceCsv = (assurance) => ({
  claimed: assurance?.claimed?.value ?? '',
  verified: assurance?.verified?.value ?? '',
  official: assurance?.official?.value ?? '',
  illustrative: assurance?.illustrative?.value ?? '',
});

export const ASSURANCE_CSV_COLUMNS = () => [
  ['claimed', t('colClaimed')],
  ['verified', t('colVerified')],
  ['official', t('colOfficial')],
  ['illustrative', t('colIllustrative')],
];
