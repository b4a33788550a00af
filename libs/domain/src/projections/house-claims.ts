// Double claims of houses (issue 8): two agencies (or two programmes) may each record a house for the same
// household, in cases of their own. The figure counts the house once; each agency keeps the action in its own
// trail; the pair is listed for review. A completion does not name the household, its case's registration
// does: both sit in the case's org unit, so one document per org unit (the commune) holds the case ->
// household map and the completions recorded per household.
import { EVENT_CORRECTED } from '../corrections/correction.event';
import {
  ACTION_DISPUTED,
  ACTION_VERIFIED,
  approvalOf,
  type ActionDisputedData,
  type ActionVerifiedData,
} from '../four-eyes/four-eyes.events';
import { ContributionInputError, contributionsOf } from '../plan/contributions';
import type { ContributionPart } from '../plan/contribution-rules';
import type { RecordedEvent } from '../shared/envelope';
import { contributionMonth, correctionOf, dataRecord } from './event-reading';
import type { PlanModel } from './plan-model';
import type { DocumentKey } from './projection';

export const HOUSE_CLAIMS = 'house-claims';
const REGISTERED = 'HousingCaseRegistered';
const COMPLETED = 'HousingConstructionCompleted';
export const HOUSE_CLAIM_EVENT_TYPES = [REGISTERED, COMPLETED] as const;

export interface HouseClaim {
  eventId: string;
  caseId: string;
  stream: string;
  agency: string;
  officer: string;
  occurredAt: string;
  position: number;
  /** Retracted claims stay listed, inactive. */
  active: boolean;
  verified: boolean;
  /** What the completion adds to the figures (positive `add` contributions): taken back for a duplicate. */
  contributions: Array<{ indicatorKey: string; part: ContributionPart; delta: number; month: string }>;
}

export interface HouseClaimsDoc {
  orgUnit: string;
  /** caseId -> household reference, from the registrations. */
  cases: Record<string, string>;
  /** household reference -> completions recorded for it, oldest first. */
  households: Record<string, HouseClaim[]>;
  /** Households with more than one active completion, and the claims beyond the first. */
  duplicates: Array<{ householdRef: string; counted: string; notCounted: string[]; agencies: string[] }>;
  duplicate: boolean;
  lastPosition: number;
}

/** The org unit whose house-claims document an event touches; null when it touches none. */
function unitOf(event: RecordedEvent): string | null {
  if (event.type === REGISTERED || event.type === COMPLETED) return event.metadata.orgUnit;
  if (event.type === EVENT_CORRECTED) {
    const type = correctionOf(event)?.correctedType;
    return type === REGISTERED || type === COMPLETED ? event.metadata.orgUnit : null;
  }
  if (event.type === ACTION_VERIFIED || event.type === ACTION_DISPUTED) {
    const { original } = event.data as ActionVerifiedData | ActionDisputedData;
    return original?.type === COMPLETED ? original.orgUnit : null;
  }
  return null;
}

export function houseClaimKeys(event: RecordedEvent): DocumentKey[] {
  const unit = unitOf(event);
  return unit ? [{ collection: HOUSE_CLAIMS, id: unit }] : [];
}

function withClaim(
  doc: HouseClaimsDoc,
  eventId: string,
  change: (claim: HouseClaim) => HouseClaim,
): HouseClaimsDoc {
  const households: Record<string, HouseClaim[]> = {};
  for (const [ref, claims] of Object.entries(doc.households))
    households[ref] = claims.map((c) => (c.eventId === eventId ? change(c) : c));
  return { ...doc, households };
}

function withDuplicates(doc: HouseClaimsDoc): HouseClaimsDoc {
  const duplicates: HouseClaimsDoc['duplicates'] = [];
  for (const [householdRef, claims] of Object.entries(doc.households).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const active = claims.filter((c) => c.active);
    if (active.length < 2) continue;
    duplicates.push({
      householdRef,
      counted: active[0].eventId,
      notCounted: active.slice(1).map((c) => c.eventId),
      agencies: [...new Set(active.map((c) => c.agency))].sort(),
    });
  }
  return { ...doc, duplicates, duplicate: duplicates.length > 0 };
}

export function reduceHouseClaims(
  doc: HouseClaimsDoc | null,
  event: RecordedEvent,
  key: DocumentKey,
  plan: PlanModel,
): HouseClaimsDoc | null {
  let next: HouseClaimsDoc = doc ?? {
    orgUnit: key.id,
    cases: {},
    households: {},
    duplicates: [],
    duplicate: false,
    lastPosition: 0,
  };
  const data = dataRecord(event.data);
  if (event.type === REGISTERED) {
    const caseId = String(data.caseId ?? '');
    const ref = String(data.householdRef ?? '');
    if (caseId && ref) next = { ...next, cases: { ...next.cases, [caseId]: ref } };
  } else if (event.type === COMPLETED) {
    const caseId = String(data.caseId ?? '');
    const ref = next.cases[caseId];
    if (ref) {
      let contributions: HouseClaim['contributions'] = [];
      try {
        contributions = contributionsOf(event, plan.rules).flatMap((c) => {
          if (c.mode !== 'add' || c.delta <= 0) return [];
          const month = contributionMonth(c, event.metadata.occurredAt);
          return month ? [{ indicatorKey: c.indicatorKey, part: c.part, delta: c.delta, month }] : [];
        });
      } catch (error) {
        if (!(error instanceof ContributionInputError)) throw error;
      }
      const claim: HouseClaim = {
        eventId: event.id,
        caseId,
        stream: event.stream,
        agency: event.metadata.actor.agency,
        officer: event.metadata.actor.officer,
        occurredAt: event.metadata.occurredAt,
        position: event.position,
        active: true,
        verified: false,
        contributions,
      };
      next = { ...next, households: { ...next.households, [ref]: [...(next.households[ref] ?? []), claim] } };
    }
  } else if (event.type === EVENT_CORRECTED) {
    const correction = correctionOf(event);
    if (correction?.kind === 'retraction') {
      if (correction.correctedType === COMPLETED)
        next = withClaim(next, correction.correctsEventId, (c) => ({
          ...c,
          active: false,
          verified: c.verified && approvalOf(event) === null,
        }));
    }
  } else if (event.type === ACTION_VERIFIED) {
    next = withClaim(next, (event.data as ActionVerifiedData).eventId, (c) => ({ ...c, verified: true }));
  } else if (event.type === ACTION_DISPUTED) {
    next = withClaim(next, (event.data as ActionDisputedData).eventId, (c) => ({ ...c, verified: false }));
  }
  return { ...withDuplicates(next), lastPosition: event.position };
}

/**
 * Month documents of one indicator and org unit with each house counted once: the contributions of every
 * active completion beyond the first for the same household are taken back. `side` 'verified' looks only at
 * verified completions (for the verified-months documents).
 */
export function withoutDoubleClaims<
  D extends {
    month: string;
    orgUnit: string;
    sums: Record<ContributionPart, number>;
    ownSums: Record<ContributionPart, number>;
  },
>(
  monthDocs: readonly D[],
  claimDocs: readonly HouseClaimsDoc[],
  indicatorKey: string,
  orgUnit: string,
  rollUps: Readonly<Record<string, readonly string[]>>,
  side: 'claimed' | 'verified',
): D[] {
  const byMonth = new Map<string, { own: boolean; part: ContributionPart; delta: number }[]>();
  for (const doc of claimDocs) {
    const own = doc.orgUnit === orgUnit;
    if (!own && !(rollUps[doc.orgUnit] ?? []).includes(orgUnit)) continue;
    for (const claims of Object.values(doc.households)) {
      const counted = claims.filter((c) => c.active && (side === 'claimed' || c.verified));
      for (const extra of counted.slice(1))
        for (const c of extra.contributions)
          if (c.indicatorKey === indicatorKey)
            byMonth.set(c.month, [...(byMonth.get(c.month) ?? []), { own, part: c.part, delta: c.delta }]);
    }
  }
  if (byMonth.size === 0) return [...monthDocs];
  return monthDocs.map((doc) => {
    const takeBack = byMonth.get(doc.month);
    if (!takeBack) return doc;
    const sums = { ...doc.sums };
    const ownSums = { ...doc.ownSums };
    for (const t of takeBack) {
      sums[t.part] = Number((sums[t.part] - t.delta).toPrecision(15));
      if (t.own) ownSums[t.part] = Number((ownSums[t.part] - t.delta).toPrecision(15));
    }
    return { ...doc, sums, ownSums };
  });
}
