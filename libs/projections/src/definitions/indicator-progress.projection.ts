// indicator-progress: one document per indicator x org unit x month (YYYY-MM) holding what the events of
// that month contributed under the plan's rules (contributions.ts): the summed `add` deltas per part and the
// standing `set` measurements. Each contribution also counts in every unit its org unit rolls up into
// (PlanModel.rollUps: commune -> district -> province on the boundaries the unit belongs to; an old commune
// also counts in the commune it merged into, so a new commune reads as the group it was made from; a commune
// made by the 2025 reorganisation rolls up to the new province and, when it was made wholly from communes of
// the plan's district, to the plan's district too), so a district document exists for every month with
// activity. Reading a figure as of a date is indicator-progress.read.ts.
//
// The month of a contribution is the month it happened in (Asia/Ho_Chi_Minh), kept inside the period the
// event names (a card issued in December for next year counts from January), and each document keeps its
// `add` sums per day too, so that a figure as of a day counts only what happened by that day
// (event-reading.ts contributionDay). A measurement sits in the first month of its period. A correction lands
// on the day of the event it corrects, so a retraction takes back exactly what was added.
import {
  EVENT_CORRECTED,
  ContributionInputError,
  contributionsOf,
  eventTypesReached,
  type Contribution,
  type ContributionPart,
  type OrgUnitLevel,
  type RecordedEvent,
  contributionDay,
  correctionOf,
  type PlanModel,
  type MeasurementEntry,
} from '@ledger/domain';
import type { DocumentKey, Projection } from '../projection';
import { alreadyApplied, projectionVersion } from './reducer-helpers';

export const INDICATOR_PROGRESS = 'indicator-progress';
export const INDICATOR_MONTHS = 'indicator-months';

export type PartSums = Record<ContributionPart, number>;

export interface IndicatorMonthDoc {
  indicatorKey: string;
  orgUnit: string;
  level: OrgUnitLevel | null;
  month: string;
  year: number;
  /** The `add` contributions of the month, per part, of this unit and every unit rolling up into it. */
  sums: PartSums;
  /** The same, per day of the month (DD) they happened on; absent in documents made before days were kept. */
  days?: Record<string, PartSums>;
  /** The same, of what was recorded in this unit itself. */
  ownSums: PartSums;
  /** The units whose contributions are in the sums or measurements. */
  units: string[];
  /** Standing measurements of the month (this unit's and the units' below), sorted by unit and id. */
  measurements: MeasurementEntry[];
  /** The definition versions whose rules made the contributions. */
  definitionVersions: number[];
  /** Events (corrections included) that contributed. */
  events: number;
  lastEventId: string;
  lastPosition: number;
}

interface Routed {
  key: DocumentKey;
  orgUnit: string;
  month: string;
  /** The day (YYYY-MM-DD) the contribution counts from; absent: the month only. */
  day?: string;
  contribution: Contribution;
}

const PROGRESS_BASE_VERSION = 2;

export function indicatorMonthId(indicatorKey: string, orgUnit: string, month: string): string {
  return `${indicatorKey}:${orgUnit}:${month}`;
}

export function createIndicatorProgressProjection(plan: PlanModel): Projection<IndicatorMonthDoc> {
  // keys() and the reduce() calls for the same event need the same routing: computed once per event.
  const routedByEvent = new WeakMap<RecordedEvent, Routed[]>();
  const routed = (event: RecordedEvent): Routed[] => {
    let known = routedByEvent.get(event);
    if (!known) {
      known = route(event, plan);
      routedByEvent.set(event, known);
    }
    return known;
  };
  return {
    name: INDICATOR_PROGRESS,
    version: projectionVersion(PROGRESS_BASE_VERSION, plan.rules, plan.rollUps),
    collections: [INDICATOR_MONTHS],
    eventTypes: [...eventTypesReached(plan.rules), EVENT_CORRECTED],
    indexes: {
      [INDICATOR_MONTHS]: [
        ['indicatorKey', 'orgUnit', 'month'],
        ['orgUnit', 'month'],
        ['indicatorKey', 'level', 'month'],
      ],
    },
    keys(event) {
      const seen = new Set<string>();
      const keys: DocumentKey[] = [];
      for (const r of routed(event)) {
        if (seen.has(r.key.id)) continue;
        seen.add(r.key.id);
        keys.push(r.key);
      }
      return keys;
    },
    reduce(doc, event, key) {
      if (alreadyApplied(doc, event)) return doc;
      const mine = routed(event).filter((r) => r.key.id === key.id);
      if (mine.length === 0) return doc;
      let next = doc ?? emptyMonth(mine[0], plan);
      for (const r of mine) next = apply(next, r, event);
      // apply made `next` afresh (never `doc`): its counters are set in place, keeping their key order.
      next.events += 1;
      next.lastEventId = event.id;
      next.lastPosition = event.position;
      return next;
    },
  };
}

function route(event: RecordedEvent, plan: PlanModel): Routed[] {
  let contributions: Contribution[];
  try {
    contributions = contributionsOf(event, plan.rules);
  } catch (error) {
    // A correction that does not carry the event it corrects: what to take back cannot be known here.
    if (error instanceof ContributionInputError) return [];
    throw error;
  }
  const correction = correctionOf(event);
  const occurredAt = correction
    ? (correction.original?.occurredAt ?? event.metadata.occurredAt)
    : event.metadata.occurredAt;
  const out: Routed[] = [];
  for (const contribution of contributions) {
    const day = contributionDay(contribution, occurredAt);
    if (day === null) continue;
    const month = day.slice(0, 7);
    for (const orgUnit of [contribution.orgUnit, ...(plan.rollUps[contribution.orgUnit] ?? [])]) {
      out.push({
        key: {
          collection: INDICATOR_MONTHS,
          id: indicatorMonthId(contribution.indicatorKey, orgUnit, month),
        },
        orgUnit,
        month,
        day,
        contribution,
      });
    }
  }
  return out;
}

const zero = (): PartSums => ({ value: 0, numerator: 0, denominator: 0 });

function emptyMonth(r: Routed, plan: PlanModel): IndicatorMonthDoc {
  return {
    indicatorKey: r.contribution.indicatorKey,
    orgUnit: r.orgUnit,
    level: plan.levels[r.orgUnit] ?? null,
    month: r.month,
    year: Number(r.month.slice(0, 4)),
    sums: zero(),
    ownSums: zero(),
    units: [],
    measurements: [],
    definitionVersions: [],
    events: 0,
    lastEventId: '',
    lastPosition: 0,
  };
}

/**
 * Float sums of decimals (floor areas) drift; 15 significant digits keep every real figure exact. An integer
 * below 1e15 has at most 15 digits and comes back unchanged (but -0 as 0), so it skips toPrecision, which is
 * slow and runs three times per contribution.
 */
function tidy(n: number): number {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return n === 0 ? 0 : n;
  return Number(n.toPrecision(15));
}

/** A copy of the sums with `delta` added to one part. */
function withAdded(sums: PartSums, part: ContributionPart, delta: number): PartSums {
  const out = { ...sums };
  out[part] = tidy(sums[part] + delta);
  return out;
}

function apply(doc: IndicatorMonthDoc, r: Routed, event: RecordedEvent): IndicatorMonthDoc {
  const c = r.contribution;
  const units = doc.units.includes(c.orgUnit) ? doc.units : [...doc.units, c.orgUnit].sort();
  const definitionVersions = doc.definitionVersions.includes(c.definitionVersion)
    ? doc.definitionVersions
    : [...doc.definitionVersions, c.definitionVersion].sort((a, b) => a - b);
  if (c.mode === 'add') {
    // Copies, then sets keys in the order of the document's type, so a key the copy lacks lands where it
    // always has. (A plain spread copies much faster than an object literal with a computed key.)
    const next: IndicatorMonthDoc = { ...doc };
    next.sums = withAdded(doc.sums, c.part, c.delta);
    const dd = r.day?.slice(8, 10);
    if (dd !== undefined) {
      const days = { ...doc.days };
      days[dd] = withAdded(doc.days?.[dd] ?? zero(), c.part, c.delta);
      next.days = days;
    }
    next.ownSums = c.orgUnit === doc.orgUnit ? withAdded(doc.ownSums, c.part, c.delta) : doc.ownSums;
    next.units = units;
    next.definitionVersions = definitionVersions;
    return next;
  }
  const others = doc.measurements.filter(
    (m) => m.measurementId !== c.measurementId || m.orgUnit !== c.orgUnit,
  );
  const measurements =
    c.value === null
      ? others
      : [
          ...others,
          {
            measurementId: c.measurementId,
            orgUnit: c.orgUnit,
            period: c.period,
            value: c.value,
            numerator: c.numerator,
            denominator: c.denominator,
            definitionVersion: c.definitionVersion,
            eventId: event.id,
            occurredAt: event.metadata.occurredAt,
            recordedAt: event.recordedAt,
            position: event.position,
          },
        ].sort((a, b) =>
          a.orgUnit === b.orgUnit
            ? a.measurementId < b.measurementId
              ? -1
              : a.measurementId > b.measurementId
                ? 1
                : 0
            : a.orgUnit < b.orgUnit
              ? -1
              : 1,
        );
  return { ...doc, measurements, units, definitionVersions };
}

// The month arithmetic, for projections that keep figures of the same shape (figure-assurance: verified and
// official figures).
export { apply as applyContributionToMonth, emptyMonth as emptyIndicatorMonth };
export type { Routed as RoutedContribution };
