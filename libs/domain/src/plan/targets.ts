// A target of the plan: how the indicator's value compares with a number by a deadline, in the plan's
// own words, with optional yearly milestones so that "expected by now" is known.
import { invalid } from '../shared/domain-error';
import { parseIsoInstant, requireOneOf } from '../shared/rules';
import {
  FieldChecker,
  optionalText,
  requireBoolean,
  requireDate,
  requireFiniteNumber,
  requireLongText,
  requireYear,
} from './plan-values';

/** "achieved" is the target of a qualitative milestone (value 1 when reached, 0 before). */
export const TARGET_COMPARISONS = ['<', '<=', '>', '>=', '=', 'about', 'between', 'achieved'] as const;
export type TargetComparison = (typeof TARGET_COMPARISONS)[number];

export interface Milestone {
  /** The value expected by 31 December of this year. */
  year: number;
  value: number;
  /** true when the plan gives no such milestone and the number only sketches a path. */
  illustrative: boolean;
  note: string | null;
}

interface TargetBase {
  /** The last day by which the target is to be met. */
  deadline: string;
  /** The target in the plan's words, e.g. "dưới 3%". */
  planText: string;
  milestones: Milestone[];
}

export type Target =
  | (TargetBase & { comparison: '<' | '<=' | '>' | '>=' | '=' | 'about'; value: number })
  | (TargetBase & { comparison: 'between'; low: number; high: number })
  | (TargetBase & { comparison: 'achieved' });

const TARGET_KEYS = ['comparison', 'value', 'low', 'high', 'deadline', 'planText', 'milestones'];
const MILESTONE_KEYS = ['year', 'value', 'illustrative', 'note'];

export function parseTarget(value: unknown, check: FieldChecker): Target {
  const raw = check.record(value, 'target');
  if (!raw) return undefined as unknown as Target;
  check.onlyKeys(raw, TARGET_KEYS);
  const comparison = check.check('comparison', (f) => requireOneOf(raw.comparison, TARGET_COMPARISONS, f));
  const deadline = check.check('deadline', (f) => requireDate(raw.deadline, f));
  const planText = check.check('planText', (f) => requireLongText(raw.planText, f, 300));
  const milestones = parseMilestones(raw.milestones, check.nested('milestones'), deadline);
  const base = { deadline, planText, milestones };
  const number = (name: 'value' | 'low' | 'high') =>
    check.check(name, (f) => requireFiniteNumber(raw[name], f));
  const absent = (...names: string[]) => {
    for (const name of names) {
      if (raw[name] !== undefined) {
        check.report(name, 'FIELD_NOT_ALLOWED', `${name} does not apply to comparison "${comparison}"`);
      }
    }
  };
  switch (comparison) {
    case undefined:
      return undefined as unknown as Target;
    case 'between': {
      absent('value');
      const low = number('low');
      const high = number('high');
      if (low !== undefined && high !== undefined && !(low < high)) {
        check.report('high', 'TARGET_RANGE_EMPTY', 'high must be above low');
      }
      return { comparison, low, high, ...base };
    }
    case 'achieved':
      absent('value', 'low', 'high');
      if (milestones !== undefined && milestones.length > 0) {
        check.report('milestones', 'FIELD_NOT_ALLOWED', 'a milestone target has no yearly milestones');
      }
      return { comparison, ...base };
    default:
      absent('low', 'high');
      return { comparison, value: number('value'), ...base };
  }
}

function parseMilestones(value: unknown, check: FieldChecker, deadline: string | undefined): Milestone[] {
  if (value === undefined) return [];
  const list = check.list(value, 'milestones');
  if (!list) return undefined as unknown as Milestone[];
  const milestones = list.map((item, i): Milestone => {
    const c = check.nested(`[${i}]`);
    const raw = c.record(item, `[${i}]`);
    if (!raw) return undefined as unknown as Milestone;
    c.onlyKeys(raw, MILESTONE_KEYS);
    return {
      year: c.check('year', (f) => requireYear(raw.year, f)),
      value: c.check('value', (f) => requireFiniteNumber(raw.value, f)),
      illustrative: c.check('illustrative', (f) => requireBoolean(raw.illustrative, f)),
      note: c.check('note', (f) => optionalText(raw.note, f, 500)),
    };
  });
  milestones.forEach((m, i) => {
    if (!m || m.year === undefined) return;
    const previous = milestones[i - 1];
    if (previous?.year !== undefined && previous.year >= m.year) {
      check.report(`[${i}].year`, 'MILESTONES_OUT_OF_ORDER', 'milestone years must increase');
    }
    if (deadline !== undefined && m.year > Number(deadline.slice(0, 4))) {
      check.report(
        `[${i}].year`,
        'MILESTONE_AFTER_DEADLINE',
        `milestone year ${m.year} is after the deadline`,
      );
    }
  });
  return milestones;
}

/** The target as people write it: "< 3 %", "45-50 %", "> 800 houses", "about 15 m2 per person". */
export function formatTarget(target: Target, unit: string): string {
  const withUnit = (text: string) => (unit === '' ? text : `${text} ${unit}`);
  switch (target.comparison) {
    case 'between':
      return withUnit(`${target.low}-${target.high}`);
    case 'achieved':
      return 'achieved';
    case 'about':
      return withUnit(`about ${target.value}`);
    default:
      return withUnit(`${target.comparison} ${target.value}`);
  }
}

/** Whether a value meets the target. "about" has no tolerance in the plan, so it is not judged here. */
export function meetsTarget(target: Target, value: number): boolean | null {
  switch (target.comparison) {
    case '<':
      return value < target.value;
    case '<=':
      return value <= target.value;
    case '>':
      return value > target.value;
    case '>=':
      return value >= target.value;
    case '=':
      return value === target.value;
    case 'between':
      return value >= target.low && value <= target.high;
    case 'achieved':
      return value === 1;
    case 'about':
      return null;
  }
}

/**
 * The value expected by a date from the yearly milestones: linear between milestones (each falls on
 * 31 December of its year), the milestone itself on that day. Null before the first milestone and for
 * targets without milestones: the plan does not say what is expected then.
 */
export function expectedValueAt(target: Target, date: string): number | null {
  const at = parseIsoInstant(date);
  if (at === null) throw invalid('DATE_INVALID', 'date', 'date must be an ISO 8601 date or date-time');
  const points = target.milestones.map((m) => ({
    at: parseIsoInstant(`${m.year}-12-31`) as number,
    value: m.value,
  }));
  if (points.length === 0 || at < points[0].at) return null;
  for (let i = points.length - 1; i >= 0; i--) {
    if (at < points[i].at) continue;
    const next = points[i + 1];
    if (!next) return points[i].value;
    const share = (at - points[i].at) / (next.at - points[i].at);
    return points[i].value + share * (next.value - points[i].value);
  }
  return null;
}
