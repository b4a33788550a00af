// Reading the indicator-months documents of one indicator and one org unit as of a date: the figure, the
// target, how far along it is, what the milestones expected by then, a linear forecast to the deadline and
// a status. Pure: the query handler loads the documents (indicatorKey, orgUnit, month <= asOf's month)
// and the baselines (ratioBaselinesFor, or the plan catalog's), and passes today's date as asOf itself.
//
// Figures, by kind, count only what happened by asOf (its day in Asia/Ho_Chi_Minh): the months before it
// whole, and of asOf's own month the days up to it (the documents' per-day sums):
//   count        the sum of `value` deltas up to asOf (per_year: of asOf's year only);
//   ratio        scale x (baseline numerator + numerator deltas) / (baseline denominator + denominator
//                deltas), over the same months;
//   measured     the latest measurement of the unit itself recorded by asOf (its occurredAt) for a period
//                starting by then (a later period wins, then the one recorded last); measurements of the
//                units below are not averaged into it. `sameArea`, from the caller (unitsMeasuringAs): the
//                units whose measurements read as the unit's own (for the plan area, the district it was
//                drawn on: a plan-wide measurement recorded on it before its end);
//   qualitative  the same, 1 (achieved) or 0.
//
// Status rule (in this order):
//   no_target  the indicator has no target (a task of section III);
//   no_data    no figure as of the date;
//   achieved   the figure meets the target (meetsTarget; for "about", within ABOUT_TOLERANCE of it);
//   off_track  the deadline has passed without it being met;
//   qualitative milestones: at_risk until achieved (there is no path to extrapolate);
//   on_track   the linear forecast meets the target by the deadline;
//   at_risk    the forecast gets at least AT_RISK_SHARE (80%) of the way (progress of the forecast >= 0.8);
//   off_track  otherwise.
//
// progress: how far the figure is towards the goal (the target's value; the low end of a range):
//   value / goal when higher is better (>, >=, between, and = or about when the series starts below the
//   goal); (start - value) / (start - goal) when lower is better (<, <=, and = or about starting above it),
//   start being the figure before any contribution (0 for counts, the baseline ratio for ratios, the first
//   measurement for measured indicators). Never below 0; above 1 once past the goal.
//
// forecast: the figure now plus the slope of a least-squares line through the series times the days left
// to the deadline. The series is the month-end figures from the first month with data (with the figure
// before it: 0, or the baseline ratio), per-year indicators use one point per year, measured ones one
// point per measurement. With fewer than two points the forecast is the figure itself.
import {
  invalid,
  type IndicatorDefinition,
  expectedValueAt,
  formatTarget,
  meetsTarget,
  type Target,
  dayNumber,
  lastDayOfMonth,
  localDate,
  monthFromIndex,
  monthIndex,
  type RatioBaselines,
  type MeasurementEntry,
} from '@ledger/domain';
import type { IndicatorMonthDoc } from './indicator-progress.projection';

export type ProgressStatus = 'achieved' | 'on_track' | 'at_risk' | 'off_track' | 'no_data' | 'no_target';

/** "about" targets are met within this share of the target value (the plan gives no tolerance: ours). */
export const ABOUT_TOLERANCE = 0.05;
/** A forecast reaching this share of the way to the goal is at_risk rather than off_track. */
export const AT_RISK_SHARE = 0.8;
/** timeSeries never returns more months than this. */
export const MAX_SERIES_MONTHS = 600;

export type ProgressDefinition = Pick<
  IndicatorDefinition,
  'key' | 'version' | 'kind' | 'aggregation' | 'scale' | 'unit' | 'numerator' | 'denominator'
>;

export interface IndicatorFigure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface IndicatorProgress extends IndicatorFigure {
  indicatorKey: string;
  orgUnit: string | null;
  asOf: string;
  target: Target | null;
  targetText: string | null;
  deadline: string | null;
  /** 0..1 and beyond; null without a figure or a target. */
  progress: number | null;
  /** From the target's yearly milestones; null without milestones or before the first. */
  expectedByNow: number | null;
  /** Linear forecast of the figure on the deadline. */
  forecast: number | null;
  status: ProgressStatus;
  /** The version of the definition the figure is read with. */
  definitionVersion: number;
  /** The versions whose rules made the contributions read. */
  definitionVersions: number[];
  /** The latest month with data up to asOf. */
  dataThrough: string | null;
}

export interface SeriesPoint extends IndicatorFigure {
  month: string;
}

/** A part whose definition names a baseline series and none was given is unknown (null), not 0. */
function defaultBaselines(definition: ProgressDefinition): RatioBaselines {
  return {
    numerator: definition.numerator?.baseline ? null : 0,
    denominator: definition.denominator?.baseline ? null : 0,
  };
}

function requireDay(asOf: string): string {
  const day = localDate(asOf);
  if (day === null) throw invalid('DATE_INVALID', 'asOf', 'asOf must be an ISO 8601 date or date-time');
  return day;
}

export function progressAsOf(
  monthDocs: readonly IndicatorMonthDoc[],
  asOf: string,
  definition: ProgressDefinition,
  target: Target | null,
  baselines: RatioBaselines = defaultBaselines(definition),
  sameArea: readonly string[] = [],
): IndicatorProgress {
  const day = requireDay(asOf);
  const month = day.slice(0, 7);
  const docs = monthDocs.filter((d) => d.indicatorKey === definition.key && d.month <= month);
  const figure = figureAt(docs, month, definition, baselines, day, sameArea);
  const versions = [...new Set(docs.flatMap((d) => d.definitionVersions))].sort((a, b) => a - b);
  const withData = docs.filter(hasData);
  const base = {
    indicatorKey: definition.key,
    orgUnit: monthDocs[0]?.orgUnit ?? null,
    asOf: day,
    value: figure?.value ?? null,
    numerator: figure?.numerator ?? null,
    denominator: figure?.denominator ?? null,
    target,
    targetText: target ? formatTarget(target, definition.unit) : null,
    deadline: target?.deadline ?? null,
    expectedByNow: target ? expectedValueAt(target, day) : null,
    definitionVersion: definition.version,
    definitionVersions: versions,
    dataThrough:
      withData
        .map((d) => d.month)
        .sort()
        .at(-1) ?? null,
  };
  if (!target) return { ...base, progress: null, forecast: null, status: 'no_target' };
  const value = figure?.value ?? null;
  if (value === null) return { ...base, progress: null, forecast: null, status: 'no_data' };
  const start = startOf(docs, definition, baselines, sameArea);
  const forecast = forecastOf(docs, day, definition, baselines, target, value, sameArea);
  const progress = progressTowards(target, value, start);
  return { ...base, progress, forecast, status: statusOf(target, definition, day, value, forecast, start) };
}

/**
 * The figure at the end of each month from..to (YYYY-MM), read as progressAsOf reads it; `asOfDay` (in the
 * month `to`): that month's point is the figure as of that day. `sameArea`: as progressAsOf.
 */
export function timeSeries(
  monthDocs: readonly IndicatorMonthDoc[],
  from: string,
  to: string,
  definition: ProgressDefinition,
  baselines: RatioBaselines = defaultBaselines(definition),
  asOfDay?: string,
  sameArea: readonly string[] = [],
): SeriesPoint[] {
  const docs = monthDocs.filter((d) => d.indicatorKey === definition.key);
  const out: SeriesPoint[] = [];
  const last = Math.min(monthIndex(to), monthIndex(from) + MAX_SERIES_MONTHS - 1);
  for (let i = monthIndex(from); i <= last; i++) {
    const month = monthFromIndex(i);
    const day = asOfDay !== undefined && asOfDay.startsWith(month) ? asOfDay : undefined;
    const figure = figureAt(docs, month, definition, baselines, day, sameArea);
    out.push({
      month,
      value: figure?.value ?? null,
      numerator: figure?.numerator ?? null,
      denominator: figure?.denominator ?? null,
    });
  }
  return out;
}

function hasData(doc: IndicatorMonthDoc): boolean {
  return doc.events > 0;
}

/**
 * The unit's own measurements (its own, and those of the `sameArea` units) for periods starting by `month`,
 * recorded by `day` when given.
 */
function ownMeasurements(
  docs: readonly IndicatorMonthDoc[],
  month: string,
  day: string | undefined,
  sameArea: readonly string[],
): Array<MeasurementEntry & { month: string }> {
  return docs
    .filter((d) => d.month <= month)
    .flatMap((d) =>
      d.measurements
        .filter(
          (m) =>
            (m.orgUnit === d.orgUnit || sameArea.includes(m.orgUnit)) &&
            (day === undefined || (localDate(m.occurredAt) ?? '') <= day),
        )
        .map((m) => ({ ...m, month: d.month })),
    )
    .sort((a, b) => (a.month === b.month ? a.position - b.position : a.month < b.month ? -1 : 1));
}

/**
 * The figure at the end of `month`, or at the end of `day` (YYYY-MM-DD, in that month) when given: only what
 * happened by then. Null when there is no data. `sameArea`: as progressAsOf.
 */
export function figureAt(
  docs: readonly IndicatorMonthDoc[],
  month: string,
  definition: ProgressDefinition,
  baselines: RatioBaselines,
  day?: string,
  sameArea: readonly string[] = [],
): IndicatorFigure | null {
  if (definition.kind === 'measured' || definition.kind === 'qualitative') {
    const latest = ownMeasurements(docs, month, day ?? lastDayOfMonth(month), sameArea).at(-1);
    return latest
      ? { value: latest.value, numerator: latest.numerator, denominator: latest.denominator }
      : null;
  }
  const window = docs.filter(
    (d) =>
      d.month <= month &&
      (definition.aggregation !== 'per_year' || d.month.slice(0, 4) === month.slice(0, 4)) &&
      !onlyLaterDays(d, month, day),
  );
  const sum = (part: 'value' | 'numerator' | 'denominator') =>
    Number(window.reduce((total, d) => total + sumsBy(d, month, day)[part], 0).toPrecision(15));
  if (definition.kind === 'count') {
    return window.length === 0 ? null : { value: sum('value'), numerator: null, denominator: null };
  }
  const fromBaseline = Boolean(definition.numerator?.baseline) && baselines.numerator !== null;
  if (window.length === 0 && !fromBaseline) return null;
  const numerator = baselines.numerator === null ? null : baselines.numerator + sum('numerator');
  const denominator = baselines.denominator === null ? null : baselines.denominator + sum('denominator');
  const value =
    numerator !== null && denominator !== null && denominator > 0
      ? Number((((definition.scale ?? 1) * numerator) / denominator).toPrecision(15))
      : null;
  return { value, numerator, denominator };
}

/** A document of `day`'s own month whose every contribution happened after that day: no data by then. */
function onlyLaterDays(doc: IndicatorMonthDoc, month: string, day: string | undefined): boolean {
  if (day === undefined || doc.month !== month || !doc.days) return false;
  const dd = day.slice(8, 10);
  const days = Object.keys(doc.days);
  return days.length > 0 && days.every((d) => d > dd);
}

/** A month document's sums; of `day`'s own month, those of the days up to it (the later days taken out). */
function sumsBy(doc: IndicatorMonthDoc, month: string, day: string | undefined): IndicatorMonthDoc['sums'] {
  if (day === undefined || doc.month !== month || !doc.days) return doc.sums;
  const dd = day.slice(8, 10);
  const sums = { ...doc.sums };
  for (const [d, later] of Object.entries(doc.days))
    if (d > dd) for (const part of ['value', 'numerator', 'denominator'] as const) sums[part] -= later[part];
  return sums;
}

/** The figure before any contribution: 0 for counts, the baseline ratio, the first measurement. */
function startOf(
  docs: readonly IndicatorMonthDoc[],
  definition: ProgressDefinition,
  baselines: RatioBaselines,
  sameArea: readonly string[],
): number | null {
  switch (definition.kind) {
    case 'count':
      return 0;
    case 'ratio':
      return baselines.numerator !== null && baselines.denominator !== null && baselines.denominator > 0
        ? ((definition.scale ?? 1) * baselines.numerator) / baselines.denominator
        : null;
    case 'measured':
    case 'qualitative':
      return ownMeasurements(docs, '9999-12', undefined, sameArea)[0]?.value ?? null;
  }
}

function goalOf(target: Target): number {
  switch (target.comparison) {
    case 'achieved':
      return 1;
    case 'between':
      return target.low;
    default:
      return target.value;
  }
}

function lowerIsBetter(target: Target, start: number | null): boolean {
  switch (target.comparison) {
    case '<':
    case '<=':
      return true;
    case '=':
    case 'about':
      return start !== null && start > target.value;
    default:
      return false;
  }
}

/** How far a figure is towards the target's goal (see the file comment). */
export function progressTowards(target: Target, value: number, start: number | null): number {
  const goal = goalOf(target);
  if (target.comparison === 'achieved') return value >= 1 ? 1 : 0;
  if (lowerIsBetter(target, start)) {
    if (start !== null && start > goal) return Math.max(0, (start - value) / (start - goal));
    return value <= goal ? 1 : 0;
  }
  if (goal > 0) return Math.max(0, value / goal);
  return value >= goal ? 1 : 0;
}

function meets(target: Target, value: number): boolean {
  if (target.comparison === 'about') {
    return Math.abs(value - target.value) <= ABOUT_TOLERANCE * Math.abs(target.value);
  }
  return meetsTarget(target, value) === true;
}

function statusOf(
  target: Target,
  definition: ProgressDefinition,
  day: string,
  value: number,
  forecast: number | null,
  start: number | null,
): ProgressStatus {
  if (meets(target, value)) return 'achieved';
  if (day > target.deadline) return 'off_track';
  if (definition.kind === 'qualitative') return 'at_risk';
  if (forecast !== null && meets(target, forecast)) return 'on_track';
  if (forecast !== null && progressTowards(target, forecast, start) >= AT_RISK_SHARE) return 'at_risk';
  return 'off_track';
}

function forecastOf(
  docs: readonly IndicatorMonthDoc[],
  day: string,
  definition: ProgressDefinition,
  baselines: RatioBaselines,
  target: Target,
  value: number,
  sameArea: readonly string[],
): number {
  if (definition.kind === 'qualitative' || day >= target.deadline) return value;
  const month = day.slice(0, 7);
  const now = dayNumber(day);
  const points: Array<[number, number]> = [];
  if (definition.kind === 'measured') {
    for (const m of ownMeasurements(docs, month, day, sameArea))
      points.push([dayNumber(`${m.month}-01`), m.value]);
  } else {
    const months = docs
      .filter(hasData)
      .map((d) => d.month)
      .sort();
    if (months.length > 0) {
      if (definition.aggregation === 'per_year') {
        for (let year = Number(months[0].slice(0, 4)); year <= Number(month.slice(0, 4)); year++) {
          const end = `${year}-12` < month ? `${year}-12` : month;
          const figure = figureAt(docs, end, definition, baselines, end === month ? day : undefined)?.value;
          if (figure !== null && figure !== undefined) {
            points.push([Math.min(dayNumber(`${year}-12-31`), now), figure]);
          }
        }
      } else {
        const before = startOf(docs, definition, baselines, sameArea);
        if (before !== null) points.push([dayNumber(`${months[0]}-01`), before]);
        for (let i = monthIndex(months[0]); i <= monthIndex(month); i++) {
          const m = monthFromIndex(i);
          const figure = figureAt(docs, m, definition, baselines, m === month ? day : undefined)?.value;
          if (figure !== null && figure !== undefined) {
            points.push([Math.min(dayNumber(lastDayOfMonth(m)), now), figure]);
          }
        }
      }
    }
  }
  const slope = slopeOf(points);
  if (slope === null) return value;
  return Number((value + slope * (dayNumber(target.deadline) - now)).toPrecision(15));
}

/** Least-squares slope (per day); null with fewer than two distinct days. */
function slopeOf(points: ReadonlyArray<[number, number]>): number | null {
  if (points.length < 2) return null;
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const [x, y] of points) {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
  }
  return sxx === 0 ? null : sxy / sxx;
}
