// beneficiary-history: every support received per pseudonymous reference (a person, or a household by its
// head's reference), with totals and flags of likely abuse for inspectors:
//
//   same_support_twice        two effective supports of the same kind and programme for overlapping
//                             periods (a social payment for 2024 and another for 2024-05; two enrolments
//                             of one year), or two housing cases, water connections or household latrines
//                             for one household at any time;
//   two_communes_same_period  two effective supports tied to residence recorded in different communes for
//                             overlapping periods (a commune and the commune it merged into in 2025 are the
//                             same place); training and job placement are not tied to residence and never
//                             raise it;
//   above_programme_norm      an amount above the plan model's programme norm (ILLUSTRATIVE by default).
//
// A retraction takes the support out of the totals and the flags; an amendment changes its amount. Housing
// funding names only the case, not the household, so each case has its own document in
// beneficiary-housing (funding from every source, its own flags), found by householdRef.
import {
  ACTION_SUPPORT_KINDS,
  type CorrectionKind,
  EVENT_CORRECTED,
  type RecordedEvent,
  correctionOf,
  dataRecord,
  monthCount,
  monthsOfPeriod,
  monthOf,
  rangesOverlap,
  subjectIdsOf,
  type CorrectionView,
  type MonthRange,
  type NormedSupport,
  type PlanModel,
  type ProgrammeNorm,
  localCalendarOf,
  type SupportKind as SupportData,
} from '@ledger/domain';
import type { DocumentKey, Projection } from '../projection';
import { alreadyApplied, projectionVersion, uniqueKeys } from './reducer-helpers';

export const BENEFICIARY_HISTORY = 'beneficiary-history';
export const BENEFICIARIES = 'beneficiaries';
export const BENEFICIARY_HOUSING = 'beneficiary-housing';

export type SupportStatus = 'effective' | 'amended' | 'retracted';
export type AbuseFlagCode = 'same_support_twice' | 'two_communes_same_period' | 'above_programme_norm';

interface SupportKind {
  refField: string;
  family: string;
  programme(data: Record<string, unknown>): string;
  /** What the support is for: YYYY, YYYY-Qn or YYYY-MM. */
  period(data: Record<string, unknown>, occurredAt: string): string | null;
  amount(data: Record<string, unknown>): { amountVnd: number | null; amountKind: AmountKind | null };
  /** overlap: same programme for overlapping periods; ever: any two; none: never a duplicate. */
  duplicates: 'overlap' | 'ever' | 'none';
  /** Whether it is given where the beneficiary lives (for two_communes_same_period). */
  residenceBound: boolean;
  norm: NormedSupport | null;
}

/** paid, monthly allowance, loan; funded: housing funding approved for the case (see withHousingCases). */
export type AmountKind = 'paid' | 'monthly' | 'loan' | 'funded';

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
/** The year (YYYY) of an instant in Asia/Ho_Chi_Minh. */
const localYearOf = (occurredAt: string): string | null => localCalendarOf(occurredAt)?.year ?? null;
const periodText = (v: unknown): string | null => (typeof v === 'number' ? String(v) : text(v));

/** An event's support kind, from what its action descriptor says about it. */
function supportKindOf(type: string, kind: SupportData): SupportKind {
  const { programme, period, amount } = kind;
  return {
    refField: kind.refField,
    family: kind.family,
    programme:
      'fixed' in programme
        ? () => programme.fixed
        : (d) => `${programme.prefix ?? ''}${text(d[programme.field]) ?? ''}`,
    period:
      'field' in period
        ? (d) => periodText(d[period.field])
        : period.occurred === 'year'
          ? (_d, occurredAt) => localYearOf(occurredAt)
          : (_d, occurredAt) => monthOf(occurredAt),
    amount: amount
      ? (d) => ({ amountVnd: num(d[amount.field]), amountKind: amount.kind })
      : () => ({ amountVnd: null, amountKind: null }),
    duplicates: kind.duplicates,
    residenceBound: kind.residenceBound,
    norm: kind.normed ? (type as NormedSupport) : null,
  };
}

/** The supports, by event type (the action descriptors name them). */
export const SUPPORT_KINDS: Readonly<Record<string, SupportKind>> = Object.fromEntries(
  Object.entries(ACTION_SUPPORT_KINDS).map(([type, kind]) => [type, supportKindOf(type, kind)]),
);

const CERTIFIED = 'TraineeCertified';
const WITHDRAWN = 'HousingCaseWithdrawn';
const HOUSING_CASE_TYPES = [
  'HousingCaseRegistered',
  'HousingFundingApproved',
  'HousingConstructionStarted',
  'HousingConstructionCompleted',
  'HouseHandedOver',
  WITHDRAWN,
];

export interface SupportCorrection {
  eventId: string;
  kind: CorrectionKind;
  reason: string;
  officer: string;
  agency: string;
  recordedAt: string;
  position: number;
}

export interface SupportEntry {
  eventId: string;
  type: string;
  family: string;
  programme: string;
  /** scheme, kind, category, source, ... */
  detail: string | null;
  period: string | null;
  /** The months the period covers. */
  months: MonthRange | null;
  amountVnd: number | null;
  amountKind: AmountKind | null;
  commune: string;
  /** The commune on the latest boundaries (an old commune reads as the one it merged into). */
  communeNow: string;
  orgUnit: string;
  agency: string;
  officer: string;
  occurredAt: string;
  recordedAt: string;
  position: number;
  stream: string;
  ids: Record<string, string>;
  status: SupportStatus;
  corrections: SupportCorrection[];
  /** Training: the certificate, once certified. */
  certificateNo: string | null;
  certifiedAt: string | null;
  /** Housing: the withdrawal of the case (its event id); a withdrawn case leaves the totals and flags. */
  withdrawnBy?: string | null;
}

export interface AbuseFlag {
  code: AbuseFlagCode;
  eventIds: string[];
  detail: string;
}

export interface FlagFields {
  flags: AbuseFlag[];
  flagged: boolean;
  sameSupportTwice: boolean;
  twoCommunesSamePeriod: boolean;
  aboveProgrammeNorm: boolean;
}

export interface BeneficiaryTotals {
  /** Effective supports. */
  supports: number;
  retracted: number;
  /** Housing cases withdrawn (not retracted). */
  withdrawn: number;
  /** Social support paid (SubsidyPaid). */
  paidVnd: number;
  /** Policy loans disbursed. */
  loansVnd: number;
  /** Monthly allowances granted and standing. */
  monthlyAllowanceVnd: number;
  /** family -> effective supports. */
  byFamily: Record<string, number>;
}

export interface BeneficiaryDoc extends FlagFields {
  ref: string;
  supports: SupportEntry[];
  totals: BeneficiaryTotals;
  /** Communes of the effective supports, on the latest boundaries. */
  communes: string[];
  firstOccurredAt: string | null;
  lastOccurredAt: string | null;
  lastPosition: number;
}

export interface HousingFundingEntry {
  eventId: string;
  amountVnd: number;
  source: string;
  agency: string;
  officer: string;
  occurredAt: string;
  recordedAt: string;
  position: number;
  status: SupportStatus;
  corrections: SupportCorrection[];
}

export interface HousingCaseSupportDoc extends FlagFields {
  caseId: string;
  householdRef: string | null;
  commune: string | null;
  category: string | null;
  registeredEventId: string | null;
  /** Effective step events, in order; step is the last of them. */
  steps: { eventId: string; type: string; occurredAt: string; position: number }[];
  step: string | null;
  fundings: HousingFundingEntry[];
  /** Effective funding approved, all sources (0 once the case is withdrawn). */
  fundedVnd: number;
  /** The case was withdrawn before its house was built: why, and when; null otherwise. */
  withdrawal: { eventId: string; grounds: string; reason: string; occurredAt: string } | null;
  sources: string[];
  lastPosition: number;
}

export type BeneficiaryHistoryDoc = BeneficiaryDoc | HousingCaseSupportDoc;

const BENEFICIARY_BASE_VERSION = 2;

export function createBeneficiaryHistoryProjection(plan: PlanModel): Projection<BeneficiaryHistoryDoc> {
  return {
    name: BENEFICIARY_HISTORY,
    version: projectionVersion(
      BENEFICIARY_BASE_VERSION,
      plan.norms,
      plan.latestUnit,
      Object.entries(SUPPORT_KINDS).map(([type, k]) => [type, k.family, k.duplicates, k.residenceBound]),
    ),
    collections: [BENEFICIARIES, BENEFICIARY_HOUSING],
    eventTypes: [
      ...new Set([...Object.keys(SUPPORT_KINDS), CERTIFIED, ...HOUSING_CASE_TYPES, EVENT_CORRECTED]),
    ],
    indexes: {
      [BENEFICIARIES]: [
        ['flagged', 'lastOccurredAt'],
        ['sameSupportTwice', 'lastOccurredAt'],
        ['twoCommunesSamePeriod', 'lastOccurredAt'],
        ['aboveProgrammeNorm', 'lastOccurredAt'],
      ],
      [BENEFICIARY_HOUSING]: [['householdRef'], ['flagged', 'caseId'], ['commune', 'caseId']],
    },
    keys(event) {
      const correction = correctionOf(event);
      const type = correction ? correction.original?.type : event.type;
      const data = dataRecord(correction ? correction.original?.data : event.data);
      if (!type) return [];
      const keys: DocumentKey[] = [];
      const ref = refOf(type, data);
      if (ref) keys.push({ collection: BENEFICIARIES, id: ref });
      const caseId = text(data.caseId);
      if (HOUSING_CASE_TYPES.includes(type) && caseId)
        keys.push({ collection: BENEFICIARY_HOUSING, id: caseId });
      return uniqueKeys(keys);
    },
    reduce(doc, event, key) {
      if (alreadyApplied(doc, event)) return doc;
      if (key.collection === BENEFICIARIES)
        return reduceBeneficiary(doc as BeneficiaryDoc | null, event, key.id, plan);
      if (key.collection === BENEFICIARY_HOUSING) {
        return reduceHousingCase(doc as HousingCaseSupportDoc | null, event, key.id, plan);
      }
      return doc;
    },
  };
}

function refOf(type: string, data: Record<string, unknown>): string | null {
  if (type === CERTIFIED) return text(data.traineeRef);
  if (type === WITHDRAWN) return text(withdrawnRegistration(data).householdRef);
  const kind = SUPPORT_KINDS[type];
  if (!kind) return null;
  if (type === 'HygienicLatrineCompleted' && data.facilityKind !== 'household') return null;
  return text(data[kind.refField]);
}

/** The registration a withdrawal carries among its withdrawn steps. */
function withdrawnRegistration(data: Record<string, unknown>): Record<string, unknown> {
  const steps = Array.isArray(data.withdrawnSteps) ? (data.withdrawnSteps as unknown[]) : [];
  const registration = steps.find((s) => dataRecord(s).type === 'HousingCaseRegistered');
  return dataRecord(dataRecord(registration).data);
}

function detailOf(data: Record<string, unknown>): string | null {
  for (const field of ['scheme', 'kind', 'category', 'source', 'method', 'employer']) {
    const value = text(data[field]);
    if (value) return value;
  }
  return null;
}

function supportEntry(
  type: string,
  data: Record<string, unknown>,
  event: RecordedEvent,
  plan: PlanModel,
): SupportEntry {
  const kind = SUPPORT_KINDS[type];
  const { occurredAt, orgUnit, actor } = event.metadata;
  const period = kind.period(data, occurredAt);
  const commune = text(data.commune) ?? orgUnit;
  return {
    eventId: event.id,
    type,
    family: kind.family,
    programme: kind.programme(data),
    detail: detailOf(data),
    period,
    months: monthsOfPeriod(period),
    ...kind.amount(data),
    commune,
    communeNow: plan.latestUnit[commune] ?? commune,
    orgUnit,
    agency: actor.agency,
    officer: actor.officer,
    occurredAt,
    recordedAt: event.recordedAt,
    position: event.position,
    stream: event.stream,
    ids: subjectIdsOf(data),
    status: 'effective',
    corrections: [],
    certificateNo: null,
    certifiedAt: null,
    withdrawnBy: null,
  };
}

function correctionRef(event: RecordedEvent, correction: CorrectionView): SupportCorrection {
  return {
    eventId: event.id,
    kind: correction.kind,
    reason: correction.reason,
    officer: event.metadata.actor.officer,
    agency: event.metadata.actor.agency,
    recordedAt: event.recordedAt,
    position: event.position,
  };
}

// ---------------------------------------------------------------- beneficiaries

function reduceBeneficiary(
  doc: BeneficiaryDoc | null,
  event: RecordedEvent,
  ref: string,
  plan: PlanModel,
): BeneficiaryDoc | null {
  let supports = doc?.supports ?? [];
  const correction = correctionOf(event);
  if (correction) {
    const original = correction.original;
    if (!original) return doc;
    const changes = correction.changes ?? {};
    if (original.type === WITHDRAWN) {
      if (correction.kind !== 'retraction') return doc;
      supports = supports.map((s) =>
        s.withdrawnBy === correction.correctsEventId ? { ...s, withdrawnBy: null } : s,
      );
    } else if (original.type === CERTIFIED) {
      const courseId = text(dataRecord(original.data).courseId);
      supports = supports.map((s) =>
        s.type === 'TraineeEnrolled' && s.ids.courseId === courseId
          ? correction.kind === 'retraction'
            ? { ...s, certificateNo: null, certifiedAt: null }
            : { ...s, certificateNo: text(changes.certificateNo) ?? s.certificateNo }
          : s,
      );
    } else {
      supports = supports.map((s) => {
        if (s.eventId !== correction.correctsEventId) return s;
        const corrections = [...s.corrections, correctionRef(event, correction)];
        if (correction.kind === 'retraction' || s.status === 'retracted') {
          return { ...s, status: 'retracted', corrections };
        }
        const amended = { ...dataRecord(original.data), ...changes };
        const kind = SUPPORT_KINDS[s.type];
        return {
          ...s,
          ...kind.amount(amended),
          detail: detailOf(amended),
          programme: kind.programme(amended),
          status: 'amended',
          corrections,
        };
      });
    }
  } else if (event.type === WITHDRAWN) {
    const caseId = text(dataRecord(event.data).caseId);
    supports = supports.map((s) =>
      s.type === 'HousingCaseRegistered' && s.ids.caseId === caseId ? { ...s, withdrawnBy: event.id } : s,
    );
  } else if (event.type === CERTIFIED) {
    const data = dataRecord(event.data);
    supports = supports.map((s) =>
      s.type === 'TraineeEnrolled' && s.ids.courseId === text(data.courseId)
        ? { ...s, certificateNo: text(data.certificateNo), certifiedAt: event.metadata.occurredAt }
        : s,
    );
  } else if (SUPPORT_KINDS[event.type]) {
    supports = [
      ...supports.filter((s) => s.eventId !== event.id),
      supportEntry(event.type, dataRecord(event.data), event, plan),
    ];
  } else {
    return doc;
  }
  if (supports.length === 0) return doc;
  return deriveBeneficiary(ref, supports, plan, event.position);
}

function deriveBeneficiary(
  ref: string,
  supports: SupportEntry[],
  plan: PlanModel,
  lastPosition: number,
): BeneficiaryDoc {
  const effective = supports.filter((s) => s.status !== 'retracted' && !s.withdrawnBy);
  const withdrawn = supports.filter((s) => s.status !== 'retracted' && s.withdrawnBy).length;
  const sum = (kind: AmountKind) =>
    effective.filter((s) => s.amountKind === kind).reduce((total, s) => total + (s.amountVnd ?? 0), 0);
  const byFamily: Record<string, number> = {};
  for (const s of effective) byFamily[s.family] = (byFamily[s.family] ?? 0) + 1;
  const dates = effective.map((s) => s.occurredAt).sort();
  return {
    ref,
    supports: [...supports].sort((a, b) => a.position - b.position),
    totals: {
      supports: effective.length,
      retracted: supports.length - effective.length - withdrawn,
      withdrawn,
      paidVnd: sum('paid'),
      loansVnd: sum('loan'),
      monthlyAllowanceVnd: sum('monthly'),
      byFamily,
    },
    communes: [...new Set(effective.map((s) => s.communeNow))].sort(),
    firstOccurredAt: dates[0] ?? null,
    lastOccurredAt: dates[dates.length - 1] ?? null,
    ...flagFields(beneficiaryFlags(effective, plan.norms)),
    lastPosition,
  };
}

function beneficiaryFlags(effective: readonly SupportEntry[], norms: readonly ProgrammeNorm[]): AbuseFlag[] {
  const flags: AbuseFlag[] = [];
  const ordered = [...effective].sort((a, b) => a.position - b.position);
  for (let i = 0; i < ordered.length; i++) {
    for (let j = i + 1; j < ordered.length; j++) {
      const a = ordered[i];
      const b = ordered[j];
      const kind = SUPPORT_KINDS[a.type];
      const overlap = a.months !== null && b.months !== null && rangesOverlap(a.months, b.months);
      if (a.type === b.type && a.programme === b.programme && kind.duplicates !== 'none') {
        if (kind.duplicates === 'ever' || overlap) {
          flags.push({
            code: 'same_support_twice',
            eventIds: [a.eventId, b.eventId],
            detail: `${a.family} ${a.programme} twice: ${a.period ?? '?'} (${a.agency}, ${a.commune}) and ${b.period ?? '?'} (${b.agency}, ${b.commune})`,
          });
        }
      }
      if (
        overlap &&
        SUPPORT_KINDS[a.type].residenceBound &&
        SUPPORT_KINDS[b.type].residenceBound &&
        !samePlace(a, b)
      ) {
        flags.push({
          code: 'two_communes_same_period',
          eventIds: [a.eventId, b.eventId],
          detail: `${a.family} in ${a.commune} for ${a.period ?? '?'} and ${b.family} in ${b.commune} for ${b.period ?? '?'}`,
        });
      }
    }
  }
  for (const s of ordered) {
    const kind = SUPPORT_KINDS[s.type];
    if (!kind.norm || s.amountVnd === null) continue;
    const norm = normFor(norms, kind.norm, s.programme);
    if (!norm) continue;
    const months = norm.per === 'month' && s.type === 'SubsidyPaid' && s.months ? monthCount(s.months) : 1;
    const cap = norm.maxVnd * months;
    if (s.amountVnd > cap) {
      flags.push({
        code: 'above_programme_norm',
        eventIds: [s.eventId],
        detail: `${s.amountVnd} VND above the ${norm.illustrative ? 'illustrative ' : ''}norm of ${cap} VND (${s.programme}${months > 1 ? `, ${months} months` : ''})`,
      });
    }
  }
  return flags;
}

/**
 * The same commune, or one of them is the commune the other merged into (a reorganisation, not a move).
 * Two communes that merged later are still two places for supports recorded before the merger.
 */
function samePlace(a: SupportEntry, b: SupportEntry): boolean {
  return a.commune === b.commune || a.communeNow === b.commune || b.communeNow === a.commune;
}

export function normFor(
  norms: readonly ProgrammeNorm[],
  support: NormedSupport,
  programme: string | null,
): ProgrammeNorm | undefined {
  return (
    norms.find((n) => n.support === support && n.programme !== null && n.programme === programme) ??
    norms.find((n) => n.support === support && n.programme === null)
  );
}

function flagFields(flags: AbuseFlag[]): FlagFields {
  const has = (code: AbuseFlagCode) => flags.some((f) => f.code === code);
  return {
    flags,
    flagged: flags.length > 0,
    sameSupportTwice: has('same_support_twice'),
    twoCommunesSamePeriod: has('two_communes_same_period'),
    aboveProgrammeNorm: has('above_programme_norm'),
  };
}

// ---------------------------------------------------------------- housing cases

function emptyHousingCase(caseId: string): HousingCaseSupportDoc {
  return {
    caseId,
    householdRef: null,
    commune: null,
    category: null,
    registeredEventId: null,
    steps: [],
    step: null,
    fundings: [],
    fundedVnd: 0,
    withdrawal: null,
    sources: [],
    ...flagFields([]),
    lastPosition: 0,
  };
}

function reduceHousingCase(
  doc: HousingCaseSupportDoc | null,
  event: RecordedEvent,
  caseId: string,
  plan: PlanModel,
): HousingCaseSupportDoc | null {
  const correction = correctionOf(event);
  if (correction && !doc) return null;
  const current = doc ?? emptyHousingCase(caseId);
  let { steps, fundings, householdRef, commune, category, registeredEventId } = current;
  let withdrawal = current.withdrawal ?? null;
  const { occurredAt, actor } = event.metadata;
  if (correction) {
    const changes = correction.changes ?? {};
    const ref = correctionRef(event, correction);
    fundings = fundings.map((f) => {
      if (f.eventId !== correction.correctsEventId) return f;
      const corrections = [...f.corrections, ref];
      if (correction.kind === 'retraction' || f.status === 'retracted')
        return { ...f, status: 'retracted', corrections };
      return {
        ...f,
        amountVnd: num(changes.amountVnd) ?? f.amountVnd,
        source: text(changes.source) ?? f.source,
        status: 'amended',
        corrections,
      };
    });
    if (correction.kind === 'retraction') {
      steps = steps.filter((s) => s.eventId !== correction.correctsEventId);
      if (registeredEventId === correction.correctsEventId) registeredEventId = null;
      if (withdrawal?.eventId === correction.correctsEventId) withdrawal = null;
    }
  } else {
    const data = dataRecord(event.data);
    steps = [...steps, { eventId: event.id, type: event.type, occurredAt, position: event.position }];
    if (event.type === 'HousingCaseRegistered') {
      householdRef = text(data.householdRef);
      commune = text(data.commune) ?? event.metadata.orgUnit;
      category = text(data.category);
      registeredEventId = event.id;
    } else if (event.type === WITHDRAWN) {
      withdrawal = {
        eventId: event.id,
        grounds: text(data.grounds) ?? '',
        reason: text(data.reason) ?? '',
        occurredAt,
      };
    } else if (event.type === 'HousingFundingApproved') {
      fundings = [
        ...fundings,
        {
          eventId: event.id,
          amountVnd: num(data.amountVnd) ?? 0,
          source: text(data.source) ?? '',
          agency: actor.agency,
          officer: actor.officer,
          occurredAt,
          recordedAt: event.recordedAt,
          position: event.position,
          status: 'effective',
          corrections: [],
        },
      ];
    }
  }
  // A withdrawn case's approvals stay listed but count no more (nor raise flags).
  const effective = withdrawal ? [] : fundings.filter((f) => f.status !== 'retracted');
  const fundedVnd = effective.reduce((total, f) => total + f.amountVnd, 0);
  const flags: AbuseFlag[] = [];
  const bySource = new Map<string, HousingFundingEntry[]>();
  for (const f of effective) bySource.set(f.source, [...(bySource.get(f.source) ?? []), f]);
  for (const [source, list] of bySource) {
    if (list.length > 1) {
      flags.push({
        code: 'same_support_twice',
        eventIds: list.map((f) => f.eventId),
        detail: `${list.length} approvals from ${source} for one house`,
      });
    }
  }
  const norm = normFor(plan.norms, 'HousingCase', category);
  if (norm && fundedVnd > norm.maxVnd) {
    flags.push({
      code: 'above_programme_norm',
      eventIds: effective.map((f) => f.eventId),
      detail: `${fundedVnd} VND approved for one house, above the ${norm.illustrative ? 'illustrative ' : ''}norm of ${norm.maxVnd} VND`,
    });
  }
  return {
    caseId,
    householdRef,
    commune,
    category,
    registeredEventId,
    steps,
    step: steps[steps.length - 1]?.type ?? null,
    fundings,
    fundedVnd,
    withdrawal,
    sources: [...new Set(effective.map((f) => f.source))].sort(),
    ...flagFields(flags),
    lastPosition: event.position,
  };
}

/** A housing case as a household's history shows it: its steps and the funding approved (VND). */
export type HousingCaseInHistory = Pick<
  HousingCaseSupportDoc,
  'caseId' | 'commune' | 'category' | 'steps' | 'step' | 'fundings' | 'fundedVnd' | 'sources' | 'flags'
>;

export interface BeneficiaryHistoryView extends BeneficiaryDoc {
  supports: Array<SupportEntry & { housingCase?: HousingCaseInHistory }>;
  totals: BeneficiaryTotals & { housingFundedVnd: number };
  /** Every housing case of the household (a household is named by its head's reference), by caseId. */
  housingCases: HousingCaseInHistory[];
}

/**
 * A beneficiary's history with the housing cases of the household (the beneficiary-housing documents whose
 * householdRef is the beneficiary's reference): each registration shows its case's steps and the funding
 * approved as its amount (amountKind 'funded'), and the totals add the funding of the effective cases.
 * Funding names only the case, so the two documents meet here, at reading.
 */
export function withHousingCases(
  doc: BeneficiaryDoc,
  cases: readonly HousingCaseSupportDoc[],
): BeneficiaryHistoryView {
  const mine = cases
    .filter((c) => c.householdRef === doc.ref)
    .sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  const view = (c: HousingCaseSupportDoc): HousingCaseInHistory => ({
    caseId: c.caseId,
    commune: c.commune,
    category: c.category,
    steps: c.steps,
    step: c.step,
    fundings: c.fundings,
    fundedVnd: c.fundedVnd,
    sources: c.sources,
    flags: c.flags,
  });
  const byCase = new Map(mine.map((c) => [c.caseId, c]));
  const supports = doc.supports.map((s) => {
    const housing = s.family === 'housing' ? byCase.get(s.ids.caseId ?? '') : undefined;
    return housing
      ? { ...s, amountVnd: housing.fundedVnd, amountKind: 'funded' as const, housingCase: view(housing) }
      : s;
  });
  const housingFundedVnd = supports
    .filter((s) => s.status !== 'retracted' && s.amountKind === 'funded')
    .reduce((total, s) => total + (s.amountVnd ?? 0), 0);
  return { ...doc, supports, totals: { ...doc.totals, housingFundedVnd }, housingCases: mine.map(view) };
}
