// inspection-trail: one document per event, for inspectors tracing who did what, when, where, for whom,
// with what evidence, what it moved on the plan's indicators, and what was corrected later. A correction
// has its own document pointing at the event it corrects (`corrects`), and the corrected event's document
// lists it in `correctedBy` with its status (effective, amended, retracted).
import {
  type CorrectionKind,
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
  officer: string;
  agency: string;
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
  officer: string;
  agency: string;
  role: string;
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

const TRAIL_BASE_VERSION = 2;

export function createInspectionTrailProjection(plan: PlanModel): Projection<TrailDoc> {
  return {
    name: INSPECTION_TRAIL,
    version: projectionVersion(TRAIL_BASE_VERSION, plan.rules),
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
      if (key.id === event.id) return trailDocOf(event, plan);
      const correction = correctionOf(event);
      // The corrected event's own document; without it (never projected here) there is nothing to annotate.
      if (!doc || !correction) return doc;
      return correctedDoc(doc, event, correction);
    },
  };
}

function trailDocOf(event: RecordedEvent, plan: PlanModel): TrailDoc {
  const { metadata } = event;
  const correction = correctionOf(event);
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
    officer: metadata.actor.officer,
    agency: metadata.actor.agency,
    role: metadata.actor.role,
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

function correctedDoc(doc: TrailDoc, event: RecordedEvent, correction: CorrectionView): TrailDoc {
  const ref: CorrectionRef = {
    eventId: event.id,
    kind: correction.kind,
    reason: correction.reason,
    changes: correction.changes,
    officer: event.metadata.actor.officer,
    agency: event.metadata.actor.agency,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.recordedAt,
    position: event.position,
  };
  const retracted = doc.status === 'retracted' || correction.kind === 'retraction';
  return {
    ...doc,
    status: retracted ? 'retracted' : 'amended',
    effectiveData: retracted ? null : { ...(doc.effectiveData as object), ...(correction.changes ?? {}) },
    correctedBy: [...doc.correctedBy, ref],
    lastPosition: event.position,
  };
}
