// figure-assurance: what stands behind each figure of indicator-progress. A figure is claimed when
// recorded (indicator-progress holds it), verified once someone else checked the actions behind it, and
// official once verified and inside an approved period report. Collections:
//
//   verified-months   indicator x org unit x month, the same shape as indicator-months, from verified
//                     contributions only: ActionVerified adds what the action contributes, ActionDisputed of
//                     a verified action takes it back, an approved correction (EventCorrected carrying
//                     `approval`, of a verified action) moves it by the correction's difference.
//   official-months   the same shape, set by ReportApproved from the verified figures the approver signed off,
//                     for each month of the report's period, in the report's own org unit.
//   figure-changes    one entry per event x indicator x org unit x month that moved a claimed or verified
//                     figure: what changed, why (kind, reason), by whom, at which position. Read for
//                     restatements and for what changed after an approval. Kept in the unit the action counts
//                     in only: a district's changes are put together from its units' when read
//                     (figure-changes.read.ts), so that an event writes one entry per indicator and month, not
//                     one more per roll-up.
//   report-approvals  one per approved report (indicator x org unit x period): the standing approval and
//                     its history.
//   house-claims      one per household and org unit: the cases registered for it (multipleCases when two or
//   house-cases       more); one per housing case: its household and its completions, by agency, so that a
//                     house two programmes recorded counts once (see house-claims.ts).
import {
  EVENT_CORRECTED,
  ACTION_DISPUTED,
  ACTION_VERIFIED,
  approvalOf,
  REPORT_APPROVED,
  type ActionDisputedData,
  type ActionOriginal,
  type ActionVerifiedData,
  type ReportApprovedData,
  type ReportMonth,
  ContributionInputError,
  contributionsOf,
  eventTypesReached,
  reverseContributions,
  type Contribution,
  type ContributionPart,
  type RecordedEvent,
  contributionDay,
  correctionOf,
  monthFromIndex,
  monthIndex,
  monthsOfPeriod,
  type PlanModel,
} from '@ledger/domain';
import {
  applyContributionToMonth,
  emptyIndicatorMonth,
  indicatorMonthId,
  type IndicatorMonthDoc,
  type PartSums,
  type RoutedContribution,
} from './indicator-progress.projection';
import type { DocumentKey, Projection } from '../projection';
import { alreadyApplied, projectionVersion } from './reducer-helpers';
import {
  houseClaimKeys,
  reduceHouseCase,
  reduceHouseholdCases,
  HOUSE_CASES,
  HOUSE_CLAIMS,
  HOUSE_CLAIM_EVENT_TYPES,
  type HouseCaseDoc,
  type HouseholdCasesDoc,
} from './house-claims';

export const FIGURE_ASSURANCE = 'figure-assurance';
export const VERIFIED_MONTHS = 'verified-months';
export const OFFICIAL_MONTHS = 'official-months';
export const FIGURE_CHANGES = 'figure-changes';
export const REPORT_APPROVALS = 'report-approvals';

export type FigureChangeKind =
  'new_action' | 'correction' | 'approved_correction' | 'verification' | 'dispute';

export interface FigureChangeDoc {
  indicatorKey: string;
  orgUnit: string;
  /** The month of the figure that moved. */
  month: string;
  eventId: string;
  type: string;
  kind: FigureChangeKind;
  /** The event the change is about (the corrected or verified action); the event itself for a new action. */
  actionEventId: string;
  reason: string | null;
  stream: string;
  position: number;
  recordedAt: string;
  occurredAt: string;
  officer: string;
  agency: string;
  /** What the event added to the claimed and verified sums (per part). */
  claimed: PartSums;
  verified: PartSums;
  /** Measurements set (value) or withdrawn (null) by the event. */
  measurements: Array<{
    measurementId: string;
    orgUnit: string;
    claimed: boolean;
    verified: boolean;
    value: number | null;
  }>;
  lastPosition: number;
}

export interface ReportApprovalRecord {
  eventId: string;
  position: number;
  upToPosition: number;
  figuresDigest: string;
  approvedBy: { officer: string; agency: string };
  approvedAt: string;
  note: string | null;
}

export interface ReportApprovalDoc {
  indicatorKey: string;
  orgUnit: string;
  period: string;
  firstMonth: string;
  lastMonth: string;
  level: string | null;
  current: ReportApprovalRecord & { figures: ReportApprovedData['figures'] };
  history: ReportApprovalRecord[];
  lastPosition: number;
}

export type OfficialMonthDoc = IndicatorMonthDoc & { period: string; approvalEventId: string };

/**
 * 2: house-claims per household and house-cases per case, instead of one house-claims per org unit.
 * 4: figure-changes in the action's own unit only, not copied into each roll-up.
 */
const BASE_VERSION = 4;

interface Routed extends RoutedContribution {
  side: 'claimed' | 'verified';
}

interface Analysis {
  kind: FigureChangeKind | null;
  actionEventId: string;
  reason: string | null;
  routed: Routed[];
}

export function figureChangeId(
  eventId: string,
  indicatorKey: string,
  orgUnit: string,
  month: string,
): string {
  return `${eventId}:${indicatorKey}:${orgUnit}:${month}`;
}

export function reportApprovalId(indicatorKey: string, orgUnit: string, period: string): string {
  return `${indicatorKey}:${orgUnit}:${period}`;
}

export function createFigureAssuranceProjection(plan: PlanModel): Projection {
  const analysed = new WeakMap<RecordedEvent, Analysis>();
  const analysis = (event: RecordedEvent): Analysis => {
    let known = analysed.get(event);
    if (!known) {
      known = analyse(event, plan);
      analysed.set(event, known);
    }
    return known;
  };
  return {
    name: FIGURE_ASSURANCE,
    version: projectionVersion(BASE_VERSION, plan.rules, plan.rollUps),
    collections: [
      VERIFIED_MONTHS,
      OFFICIAL_MONTHS,
      FIGURE_CHANGES,
      REPORT_APPROVALS,
      HOUSE_CLAIMS,
      HOUSE_CASES,
    ],
    eventTypes: [
      ...new Set([
        ...eventTypesReached(plan.rules),
        ...HOUSE_CLAIM_EVENT_TYPES,
        EVENT_CORRECTED,
        ACTION_VERIFIED,
        ACTION_DISPUTED,
        REPORT_APPROVED,
      ]),
    ],
    indexes: {
      [VERIFIED_MONTHS]: [['indicatorKey', 'orgUnit', 'month']],
      [OFFICIAL_MONTHS]: [['indicatorKey', 'orgUnit', 'month']],
      [FIGURE_CHANGES]: [
        ['indicatorKey', 'orgUnit', 'position'],
        ['indicatorKey', 'orgUnit', 'recordedAt'],
      ],
      [REPORT_APPROVALS]: [['indicatorKey', 'period'], ['orgUnit', 'period'], ['lastPosition']],
      [HOUSE_CLAIMS]: [['multipleCases', 'orgUnit']],
      [HOUSE_CASES]: [['caseId']],
    },
    keys(event) {
      const keys: DocumentKey[] = [];
      const seen = new Set<string>();
      const push = (key: DocumentKey) => {
        const name = `${key.collection}\u0000${key.id}`;
        if (seen.has(name)) return;
        seen.add(name);
        keys.push(key);
      };
      const { routed } = analysis(event);
      for (const r of routed) {
        if (r.side === 'verified') push(r.key);
        if (!ownUnit(r)) continue;
        push({
          collection: FIGURE_CHANGES,
          id: figureChangeId(event.id, r.contribution.indicatorKey, r.orgUnit, r.month),
        });
      }
      if (event.type === REPORT_APPROVED) {
        const data = event.data as ReportApprovedData;
        for (const month of periodMonths(data.period))
          push({ collection: OFFICIAL_MONTHS, id: indicatorMonthId(data.indicatorKey, data.orgUnit, month) });
        push({
          collection: REPORT_APPROVALS,
          id: reportApprovalId(data.indicatorKey, data.orgUnit, data.period),
        });
      }
      for (const key of houseClaimKeys(event)) push(key);
      return keys;
    },
    reduce(doc, event, key) {
      if (alreadyApplied(doc as { lastPosition: number } | null, event)) return doc;
      switch (key.collection) {
        case VERIFIED_MONTHS:
          return reduceVerified(doc as IndicatorMonthDoc | null, event, key, analysis(event), plan);
        case FIGURE_CHANGES:
          return figureChange(event, key, analysis(event));
        case OFFICIAL_MONTHS:
          return officialMonth(event, key, plan);
        case REPORT_APPROVALS:
          return reportApproval(doc as ReportApprovalDoc | null, event, plan);
        case HOUSE_CLAIMS:
          return reduceHouseholdCases(doc as HouseholdCasesDoc | null, event);
        case HOUSE_CASES:
          return reduceHouseCase(doc as HouseCaseDoc | null, event, key, plan);
        default:
          return doc;
      }
    },
  };
}

/** The action an ActionVerified or ActionDisputed is about, as the contribution rules read an event. */
function originalEvent(original: ActionOriginal, eventId: string) {
  return {
    id: eventId,
    type: original.type,
    data: original.data,
    metadata: { orgUnit: original.orgUnit, occurredAt: original.occurredAt },
  };
}

function safeContributions(compute: () => Contribution[]): Contribution[] {
  try {
    return compute();
  } catch (error) {
    if (error instanceof ContributionInputError) return [];
    throw error;
  }
}

function analyse(event: RecordedEvent, plan: PlanModel): Analysis {
  let claimed: Contribution[] = [];
  let verified: Contribution[] = [];
  let occurredAt = event.metadata.occurredAt;
  let kind: FigureChangeKind | null = null;
  let actionEventId = event.id;
  let reason: string | null = null;
  if (event.type === ACTION_VERIFIED) {
    const data = event.data as ActionVerifiedData;
    verified = safeContributions(() =>
      contributionsOf(originalEvent(data.original, data.eventId), plan.rules),
    );
    occurredAt = data.original.occurredAt;
    kind = 'verification';
    actionEventId = data.eventId;
    reason = [data.method, data.note].filter(Boolean).join(': ');
  } else if (event.type === ACTION_DISPUTED) {
    const data = event.data as ActionDisputedData;
    if (data.withdrawsVerification)
      verified = reverseContributions(
        safeContributions(() => contributionsOf(originalEvent(data.original, data.eventId), plan.rules)),
      );
    occurredAt = data.original.occurredAt;
    kind = 'dispute';
    actionEventId = data.eventId;
    reason = data.reason;
  } else if (event.type === EVENT_CORRECTED) {
    const correction = correctionOf(event);
    claimed = safeContributions(() => contributionsOf(event, plan.rules));
    const approved = approvalOf(event) !== null;
    if (approved) verified = claimed;
    occurredAt = correction?.original?.occurredAt ?? occurredAt;
    kind = approved ? 'approved_correction' : 'correction';
    actionEventId = correction?.correctsEventId ?? event.id;
    reason = correction?.reason ?? null;
  } else if (event.type !== REPORT_APPROVED) {
    claimed = safeContributions(() => contributionsOf(event, plan.rules));
    kind = 'new_action';
  }
  const routed: Routed[] = [];
  const route = (side: Routed['side'], contributions: Contribution[]) => {
    for (const contribution of contributions) {
      const day = contributionDay(contribution, occurredAt);
      if (day === null) continue;
      const month = day.slice(0, 7);
      for (const orgUnit of [contribution.orgUnit, ...(plan.rollUps[contribution.orgUnit] ?? [])]) {
        routed.push({
          side,
          key: {
            collection: VERIFIED_MONTHS,
            id: indicatorMonthId(contribution.indicatorKey, orgUnit, month),
          },
          orgUnit,
          month,
          day,
          contribution,
        });
      }
    }
  };
  route('claimed', claimed);
  route('verified', verified);
  return { kind, actionEventId, reason, routed };
}

/** A contribution routed to the unit it counts in, not to a unit it rolls up to. */
const ownUnit = (r: RoutedContribution): boolean => r.orgUnit === r.contribution.orgUnit;

function reduceVerified(
  doc: IndicatorMonthDoc | null,
  event: RecordedEvent,
  key: DocumentKey,
  analysis: Analysis,
  plan: PlanModel,
): IndicatorMonthDoc | null {
  const mine = analysis.routed.filter((r) => r.side === 'verified' && r.key.id === key.id);
  if (mine.length === 0) return doc;
  let next = doc ?? emptyIndicatorMonth(mine[0], plan);
  for (const r of mine) next = applyContributionToMonth(next, r, event);
  return { ...next, events: next.events + 1, lastEventId: event.id, lastPosition: event.position };
}

const zero = (): PartSums => ({ value: 0, numerator: 0, denominator: 0 });
const tidy = (n: number) => Number(n.toPrecision(15));

function figureChange(event: RecordedEvent, key: DocumentKey, analysis: Analysis): FigureChangeDoc | null {
  const mine = analysis.routed.filter(
    (r) => ownUnit(r) && figureChangeId(event.id, r.contribution.indicatorKey, r.orgUnit, r.month) === key.id,
  );
  if (mine.length === 0 || analysis.kind === null) return null;
  const claimed = zero();
  const verified = zero();
  const measurements: FigureChangeDoc['measurements'] = [];
  for (const r of mine) {
    const c = r.contribution;
    if (c.mode === 'add') {
      const sums = r.side === 'claimed' ? claimed : verified;
      sums[c.part as ContributionPart] = tidy(sums[c.part as ContributionPart] + c.delta);
    } else {
      measurements.push({
        measurementId: c.measurementId,
        orgUnit: c.orgUnit,
        claimed: r.side === 'claimed',
        verified: r.side === 'verified',
        value: c.value,
      });
    }
  }
  const moved = Object.values(claimed).some((v) => v !== 0) || Object.values(verified).some((v) => v !== 0);
  if (!moved && measurements.length === 0) return null;
  const first = mine[0];
  return {
    indicatorKey: first.contribution.indicatorKey,
    orgUnit: first.orgUnit,
    month: first.month,
    eventId: event.id,
    type: event.type,
    kind: analysis.kind,
    actionEventId: analysis.actionEventId,
    reason: analysis.reason,
    stream: event.stream,
    position: event.position,
    recordedAt: event.recordedAt,
    occurredAt: event.metadata.occurredAt,
    officer: event.metadata.actor.officer,
    agency: event.metadata.actor.agency,
    claimed,
    verified,
    measurements,
    lastPosition: event.position,
  };
}

export function periodMonths(period: string): string[] {
  const range = monthsOfPeriod(period);
  if (!range) return [];
  const out: string[] = [];
  for (let i = monthIndex(range.first); i <= monthIndex(range.last); i++) out.push(monthFromIndex(i));
  return out;
}

function officialMonth(event: RecordedEvent, key: DocumentKey, plan: PlanModel): OfficialMonthDoc | null {
  if (event.type !== REPORT_APPROVED) return null;
  const data = event.data as ReportApprovedData;
  const month = key.id.slice(key.id.lastIndexOf(':') + 1);
  const signed: ReportMonth | undefined = data.figures.verified.find((m) => m.month === month);
  if (!signed) return null;
  return {
    indicatorKey: data.indicatorKey,
    orgUnit: data.orgUnit,
    level: plan.levels[data.orgUnit] ?? null,
    month,
    year: Number(month.slice(0, 4)),
    sums: signed.sums,
    ownSums: signed.ownSums,
    units: signed.units,
    measurements: signed.measurements,
    definitionVersions: signed.definitionVersions,
    events: 1,
    lastEventId: event.id,
    lastPosition: event.position,
    period: data.period,
    approvalEventId: event.id,
  };
}

function reportApproval(
  doc: ReportApprovalDoc | null,
  event: RecordedEvent,
  plan: PlanModel,
): ReportApprovalDoc | null {
  if (event.type !== REPORT_APPROVED) return doc;
  const data = event.data as ReportApprovedData;
  const range = monthsOfPeriod(data.period);
  if (!range) return doc;
  const record: ReportApprovalRecord = {
    eventId: event.id,
    position: event.position,
    upToPosition: data.upToPosition,
    figuresDigest: data.figuresDigest,
    approvedBy: { officer: event.metadata.actor.officer, agency: event.metadata.actor.agency },
    approvedAt: event.recordedAt,
    note: data.note,
  };
  return {
    indicatorKey: data.indicatorKey,
    orgUnit: data.orgUnit,
    period: data.period,
    firstMonth: range.first,
    lastMonth: range.last,
    level: plan.levels[data.orgUnit] ?? null,
    current: { ...record, figures: data.figures },
    history: [...(doc?.history ?? []), record],
    lastPosition: event.position,
  };
}
