// What one event does to the indicators, by the rules of their definitions (contribution-rules.ts).
// Pure: the projection hands in the event (and, for a correction, the event it corrects) and adds up.
//
// Two kinds of contribution:
// - add: count and sum rules. The figure of a part (value, numerator, denominator) for an org unit and a
//   period is the sum of its deltas (plus the baseline named by the definition, for ratios). The period is
//   the one named by the rule's periodField (e.g. the insurance year) or, when null, the month of the
//   event's occurredAt.
// - set: a MeasurementRecorded of a measured or qualitative indicator. It sets the value of that indicator
//   for its org unit and period. The projection keeps the standing measurements of each (indicator, org
//   unit, period) by measurementId; the figure is the one recorded last. A set with value null withdraws
//   that measurement (it was retracted), so the one recorded before it stands again.
import {
  isEventCorrected,
  type CorrectedOriginal,
  type EventCorrectedData,
} from '../corrections/correction.event';
import { MEASUREMENT_RECORDED } from '../measurement/measurement.events';
import { LedgerError } from '../shared/ledger-error';
import {
  isMeasurementRule,
  type AdditiveRule,
  type ContributionPart,
  type ContributionRule,
  type WhereValue,
} from './contribution-rules';
import type { IndicatorDefinition } from './plan-records';

/** The rules of one indicator definition version. */
export interface IndicatorRules {
  indicatorKey: string;
  definitionVersion: number;
  rules: readonly ContributionRule[];
}

/** An event as the evaluator needs it; a RecordedEvent fits. */
export interface ContributingEvent {
  id?: string;
  type: string;
  data: unknown;
  metadata: { orgUnit: string; occurredAt?: string };
}

export interface AddContribution {
  mode: 'add';
  indicatorKey: string;
  /** The version of the definition whose rule made this contribution. */
  definitionVersion: number;
  orgUnit: string;
  part: ContributionPart;
  delta: number;
  /** From the rule's periodField; null: the period of the event's occurredAt. */
  period: string | null;
}

export interface SetContribution {
  mode: 'set';
  indicatorKey: string;
  definitionVersion: number;
  orgUnit: string;
  period: string;
  /** Identifies the measurement across its amendments; the event id when the data has none. */
  measurementId: string;
  /** null: the measurement is withdrawn. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export type Contribution = AddContribution | SetContribution;

/** A correction came without the event it corrects, or with another one. */
export class ContributionInputError extends LedgerError {
  readonly code = 'CONTRIBUTION_INPUT_INVALID';
  readonly kind = 'internal';
}

/**
 * Events that withdraw a case before its end (a housing case found ineligible, moved away or a duplicate):
 * they carry the steps that stood in `withdrawnSteps` and take back what those contributed, in the month of
 * the withdrawal. Type -> the step types they may carry.
 */
export const CASE_WITHDRAWAL_EVENTS: Readonly<Record<string, readonly string[]>> = {
  HousingCaseWithdrawn: ['HousingCaseRegistered', 'HousingFundingApproved', 'HousingConstructionStarted'],
};

/** The rules in force: the latest version of each indicator among the definitions given. */
export function indicatorRulesOf(definitions: readonly IndicatorDefinition[]): IndicatorRules[] {
  const latest = new Map<string, IndicatorDefinition>();
  for (const d of definitions) {
    const known = latest.get(d.key);
    if (!known || d.version > known.version) latest.set(d.key, d);
  }
  return [...latest.values()].map((d) => ({
    indicatorKey: d.key,
    definitionVersion: d.version,
    rules: d.contributions,
  }));
}

/**
 * The contributions of one event. For an EventCorrected the evaluator needs the event it corrects, as it
 * stood just before this correction (earlier amendments applied): the one the correction carries in
 * `data.original`, unless another is passed as `original`. A retraction takes the original's
 * contributions back; an amendment contributes the difference between the amended and the original event
 * (new - old).
 */
export function contributionsOf(
  event: ContributingEvent,
  rules: readonly IndicatorRules[],
  original?: ContributingEvent,
): Contribution[] {
  if (isEventCorrected(event)) {
    const correction = event.data as EventCorrectedData;
    const corrected = original ?? carriedOriginal(event);
    if (!corrected) {
      throw new ContributionInputError(`correction ${event.id ?? ''} needs the event it corrects`);
    }
    if (corrected.id !== undefined && corrected.id !== correction.correctsEventId) {
      throw new ContributionInputError(
        `correction of ${correction.correctsEventId} was given event ${corrected.id}`,
      );
    }
    const before = contributionsOf(corrected, rules);
    if (correction.kind === 'retraction') return reverseContributions(before);
    const amended = { ...corrected, data: { ...(corrected.data as object), ...(correction.changes ?? {}) } };
    return differenceOf(before, contributionsOf(amended, rules));
  }
  const withdrawable = CASE_WITHDRAWAL_EVENTS[event.type];
  if (withdrawable) {
    const steps = (event.data as { withdrawnSteps?: unknown } | null)?.withdrawnSteps;
    if (!Array.isArray(steps))
      throw new ContributionInputError(`withdrawal ${event.id ?? ''} needs the steps it withdraws`);
    return reverseContributions(
      steps
        .filter((step): step is { type: string; data: unknown } => withdrawable.includes(step?.type))
        .flatMap((step) =>
          contributionsOf({ type: step.type, data: step.data, metadata: event.metadata }, rules),
        ),
    );
  }
  const out: Contribution[] = [];
  for (const indicator of rules) {
    for (const rule of indicator.rules) {
      const contribution = applyRule(rule, indicator, event);
      if (contribution) out.push(contribution);
    }
  }
  return out;
}

function carriedOriginal(correction: ContributingEvent): ContributingEvent | undefined {
  const data = correction.data as EventCorrectedData;
  // Event data comes in as unknown: a correction without its original (not one decideCorrection wrote)
  // is refused with a ContributionInputError rather than read as if the original had moved nothing.
  const original = data.original as CorrectedOriginal | undefined;
  if (typeof original !== 'object' || original === null || typeof original.type !== 'string')
    return undefined;
  return {
    id: data.correctsEventId,
    type: original.type,
    data: original.data,
    metadata: {
      // A correction sits in the stream of the event it corrects, so it shares that event's org unit.
      orgUnit: original.orgUnit ?? correction.metadata.orgUnit,
      occurredAt: original.occurredAt,
    },
  };
}

/** The contributions that undo these: deltas negated, measurements withdrawn. */
export function reverseContributions(contributions: readonly Contribution[]): Contribution[] {
  return contributions.map((c) =>
    c.mode === 'add' ? { ...c, delta: -c.delta } : { ...c, value: null, numerator: null, denominator: null },
  );
}

/** What turns `before` into `after`: summed deltas per part that changed, and the measurements now standing. */
export function differenceOf(
  before: readonly Contribution[],
  after: readonly Contribution[],
): Contribution[] {
  const deltas = new Map<string, AddContribution>();
  const addKey = (c: AddContribution) =>
    JSON.stringify([c.indicatorKey, c.definitionVersion, c.orgUnit, c.part, c.period]);
  const accumulate = (c: AddContribution, sign: number) => {
    const key = addKey(c);
    const known = deltas.get(key);
    deltas.set(key, { ...c, delta: (known?.delta ?? 0) + sign * c.delta });
  };
  for (const c of before) if (c.mode === 'add') accumulate(c, -1);
  for (const c of after) if (c.mode === 'add') accumulate(c, 1);
  const adds = [...deltas.values()].filter((c) => c.delta !== 0);

  const sets = after.filter((c): c is SetContribution => c.mode === 'set');
  const setKey = (c: SetContribution) =>
    JSON.stringify([c.indicatorKey, c.orgUnit, c.period, c.measurementId]);
  const standing = new Set(sets.map(setKey));
  const withdrawn = before
    .filter((c): c is SetContribution => c.mode === 'set' && !standing.has(setKey(c)))
    .map((c) => ({ ...c, value: null, numerator: null, denominator: null }));
  return [...adds, ...withdrawn, ...sets];
}

function applyRule(
  rule: ContributionRule,
  indicator: IndicatorRules,
  event: ContributingEvent,
): Contribution | null {
  if (rule.event !== event.type) return null;
  const data = (event.data ?? {}) as Record<string, unknown>;
  if (isMeasurementRule(rule)) return measurement(indicator, event, data);
  if (!matches(rule, data)) return null;
  const amount = rule.measure === 'count' ? 1 : data[rule.field as string];
  // The deciders guarantee the summed fields; an event without one (foreign or corrupted) adds nothing.
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return null;
  const period = rule.periodField === null ? null : periodOf(data[rule.periodField]);
  return {
    mode: 'add',
    indicatorKey: indicator.indicatorKey,
    definitionVersion: indicator.definitionVersion,
    orgUnit: event.metadata.orgUnit,
    part: rule.part,
    delta: amount * rule.factor,
    period,
  };
}

function matches(rule: AdditiveRule, data: Record<string, unknown>): boolean {
  return Object.entries(rule.where).every(([field, expected]) => {
    const actual = data[field] as WhereValue;
    return Array.isArray(expected) ? expected.includes(actual) : actual === expected;
  });
}

function periodOf(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

function measurement(
  indicator: IndicatorRules,
  event: ContributingEvent,
  data: Record<string, unknown>,
): SetContribution | null {
  if (event.type !== MEASUREMENT_RECORDED || data.indicatorKey !== indicator.indicatorKey) return null;
  const period = periodOf(data.period);
  const value = data.value;
  if (period === null || typeof value !== 'number' || !Number.isFinite(value)) return null;
  const optional = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    mode: 'set',
    indicatorKey: indicator.indicatorKey,
    definitionVersion: indicator.definitionVersion,
    // A measurement names the unit it measures (a commune, or the district as a whole).
    orgUnit: typeof data.orgUnit === 'string' ? data.orgUnit : event.metadata.orgUnit,
    period,
    measurementId:
      typeof data.measurementId === 'string'
        ? data.measurementId
        : (event.id ?? `${indicator.indicatorKey}:${period}`),
    value,
    numerator: optional(data.numerator),
    denominator: optional(data.denominator),
  };
}

/** The event types that move at least one indicator under these rules (EventCorrected aside). */
export function eventTypesReached(rules: readonly IndicatorRules[]): Set<string> {
  const reached = new Set<string>(rules.flatMap((indicator) => indicator.rules.map((rule) => rule.event)));
  for (const [withdrawal, steps] of Object.entries(CASE_WITHDRAWAL_EVENTS))
    if (steps.some((type) => reached.has(type))) reached.add(withdrawal);
  return reached;
}
