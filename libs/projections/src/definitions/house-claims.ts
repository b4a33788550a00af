// Double claims of houses: two agencies (or two programmes) may each record a house for the same
// household, in cases of their own. The figure counts the house once; each agency keeps the action in its own
// trail; the pair is listed for review. A completion does not name the household, its case's registration
// does, and keys() reads the event alone. So two bounded collections, both in the case's org unit:
//
//   house-cases   one per case (id: caseId): its household (from the registration) and the completions
//                 recorded in it, with their verification and retraction.
//   house-claims  one per household and org unit (id: houseClaimId): the cases registered for it, with an
//                 indexed `multipleCases` flag. Only a household of two cases or more can be claimed twice,
//                 so the reader fetches those (of an org unit and the communes below it) with one indexed
//                 query, then their cases, and tells the double claims from the completions (householdClaims,
//                 duplicateOf). Neither document grows with the commune.
import {
  EVENT_CORRECTED,
  ACTION_DISPUTED,
  ACTION_VERIFIED,
  approvalOf,
  type ActionDisputedData,
  type ActionVerifiedData,
  ContributionInputError,
  contributionsOf,
  type ContributionPart,
  type RecordedEvent,
  contributionDay,
  correctionOf,
  dataRecord,
  type PlanModel,
} from '@ledger/domain';
import type { DocumentKey } from '../projection';

export const HOUSE_CLAIMS = 'house-claims';
export const HOUSE_CASES = 'house-cases';
const REGISTERED = 'HousingCaseRegistered';
const COMPLETED = 'HousingConstructionCompleted';
/** A correction sits in the stream of the event it corrects: housing-case-<caseId>. */
const CASE_STREAM = 'housing-case-';
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
  contributions: Array<{
    indicatorKey: string;
    part: ContributionPart;
    delta: number;
    month: string;
    /** The day (YYYY-MM-DD) it counts from; absent in documents made before days were kept. */
    day?: string;
  }>;
}

/** One household of one org unit: the cases registered for it, oldest first. */
export interface HouseholdCasesDoc {
  orgUnit: string;
  householdRef: string;
  cases: string[];
  /** Two cases or more: the household may be claimed twice (indexed with orgUnit). */
  multipleCases: boolean;
  lastPosition: number;
}

/** One housing case: its household, its registration and the completions recorded in it, oldest first. */
export interface HouseCaseDoc {
  caseId: string;
  /** From the registration; null until it is applied (a completion before it is not a claim). */
  orgUnit: string | null;
  householdRef: string | null;
  /**
   * The registration as a claim on the household (what it adds to the figures: one household registered);
   * absent in documents made before registrations were kept.
   */
  registration?: HouseClaim | null;
  claims: HouseClaim[];
  lastPosition: number;
}

/**
 * The completions recorded for one household of one org unit, every case together, oldest first; and its
 * registrations (one per case), oldest first: a household registered twice counts once, as a house built twice.
 */
export interface HouseholdClaims {
  orgUnit: string;
  householdRef: string;
  claims: HouseClaim[];
  registrations?: HouseClaim[];
}

export interface HouseDuplicate {
  counted: HouseClaim;
  notCounted: HouseClaim[];
  agencies: string[];
}

export function houseClaimId(orgUnit: string, householdRef: string): string {
  return `${orgUnit}:${householdRef}`;
}

function caseIdOf(data: unknown): string {
  const caseId = dataRecord(data).caseId;
  return typeof caseId === 'string' ? caseId : '';
}

/** The house-cases (and, for a registration, house-claims) documents an event touches. */
export function houseClaimKeys(event: RecordedEvent): DocumentKey[] {
  if (event.type === REGISTERED) {
    const data = dataRecord(event.data);
    const caseId = caseIdOf(data);
    const ref = String(data.householdRef ?? '');
    if (!caseId || !ref) return [];
    return [
      { collection: HOUSE_CASES, id: caseId },
      { collection: HOUSE_CLAIMS, id: houseClaimId(event.metadata.orgUnit, ref) },
    ];
  }
  let caseId = '';
  if (event.type === COMPLETED) caseId = caseIdOf(event.data);
  else if (event.type === EVENT_CORRECTED) {
    const correction = correctionOf(event);
    if (
      correction?.kind === 'retraction' &&
      (correction.correctedType === COMPLETED || correction.correctedType === REGISTERED)
    )
      caseId =
        caseIdOf(correction.original?.data) ||
        (event.stream.startsWith(CASE_STREAM) ? event.stream.slice(CASE_STREAM.length) : '');
  } else if (event.type === ACTION_VERIFIED || event.type === ACTION_DISPUTED) {
    const { original } = event.data as ActionVerifiedData | ActionDisputedData;
    if (original?.type === COMPLETED || original?.type === REGISTERED) caseId = caseIdOf(original.data);
  }
  return caseId ? [{ collection: HOUSE_CASES, id: caseId }] : [];
}

function withClaim(
  doc: HouseCaseDoc,
  eventId: string,
  change: (claim: HouseClaim) => HouseClaim,
): HouseCaseDoc {
  const registration = doc.registration?.eventId === eventId ? change(doc.registration) : doc.registration;
  return {
    ...doc,
    ...(registration === undefined ? {} : { registration }),
    claims: doc.claims.map((c) => (c.eventId === eventId ? change(c) : c)),
  };
}

/** What an event adds to the figures (its positive `add` contributions), by day. */
function addedBy(event: RecordedEvent, plan: PlanModel): HouseClaim['contributions'] {
  try {
    return contributionsOf(event, plan.rules).flatMap((c) => {
      if (c.mode !== 'add' || c.delta <= 0) return [];
      const day = contributionDay(c, event.metadata.occurredAt);
      return day
        ? [{ indicatorKey: c.indicatorKey, part: c.part, delta: c.delta, month: day.slice(0, 7), day }]
        : [];
    });
  } catch (error) {
    if (!(error instanceof ContributionInputError)) throw error;
    return [];
  }
}

function claimOf(event: RecordedEvent, caseId: string, plan: PlanModel): HouseClaim {
  return {
    eventId: event.id,
    caseId,
    stream: event.stream,
    agency: event.metadata.actor.agency,
    officer: event.metadata.actor.officer,
    occurredAt: event.metadata.occurredAt,
    position: event.position,
    active: true,
    verified: false,
    contributions: addedBy(event, plan),
  };
}

export function reduceHouseholdCases(
  doc: HouseholdCasesDoc | null,
  event: RecordedEvent,
): HouseholdCasesDoc | null {
  if (event.type !== REGISTERED) return doc;
  const data = dataRecord(event.data);
  const caseId = caseIdOf(data);
  const householdRef = String(data.householdRef ?? '');
  const current: HouseholdCasesDoc = doc ?? {
    orgUnit: event.metadata.orgUnit,
    householdRef,
    cases: [],
    multipleCases: false,
    lastPosition: 0,
  };
  const cases = current.cases.includes(caseId) ? current.cases : [...current.cases, caseId];
  return { ...current, cases, multipleCases: cases.length > 1, lastPosition: event.position };
}

export function reduceHouseCase(
  doc: HouseCaseDoc | null,
  event: RecordedEvent,
  key: DocumentKey,
  plan: PlanModel,
): HouseCaseDoc | null {
  let next: HouseCaseDoc = doc ?? {
    caseId: key.id,
    orgUnit: null,
    householdRef: null,
    claims: [],
    lastPosition: 0,
  };
  if (event.type === REGISTERED) {
    if (next.householdRef === null)
      next = {
        ...next,
        orgUnit: event.metadata.orgUnit,
        householdRef: String(dataRecord(event.data).householdRef ?? ''),
        registration: claimOf(event, key.id, plan),
      };
  } else if (event.type === COMPLETED) {
    // As a completion counts in its case's org unit: one recorded elsewhere, or before the registration, is none.
    if (next.householdRef !== null && next.orgUnit === event.metadata.orgUnit)
      next = { ...next, claims: [...next.claims, claimOf(event, key.id, plan)] };
  } else if (event.type === EVENT_CORRECTED) {
    const correction = correctionOf(event);
    if (
      correction?.kind === 'retraction' &&
      (correction.correctedType === COMPLETED || correction.correctedType === REGISTERED)
    )
      next = withClaim(next, correction.correctsEventId, (c) => ({
        ...c,
        active: false,
        verified: c.verified && approvalOf(event) === null,
      }));
  } else if (event.type === ACTION_VERIFIED) {
    next = withClaim(next, (event.data as ActionVerifiedData).eventId, (c) => ({ ...c, verified: true }));
  } else if (event.type === ACTION_DISPUTED) {
    next = withClaim(next, (event.data as ActionDisputedData).eventId, (c) => ({ ...c, verified: false }));
  }
  return { ...next, lastPosition: event.position };
}

/**
 * The completions of each household, from its house-claims document and the house-cases documents of its
 * cases (those of another household or org unit are left out), oldest first; households in (orgUnit,
 * householdRef) order.
 */
export function householdClaims(
  households: readonly HouseholdCasesDoc[],
  cases: readonly HouseCaseDoc[],
): HouseholdClaims[] {
  const byCase = new Map(cases.map((c) => [c.caseId, c]));
  return [...households]
    .sort((a, b) =>
      a.orgUnit !== b.orgUnit ? (a.orgUnit < b.orgUnit ? -1 : 1) : a.householdRef < b.householdRef ? -1 : 1,
    )
    .map((household) => {
      const cases = household.cases
        .map((id) => byCase.get(id))
        .filter(
          (c): c is HouseCaseDoc =>
            c !== undefined && c.householdRef === household.householdRef && c.orgUnit === household.orgUnit,
        );
      return {
        orgUnit: household.orgUnit,
        householdRef: household.householdRef,
        claims: cases.flatMap((c) => c.claims).sort((a, b) => a.position - b.position),
        registrations: cases
          .flatMap((c) => (c.registration ? [c.registration] : []))
          .sort((a, b) => a.position - b.position),
      };
    });
}

/** A household with more than one active completion: the first counts, the others do not. */
export function duplicateOf(household: HouseholdClaims): HouseDuplicate | null {
  const active = household.claims.filter((c) => c.active);
  if (active.length < 2) return null;
  return {
    counted: active[0],
    notCounted: active.slice(1),
    agencies: [...new Set(active.map((c) => c.agency))].sort(),
  };
}

/**
 * Month documents of one indicator and org unit with each house and each household counted once: the
 * contributions of every active completion beyond the first for the same household, and of every active
 * registration beyond the first (housing_cases_registered counts households), are taken back. `side` 'verified' looks only at
 * verified completions (for the verified-months documents).
 */
export function withoutDoubleClaims<
  D extends {
    month: string;
    orgUnit: string;
    sums: Record<ContributionPart, number>;
    ownSums: Record<ContributionPart, number>;
    days?: Record<string, Record<ContributionPart, number>>;
  },
>(
  monthDocs: readonly D[],
  households: readonly HouseholdClaims[],
  indicatorKey: string,
  orgUnit: string,
  rollUps: Readonly<Record<string, readonly string[]>>,
  side: 'claimed' | 'verified',
): D[] {
  const byMonth = new Map<
    string,
    { own: boolean; part: ContributionPart; delta: number; day: string | undefined }[]
  >();
  for (const household of households) {
    const own = household.orgUnit === orgUnit;
    if (!own && !(rollUps[household.orgUnit] ?? []).includes(orgUnit)) continue;
    const counts = (c: HouseClaim) => c.active && (side === 'claimed' || c.verified);
    // Beyond the first: a second completion of the household's house, a second registration of the household.
    const extras = [
      ...household.claims.filter(counts).slice(1),
      ...(household.registrations ?? []).filter(counts).slice(1),
    ];
    for (const extra of extras)
      for (const c of extra.contributions)
        if (c.indicatorKey === indicatorKey)
          byMonth.set(c.month, [
            ...(byMonth.get(c.month) ?? []),
            { own, part: c.part, delta: c.delta, day: c.day?.slice(8, 10) },
          ]);
  }
  if (byMonth.size === 0) return [...monthDocs];
  return monthDocs.map((doc) => {
    const takeBack = byMonth.get(doc.month);
    if (!takeBack) return doc;
    const sums = { ...doc.sums };
    const ownSums = { ...doc.ownSums };
    const days = doc.days ? { ...doc.days } : undefined;
    for (const t of takeBack) {
      sums[t.part] = Number((sums[t.part] - t.delta).toPrecision(15));
      if (t.own) ownSums[t.part] = Number((ownSums[t.part] - t.delta).toPrecision(15));
      if (days && t.day !== undefined && days[t.day])
        days[t.day] = { ...days[t.day], [t.part]: Number((days[t.day][t.part] - t.delta).toPrecision(15)) };
    }
    return days ? { ...doc, sums, ownSums, days } : { ...doc, sums, ownSums };
  });
}
