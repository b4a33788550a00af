// inspection-trail: for inspectors tracing who did what, when, where, for whom, with what evidence, what it
// moved on the plan's indicators, and what was corrected later. The projection is an index of the event log,
// not a copy of it: one small document per event holding only what GET /trail filters and orders on (agency,
// officer, org unit, type, beneficiary, day, position) and the corrections the event received. The entry an
// inspector reads (TrailDoc) is put together at read time from the event itself, read from the event store
// by position, and that document (trailEntryOf). A correction has its own entry pointing at the event it
// corrects (`corrects`), and the corrected event's entry lists it in `correctedBy` with its status
// (effective, amended, retracted).
import {
  type Actor,
  type CorrectionKind,
  correctionActors,
  contributionsOf,
  ContributionInputError,
  type Contribution,
  type EvidenceRef,
  type RecordedEvent,
  contributionMonth,
  correctionOf,
  localDate,
  subjectIdsOf,
  subjectRefsOf,
  type CorrectionView,
  type PlanModel,
} from '@ledger/domain';
import type { DocumentKey, Projection } from '../projection';
import { alreadyApplied, projectionVersion } from './reducer-helpers';

export const INSPECTION_TRAIL = 'inspection-trail';
export const TRAIL = 'trail';

export type TrailStatus = 'effective' | 'amended' | 'retracted';

/** What the event moved on one indicator, under the plan's rules. */
export interface TrailContribution {
  indicatorKey: string;
  definitionVersion: number;
  orgUnit: string;
  mode: 'add' | 'set';
  /** add: the part moved and by how much. */
  part: 'value' | 'numerator' | 'denominator' | null;
  delta: number | null;
  /** set: the measurement standing after the event (null: withdrawn). */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  measurementId: string | null;
  /** The period named by the event (e.g. the insurance year), or null for the month of occurredAt. */
  period: string | null;
  /** The month (YYYY-MM) whose indicator documents it lands in. */
  month: string | null;
}

export interface CorrectionRef {
  eventId: string;
  kind: CorrectionKind;
  reason: string;
  changes: Record<string, unknown> | null;
  /** Who made the correction (for one approved by a second person: its proposer). */
  officer: string;
  agency: string;
  /** Who approved it, when a second person had to; null otherwise. */
  approvedBy: Actor | null;
  occurredAt: string;
  recordedAt: string;
  position: number;
}

export interface CorrectsRef {
  eventId: string;
  type: string;
  kind: CorrectionKind;
  reason: string;
  changes: Record<string, unknown> | null;
  /** Who recorded the corrected event (from the original the correction carries); null when not carried. */
  officer: string | null;
  agency: string | null;
  occurredAt: string | null;
}

export interface TrailDoc {
  eventId: string;
  position: number;
  type: string;
  schemaVersion: number;
  stream: string;
  revision: number;
  recordedAt: string;
  occurredAt: string;
  /** The calendar day of occurredAt (YYYY-MM-DD), for date ranges. */
  occurredOn: string | null;
  /** Who did it: the envelope's actor; for a correction approved by a second person, its proposer. */
  officer: string;
  agency: string;
  role: string;
  /** For a correction approved by a second person: the approver; null otherwise. */
  approvedBy: Actor | null;
  orgUnit: string;
  /** Every pseudonymous reference the event names (for a correction: the corrected event's). */
  subjectRefs: string[];
  /** The first of subjectRefs, for equality queries; null when the event names nobody. */
  subjectRef: string | null;
  /** caseId, courseId, paymentId, ... as named in the data. */
  subjectIds: Record<string, string>;
  /** The first of subjectIds' values (case, course, payment, ...), for equality queries. */
  subjectId: string | null;
  evidence: EvidenceRef[];
  commandId: string;
  correlationId: string;
  causationId: string;
  /** The data as recorded. */
  data: unknown;
  /** The data as it stands after amendments; null once retracted. */
  effectiveData: unknown;
  contributions: TrailContribution[];
  /** false when the contributions could not be worked out (a correction that does not carry its original). */
  contributionsKnown: boolean;
  status: TrailStatus;
  /** For a correction: the event it corrects. */
  corrects: CorrectsRef | null;
  /** For a correction: the agency whose event it corrects, for "corrections received" queries. */
  correctedAgency: string | null;
  correctedBy: CorrectionRef[];
  lastPosition: number;
}

/**
 * The stored document of one event: the fields GET /trail filters and orders on (as in its TrailDoc), and
 * the corrections it received. Everything else of the entry comes from the event (trailEntryOf).
 */
export interface TrailIndexDoc {
  position: number;
  agency: string;
  officer: string;
  orgUnit: string;
  type: string;
  subjectRef: string | null;
  occurredOn: string | null;
  correctedBy: CorrectionRef[];
  lastPosition: number;
}

/** 3: an index of positions with the corrections received, no longer a copy of each event. */
const TRAIL_BASE_VERSION = 3;

export function createInspectionTrailProjection(): Projection<TrailIndexDoc> {
  return {
    name: INSPECTION_TRAIL,
    version: projectionVersion(TRAIL_BASE_VERSION),
    collections: [TRAIL],
    // Only what GET /trail filters on (actor, agency, org unit, type, beneficiary, a date range), each
    // followed by position, its order: every index costs a B-tree insert per event (one document per event).
    indexes: {
      [TRAIL]: [
        ['position'],
        ['agency', 'position'],
        ['officer', 'position'],
        ['orgUnit', 'position'],
        ['type', 'position'],
        ['subjectRef', 'position'],
        ['occurredOn', 'position'],
      ],
    },
    keys(event) {
      const keys: DocumentKey[] = [{ collection: TRAIL, id: event.id }];
      const correction = correctionOf(event);
      if (correction && correction.correctsEventId !== event.id) {
        keys.push({ collection: TRAIL, id: correction.correctsEventId });
      }
      return keys;
    },
    reduce(doc, event, key) {
      if (alreadyApplied(doc, event)) return doc;
      if (key.id === event.id) return trailIndexOf(event);
      const correction = correctionOf(event);
      // The corrected event's own document; without it (never projected here) there is nothing to annotate.
      if (!doc || !correction) return doc;
      return {
        ...doc,
        correctedBy: [...doc.correctedBy, correctionRef(event, correction)],
        lastPosition: event.position,
      };
    },
  };
}

function trailIndexOf(event: RecordedEvent): TrailIndexDoc {
  const correction = correctionOf(event);
  const { madeBy } = correctionActors(event);
  const subjectRefs = subjectRefsOf(correction?.original ? correction.original.data : event.data);
  return {
    position: event.position,
    agency: madeBy.agency,
    officer: madeBy.officer,
    orgUnit: event.metadata.orgUnit,
    type: event.type,
    subjectRef: subjectRefs[0] ?? null,
    occurredOn: localDate(event.metadata.occurredAt),
    correctedBy: [],
    lastPosition: event.position,
  };
}

/**
 * The trail entry of an event (upcast as the projections see it) from its stored document: what it recorded,
 * what it moved under the plan's rules, and what the corrections it received made of it.
 */
export function trailEntryOf(event: RecordedEvent, index: TrailIndexDoc, plan: PlanModel): TrailDoc {
  let entry = trailDocOf(event, plan);
  for (const ref of index.correctedBy) entry = correctedDoc(entry, ref);
  return { ...entry, lastPosition: index.lastPosition };
}

function trailDocOf(event: RecordedEvent, plan: PlanModel): TrailDoc {
  const { metadata } = event;
  const correction = correctionOf(event);
  const { madeBy, approvedBy } = correctionActors(event);
  const subjectData = correction?.original ? correction.original.data : event.data;
  const subjectRefs = subjectRefsOf(subjectData);
  const subjectIds = subjectIdsOf(subjectData);
  let contributions: TrailContribution[] = [];
  let contributionsKnown = true;
  try {
    const originalOccurredAt = correction?.original?.occurredAt ?? metadata.occurredAt;
    contributions = contributionsOf(event, plan.rules).map((c) => trailContribution(c, originalOccurredAt));
  } catch (error) {
    if (!(error instanceof ContributionInputError)) throw error;
    contributionsKnown = false;
  }
  return {
    eventId: event.id,
    position: event.position,
    type: event.type,
    schemaVersion: event.schemaVersion,
    stream: event.stream,
    revision: event.revision,
    recordedAt: event.recordedAt,
    occurredAt: metadata.occurredAt,
    occurredOn: localDate(metadata.occurredAt),
    officer: madeBy.officer,
    agency: madeBy.agency,
    role: madeBy.role,
    approvedBy,
    orgUnit: metadata.orgUnit,
    subjectRefs,
    subjectRef: subjectRefs[0] ?? null,
    subjectIds,
    subjectId: Object.values(subjectIds)[0] ?? null,
    evidence: metadata.evidence ?? [],
    commandId: metadata.commandId,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    data: event.data,
    effectiveData: event.data,
    contributions,
    contributionsKnown,
    status: 'effective',
    corrects: correction
      ? {
          eventId: correction.correctsEventId,
          type: correction.correctedType,
          kind: correction.kind,
          reason: correction.reason,
          changes: correction.changes,
          officer: correction.original?.actor?.officer ?? null,
          agency: correction.original?.actor?.agency ?? null,
          occurredAt: correction.original?.occurredAt ?? null,
        }
      : null,
    correctedAgency: correction?.original?.actor?.agency ?? null,
    correctedBy: [],
    lastPosition: event.position,
  };
}

function trailContribution(c: Contribution, occurredAt: string): TrailContribution {
  const month = contributionMonth(c, occurredAt);
  return c.mode === 'add'
    ? {
        indicatorKey: c.indicatorKey,
        definitionVersion: c.definitionVersion,
        orgUnit: c.orgUnit,
        mode: 'add',
        part: c.part,
        delta: c.delta,
        value: null,
        numerator: null,
        denominator: null,
        measurementId: null,
        period: c.period,
        month,
      }
    : {
        indicatorKey: c.indicatorKey,
        definitionVersion: c.definitionVersion,
        orgUnit: c.orgUnit,
        mode: 'set',
        part: null,
        delta: null,
        value: c.value,
        numerator: c.numerator,
        denominator: c.denominator,
        measurementId: c.measurementId,
        period: c.period,
        month,
      };
}

function correctionRef(event: RecordedEvent, correction: CorrectionView): CorrectionRef {
  const { madeBy, approvedBy } = correctionActors(event);
  return {
    eventId: event.id,
    kind: correction.kind,
    reason: correction.reason,
    changes: correction.changes,
    officer: madeBy.officer,
    agency: madeBy.agency,
    approvedBy,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.recordedAt,
    position: event.position,
  };
}

function correctedDoc(doc: TrailDoc, ref: CorrectionRef): TrailDoc {
  const retracted = doc.status === 'retracted' || ref.kind === 'retraction';
  return {
    ...doc,
    status: retracted ? 'retracted' : 'amended',
    effectiveData: retracted ? null : { ...(doc.effectiveData as object), ...(ref.changes ?? {}) },
    correctedBy: [...doc.correctedBy, ref],
    lastPosition: ref.position,
  };
}
