// agency-trail: accountability per responsible agency (DESIGN.md): what its officers recorded, by type and
// by officer, the corrections they made, the corrections of others they approved (four eyes: a correction is
// made by its proposer and approved by a second person), and the corrections others made of its events; and, in
// open-case-steps, every open lifecycle case (housing, remains, training) with its current step, the
// agency of that step and the date its next step is due (case-due-rules.ts); and in open-step-counts, per
// agency, how many of those steps it answers for, by due date (kept by the runner: RunningCount).
import {
  type CorrectionKind,
  correctionActors,
  dutyHolderOn,
  type RecordedEvent,
  addDays,
  correctionOf,
  dataRecord,
  localDate,
  type CorrectionView,
  type PlanModel,
} from '@ledger/domain';
import {
  CASE_LIFECYCLES,
  isCaseStep,
  lifecycleOfStream,
  REOPENED_CASE_DUE_DAYS,
  REOPENED_STEP,
  type CaseKind,
  type CaseLifecycle,
} from './case-due-rules';
import type { DocumentKey, Projection, RunningCount } from '../projection';
import { alreadyApplied, projectionVersion, uniqueKeys } from './reducer-helpers';

export const AGENCY_TRAIL = 'agency-trail';
/** Collection of the agency documents (same name as the projection). */
export const AGENCY_TRAIL_DOCS = 'agency-trail';
export const OPEN_CASE_STEPS = 'open-case-steps';
/** Per agency (id): its open steps, recorded last or held by succession, counted by dueBy (CountDoc). */
export const OPEN_STEP_COUNTS = 'open-step-counts';
/** The bucket of OPEN_STEP_COUNTS for steps with no due date (the other buckets are YYYY-MM-DD days). */
export const NO_DUE_DATE = 'none';
/** After every dated succession: the duty holder of today and of any later day. */
const LATEST_DAY = '9999-12-31';

/** How many corrections made and received each agency document lists; the counts cover all of them. */
export const RECENT_CORRECTIONS_KEPT = 50;

export interface ActionCounts {
  recorded: number;
  /** Amendments others (or its own officers) made of these events later. */
  amendments: number;
  retractions: number;
}

export interface CorrectionEntry {
  correctionId: string;
  correctsEventId: string;
  correctedType: string;
  kind: CorrectionKind;
  reason: string;
  /** Who made the correction (for one approved by a second person: its proposer). */
  officer: string;
  agency: string;
  /** Who approved it, when a second person had to; null otherwise. */
  approvedByOfficer: string | null;
  approvedByAgency: string | null;
  /** Who recorded the corrected event; null when the correction does not carry it. */
  originalOfficer: string | null;
  originalAgency: string | null;
  occurredAt: string;
  recordedAt: string;
  position: number;
}

export interface CorrectionSummary {
  total: number;
  amendments: number;
  retractions: number;
  /** made: of events recorded by other agencies; received: made by other agencies. */
  acrossAgencies: number;
  /** The latest RECENT_CORRECTIONS_KEPT, oldest first. */
  recent: CorrectionEntry[];
}

export interface OfficerSummary {
  officer: string;
  roles: string[];
  recorded: number;
  byType: Record<string, number>;
  correctionsMade: number;
  /** Corrections proposed by others that this officer approved. */
  correctionsApproved: number;
  correctionsReceived: number;
  firstRecordedAt: string | null;
  lastRecordedAt: string | null;
}

export interface AgencyTrailDoc {
  agency: string;
  /** By event type: recorded by this agency, and how many of them were amended or retracted since. */
  actions: Record<string, ActionCounts>;
  recorded: number;
  firstRecordedAt: string | null;
  lastRecordedAt: string | null;
  firstOccurredAt: string | null;
  lastOccurredAt: string | null;
  /** Events recorded per org unit. */
  orgUnits: Record<string, number>;
  correctionsMade: CorrectionSummary;
  /** Corrections its officers approved as the second person (made by their proposers, counted there). */
  correctionsApproved: CorrectionSummary;
  correctionsReceived: CorrectionSummary;
  /** One entry per officer, sorted by officer id. */
  officers: OfficerSummary[];
  lastPosition: number;
}

export interface CaseStep {
  eventId: string;
  type: string;
  occurredAt: string;
  officer: string;
  agency: string;
  position: number;
}

export interface OpenCaseStepDoc {
  stream: string;
  caseKind: CaseKind;
  caseId: string | null;
  /** The org unit of the case (of its first event). */
  orgUnit: string;
  /** The last effective step (event type), or "Reopened" after its closing was retracted. */
  step: string;
  stepEventId: string;
  /** occurredAt of the last step. */
  since: string;
  /** The agency and officer of the last step: the agency responsible for the next one. */
  agency: string;
  officer: string;
  /** The stage the case stands at (its highest stage reached) and the day that stage began. */
  stage: string;
  stageSince: string | null;
  nextStep: string | null;
  /** YYYY-MM-DD; past due when dueBy < today. */
  dueBy: string | null;
  dueDays: number | null;
  /** Who answers for the next step on its due date, following agency successions (e.g. the 2025 reform). */
  dutyHolder: string;
  /**
   * dutyHolder when it is not `agency` (the duty passed to a successor), else null. An agency's open steps
   * are those it recorded last (agency) or holds by succession (this field): two disjoint index ranges, so
   * they can be counted and paged from indexes without reading every step.
   */
  successorDutyHolder: string | null;
  dutyHolderChain: string[];
  openedAt: string | null;
  steps: CaseStep[];
  /** The correction that reopened the case by retracting its closing; null otherwise. */
  reopenedBy: string | null;
  lastPosition: number;
}

export type AgencyTrailProjectionDoc = AgencyTrailDoc | OpenCaseStepDoc;

// 2: open-case-steps carry successorDutyHolder (indexed). 4: open-step-counts.
const AGENCY_TRAIL_BASE_VERSION = 4;

/**
 * An open step counts for the agency that recorded it last and for the agency holding it by succession
 * (the same two sides the steps are listed by), under its due date.
 */
const openStepCounts: RunningCount = {
  of: OPEN_CASE_STEPS,
  into: OPEN_STEP_COUNTS,
  countedIn(doc) {
    const step = doc as OpenCaseStepDoc;
    const bucket = step.dueBy ?? NO_DUE_DATE;
    const holders = [{ id: step.agency, bucket }];
    if (step.successorDutyHolder && step.successorDutyHolder !== step.agency) {
      holders.push({ id: step.successorDutyHolder, bucket });
    }
    return holders;
  },
};

export function createAgencyTrailProjection(plan: PlanModel): Projection<AgencyTrailProjectionDoc> {
  return {
    name: AGENCY_TRAIL,
    version: projectionVersion(
      AGENCY_TRAIL_BASE_VERSION,
      CASE_LIFECYCLES,
      REOPENED_CASE_DUE_DAYS,
      RECENT_CORRECTIONS_KEPT,
      plan.successions,
    ),
    collections: [AGENCY_TRAIL_DOCS, OPEN_CASE_STEPS, OPEN_STEP_COUNTS],
    counts: [openStepCounts],
    indexes: {
      [AGENCY_TRAIL_DOCS]: [['lastRecordedAt']],
      [OPEN_CASE_STEPS]: [
        ['dueBy'],
        ['agency', 'dueBy'],
        ['successorDutyHolder', 'dueBy'],
        ['orgUnit', 'dueBy'],
        ['caseKind', 'dueBy'],
      ],
    },
    keys(event) {
      const keys: DocumentKey[] = [];
      const correction = correctionOf(event);
      const { madeBy, approvedBy } = correctionActors(event);
      keys.push({ collection: AGENCY_TRAIL_DOCS, id: madeBy.agency });
      if (approvedBy) keys.push({ collection: AGENCY_TRAIL_DOCS, id: approvedBy.agency });
      const originalAgency = correction?.original?.actor?.agency;
      if (originalAgency) keys.push({ collection: AGENCY_TRAIL_DOCS, id: originalAgency });
      const lifecycle = lifecycleOfStream(event.stream);
      if (lifecycle && (correction || isCaseStep(lifecycle, event.type))) {
        keys.push({ collection: OPEN_CASE_STEPS, id: event.stream });
      }
      return uniqueKeys(keys);
    },
    reduce(doc, event, key) {
      if (alreadyApplied(doc, event)) return doc;
      if (key.collection === AGENCY_TRAIL_DOCS)
        return reduceAgency(doc as AgencyTrailDoc | null, event, key.id);
      if (key.collection === OPEN_CASE_STEPS) {
        const lifecycle = lifecycleOfStream(key.id);
        return lifecycle ? reduceCase(doc as OpenCaseStepDoc | null, event, lifecycle, plan) : doc;
      }
      return doc;
    },
  };
}

// ---------------------------------------------------------------- agencies

function emptySummary(): CorrectionSummary {
  return { total: 0, amendments: 0, retractions: 0, acrossAgencies: 0, recent: [] };
}

function emptyAgency(agency: string): AgencyTrailDoc {
  return {
    agency,
    actions: {},
    recorded: 0,
    firstRecordedAt: null,
    lastRecordedAt: null,
    firstOccurredAt: null,
    lastOccurredAt: null,
    orgUnits: {},
    correctionsMade: emptySummary(),
    correctionsApproved: emptySummary(),
    correctionsReceived: emptySummary(),
    officers: [],
    lastPosition: 0,
  };
}

function emptyOfficer(officer: string): OfficerSummary {
  return {
    officer,
    roles: [],
    recorded: 0,
    byType: {},
    correctionsMade: 0,
    correctionsApproved: 0,
    correctionsReceived: 0,
    firstRecordedAt: null,
    lastRecordedAt: null,
  };
}

const earlier = (a: string | null, b: string) => (a === null || b < a ? b : a);
const later = (a: string | null, b: string) => (a === null || b > a ? b : a);

function withOfficer(
  officers: readonly OfficerSummary[],
  officer: string,
  change: (o: OfficerSummary) => OfficerSummary,
): OfficerSummary[] {
  const known = officers.find((o) => o.officer === officer) ?? emptyOfficer(officer);
  return [...officers.filter((o) => o.officer !== officer), change(known)].sort((a, b) =>
    a.officer < b.officer ? -1 : a.officer > b.officer ? 1 : 0,
  );
}

function summarise(summary: CorrectionSummary, entry: CorrectionEntry, across: boolean): CorrectionSummary {
  return {
    total: summary.total + 1,
    amendments: summary.amendments + (entry.kind === 'amendment' ? 1 : 0),
    retractions: summary.retractions + (entry.kind === 'retraction' ? 1 : 0),
    acrossAgencies: summary.acrossAgencies + (across ? 1 : 0),
    recent: [...summary.recent, entry].slice(-RECENT_CORRECTIONS_KEPT),
  };
}

function reduceAgency(doc: AgencyTrailDoc | null, event: RecordedEvent, agency: string): AgencyTrailDoc {
  let next = doc ?? emptyAgency(agency);
  const { occurredAt, orgUnit } = event.metadata;
  const correction = correctionOf(event);
  const { madeBy: actor, approvedBy } = correctionActors(event);
  if (correction && approvedBy?.agency === agency) {
    const entry = correctionEntry(event, correction);
    next = {
      ...next,
      correctionsApproved: summarise(
        next.correctionsApproved,
        entry,
        entry.originalAgency !== null && entry.originalAgency !== agency,
      ),
      officers: withOfficer(next.officers, approvedBy.officer, (o) => ({
        ...touchOfficer(o, approvedBy.role, event.recordedAt),
        correctionsApproved: o.correctionsApproved + 1,
      })),
      firstRecordedAt: earlier(next.firstRecordedAt, event.recordedAt),
      lastRecordedAt: later(next.lastRecordedAt, event.recordedAt),
    };
  }
  if (actor.agency === agency) {
    if (correction) {
      const entry = correctionEntry(event, correction);
      next = {
        ...next,
        correctionsMade: summarise(
          next.correctionsMade,
          entry,
          entry.originalAgency !== null && entry.originalAgency !== agency,
        ),
        officers: withOfficer(next.officers, actor.officer, (o) => ({
          ...touchOfficer(o, actor.role, event.recordedAt),
          correctionsMade: o.correctionsMade + 1,
        })),
      };
    } else {
      const counts = next.actions[event.type] ?? { recorded: 0, amendments: 0, retractions: 0 };
      next = {
        ...next,
        actions: { ...next.actions, [event.type]: { ...counts, recorded: counts.recorded + 1 } },
        recorded: next.recorded + 1,
        orgUnits: { ...next.orgUnits, [orgUnit]: (next.orgUnits[orgUnit] ?? 0) + 1 },
        firstOccurredAt: earlier(next.firstOccurredAt, occurredAt),
        lastOccurredAt: later(next.lastOccurredAt, occurredAt),
        officers: withOfficer(next.officers, actor.officer, (o) => ({
          ...touchOfficer(o, actor.role, event.recordedAt),
          recorded: o.recorded + 1,
          byType: { ...o.byType, [event.type]: (o.byType[event.type] ?? 0) + 1 },
        })),
      };
    }
    next = {
      ...next,
      firstRecordedAt: earlier(next.firstRecordedAt, event.recordedAt),
      lastRecordedAt: later(next.lastRecordedAt, event.recordedAt),
    };
  }
  const original = correction?.original;
  if (correction && original?.actor?.agency === agency) {
    const entry = correctionEntry(event, correction);
    const type = correction.correctedType;
    const counts = next.actions[type] ?? { recorded: 0, amendments: 0, retractions: 0 };
    next = {
      ...next,
      actions: {
        ...next.actions,
        [type]: {
          ...counts,
          amendments: counts.amendments + (correction.kind === 'amendment' ? 1 : 0),
          retractions: counts.retractions + (correction.kind === 'retraction' ? 1 : 0),
        },
      },
      correctionsReceived: summarise(next.correctionsReceived, entry, actor.agency !== agency),
      officers: withOfficer(next.officers, original.actor.officer, (o) => ({
        ...o,
        correctionsReceived: o.correctionsReceived + 1,
      })),
    };
  }
  return { ...next, lastPosition: event.position };
}

function touchOfficer(o: OfficerSummary, role: string, recordedAt: string): OfficerSummary {
  return {
    ...o,
    roles: o.roles.includes(role) ? o.roles : [...o.roles, role].sort(),
    firstRecordedAt: earlier(o.firstRecordedAt, recordedAt),
    lastRecordedAt: later(o.lastRecordedAt, recordedAt),
  };
}

function correctionEntry(event: RecordedEvent, correction: CorrectionView): CorrectionEntry {
  const { madeBy, approvedBy } = correctionActors(event);
  return {
    correctionId: event.id,
    correctsEventId: correction.correctsEventId,
    correctedType: correction.correctedType,
    kind: correction.kind,
    reason: correction.reason,
    officer: madeBy.officer,
    agency: madeBy.agency,
    approvedByOfficer: approvedBy?.officer ?? null,
    approvedByAgency: approvedBy?.agency ?? null,
    originalOfficer: correction.original?.actor?.officer ?? null,
    originalAgency: correction.original?.actor?.agency ?? null,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.recordedAt,
    position: event.position,
  };
}

// ---------------------------------------------------------------- open case steps

function stepOf(event: RecordedEvent, type = event.type): CaseStep {
  const { madeBy } = correctionActors(event);
  return {
    eventId: event.id,
    type,
    occurredAt: event.metadata.occurredAt,
    officer: madeBy.officer,
    agency: madeBy.agency,
    position: event.position,
  };
}

function reduceCase(
  doc: OpenCaseStepDoc | null,
  event: RecordedEvent,
  lifecycle: CaseLifecycle,
  plan: PlanModel,
): OpenCaseStepDoc | null {
  const correction = correctionOf(event);
  let steps = doc?.steps ?? [];
  let reopenedBy = doc?.reopenedBy ?? null;
  let caseId = doc?.caseId ?? null;
  let orgUnit = doc?.orgUnit ?? event.metadata.orgUnit;
  if (correction) {
    if (correction.kind !== 'retraction') return doc && { ...doc, lastPosition: event.position };
    if (doc) {
      steps = steps.filter((s) => s.eventId !== correction.correctsEventId);
      if (steps.length === 0) return null;
    } else if (
      correction.correctedType === lifecycle.closing ||
      correction.correctedType === lifecycle.withdrawal
    ) {
      // The case was closed or withdrawn (and left this collection): retracting that opens it again. Its
      // earlier steps are not in the correction, so the clock starts again at the retraction.
      steps = [stepOf(event, REOPENED_STEP)];
      reopenedBy = event.id;
      orgUnit = correction.original?.orgUnit ?? event.metadata.orgUnit;
      caseId = idOf(correction.original?.data, lifecycle);
    } else {
      return null;
    }
  } else if (event.type === lifecycle.closing || event.type === lifecycle.withdrawal) {
    return null;
  } else {
    steps = [...steps, stepOf(event)];
    caseId ??= idOf(event.data, lifecycle);
  }
  return deriveCase(event, lifecycle, plan, { steps, reopenedBy, caseId, orgUnit });
}

function idOf(data: unknown, lifecycle: CaseLifecycle): string | null {
  const id = dataRecord(data)[lifecycle.idField];
  return typeof id === 'string' ? id : null;
}

function deriveCase(
  event: RecordedEvent,
  lifecycle: CaseLifecycle,
  plan: PlanModel,
  state: { steps: CaseStep[]; reopenedBy: string | null; caseId: string | null; orgUnit: string },
): OpenCaseStepDoc {
  const steps = [...state.steps].sort((a, b) => a.position - b.position);
  const last = steps[steps.length - 1];
  const staged = steps.filter((s) => Object.hasOwn(lifecycle.stages, s.type));
  const stageNumber = Math.max(-1, ...staged.map((s) => lifecycle.stages[s.type].stage));
  const stageSteps = staged.filter((s) => lifecycle.stages[s.type].stage === stageNumber);
  const openingDates = staged
    .filter((s) => lifecycle.stages[s.type].stage === 0)
    .map((s) => localDate(s.occurredAt))
    .filter((d): d is string => d !== null)
    .sort();
  let stage: string;
  let stageSince: string | null;
  let nextStep: string | null;
  let dueDays: number | null;
  let from: string | null;
  if (stageSteps.length > 0) {
    stage = stageSteps[0].type;
    const rule = lifecycle.stages[stage];
    const dates = stageSteps
      .map((s) => localDate(s.occurredAt))
      .filter((d): d is string => d !== null)
      .sort();
    stageSince = dates[0] ?? null;
    nextStep = rule.next;
    dueDays = rule.days;
    from = rule.countedFrom === 'opening' ? (openingDates[0] ?? stageSince) : stageSince;
  } else {
    const reopened = steps.find((s) => s.type === REOPENED_STEP);
    stage = reopened ? REOPENED_STEP : last.type;
    stageSince = localDate((reopened ?? last).occurredAt);
    nextStep = reopened ? lifecycle.closing : null;
    dueDays = reopened ? REOPENED_CASE_DUE_DAYS : null;
    from = reopened ? stageSince : null;
  }
  const dueBy = from !== null && dueDays !== null ? addDays(from, dueDays) : null;
  // Who answers for the next step: the agency of the last step, or whoever its duties passed to by every
  // succession the plan records, whenever the step is due (an overdue step passes with the duties too; a
  // reducer reads no clock, and the plan records no succession before it takes effect).
  const holder = dutyHolderOn(last.agency, state.orgUnit, LATEST_DAY, plan.successions);
  return {
    stream: event.stream,
    caseKind: lifecycle.kind,
    caseId: state.caseId,
    orgUnit: state.orgUnit,
    step: last.type,
    stepEventId: last.eventId,
    since: last.occurredAt,
    agency: last.agency,
    officer: last.officer,
    stage,
    stageSince,
    nextStep,
    dueBy,
    dueDays,
    dutyHolder: holder.agency,
    successorDutyHolder: holder.agency === last.agency ? null : holder.agency,
    dutyHolderChain: holder.chain,
    openedAt: openingDates[0] ?? null,
    steps,
    reopenedBy: state.reopenedBy,
    lastPosition: event.position,
  };
}
