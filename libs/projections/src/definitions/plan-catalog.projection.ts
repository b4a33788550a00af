// plan-catalog: the plan as GET /org-units, /agencies, /indicators (and the plan itself) list it, built
// from the plan events, so a revised target, an amended baseline or a confirmed source shows as recorded.
// Each document keeps the events it was made from (by id), so that a correction of any of them is undone
// or applied where it belongs; the top-level fields are derived from those entries after every event.
import {
  type RecordedEvent,
  type AgencyRecord,
  type AgencySuccession,
  type CrosswalkRelation,
  type IndicatorDefinition,
  type OrgUnitChange,
  type OrgUnitRecord,
  type PlanDocument,
  type Successor,
  EVENT_CORRECTED,
  PLAN_EVENT_TYPES,
  type BaselineRecordedData,
  type ResponsibilityAssignedData,
  type TargetRevisedData,
  type TargetSetData,
  formatTarget,
  type Target,
  correctionOf,
  type CorrectionView,
  type PlanModel,
} from '@ledger/domain';
import type { DocumentKey, Projection } from '../projection';
import { alreadyApplied, projectionVersion, uniqueKeys } from './reducer-helpers';

export const PLAN_CATALOG = 'plan-catalog';
export const PLANS = 'plans';
export const ORG_UNITS = 'org-units';
export const AGENCIES = 'agencies';
export const INDICATORS = 'indicators';

/** Who put an entry on the record, and when. */
export interface RecordStamp {
  eventId: string;
  position: number;
  officer: string;
  agency: string;
  occurredAt: string;
  recordedAt: string;
}

export interface PlanCatalogPlanDoc extends PlanDocument {
  adoption: RecordStamp;
  lastPosition: number;
}

/** A reorganisation as it concerns one unit. */
export interface OrgUnitChangeEntry {
  stamp: RecordStamp;
  changeId: string;
  effectiveFrom: string;
  /** ends: the unit stops that day; starts: it begins that day. */
  role: 'ends' | 'starts';
  /** The crosswalk rows from or to this unit. */
  crosswalk: { from: string; to: string; relation: CrosswalkRelation }[];
  descriptionEn: string;
  descriptionVi: string;
  legalBasis: string[];
  source: string;
  verified: boolean;
}

export interface OrgUnitDoc {
  code: string;
  /** false while the unit is only named by a reorganisation (or its registration was retracted). */
  registered: boolean;
  nameVi: string | null;
  nameEn: string | null;
  level: OrgUnitRecord['level'] | null;
  parent: string | null;
  codeKind: OrgUnitRecord['codeKind'] | null;
  officialCode: string | null;
  reportedOfficialCode: string | null;
  planArea: OrgUnitRecord['planArea'] | null;
  note: string | null;
  source: string | null;
  verified: boolean | null;
  validFrom: string | null;
  /** The first day it no longer exists (effectiveFrom of the change that ends it); null while it exists. */
  validTo: string | null;
  endedBy: string | null;
  startedBy: string | null;
  successors: { code: string; relation: CrosswalkRelation; changeId: string }[];
  predecessors: { code: string; relation: CrosswalkRelation; changeId: string }[];
  record: OrgUnitRecord | null;
  registration: RecordStamp | null;
  changes: OrgUnitChangeEntry[];
  lastPosition: number;
}

export interface SuccessionOut {
  stamp: RecordStamp;
  effectiveFrom: string;
  successors: Successor[];
  reason: string;
  note: string | null;
  source: string;
  verified: boolean;
}

export interface SuccessionIn {
  stamp: RecordStamp;
  predecessor: string;
  effectiveFrom: string;
  /** The org units whose duties this agency took; null: all of them. */
  orgUnits: string[] | null;
  reason: string;
  verified: boolean;
}

export interface AgencyDoc {
  code: string;
  registered: boolean;
  nameVi: string | null;
  nameEn: string | null;
  kind: AgencyRecord['kind'] | null;
  orgUnit: string | null;
  validFrom: string | null;
  /** The day its duties passed to successors; null while it holds them. */
  validTo: string | null;
  note: string | null;
  source: string | null;
  verified: boolean | null;
  record: AgencyRecord | null;
  registration: RecordStamp | null;
  successionsOut: SuccessionOut[];
  successionsIn: SuccessionIn[];
  lastPosition: number;
}

export interface IndicatorVersionEntry {
  stamp: RecordStamp;
  definition: IndicatorDefinition;
}

export interface TargetEntry {
  stamp: RecordStamp;
  kind: 'set' | 'revised';
  planId: string;
  target: Target;
  /** Revised: the target it replaced, as it stood; null when set. */
  previous: Target | null;
  reason: string | null;
}

export interface ResponsibilityEntry {
  stamp: RecordStamp;
  planId: string;
  lead: string;
  support: string[];
  basis: string;
  verified: boolean;
  reason: string | null;
}

export interface BaselineEntry {
  stamp: RecordStamp;
  key: string;
  orgUnit: string;
  value: number;
  asOf: string;
  unit: string;
  nameEn: string;
  nameVi: string;
  illustrative: boolean;
  source: string;
  note: string | null;
}

export interface IndicatorDoc {
  key: string;
  /** The latest version's definition; null until defined (a target can be recorded first). */
  definition: IndicatorDefinition | null;
  version: number | null;
  nameVi: string | null;
  nameEn: string | null;
  kind: IndicatorDefinition['kind'] | null;
  aggregation: IndicatorDefinition['aggregation'] | null;
  section: string | null;
  unit: string | null;
  versions: IndicatorVersionEntry[];
  /** The target standing now: the last one set or revised; null for a task without a number. */
  target: Target | null;
  targetText: string | null;
  deadline: string | null;
  targetHistory: TargetEntry[];
  lead: string | null;
  support: string[];
  responsibility: ResponsibilityEntry | null;
  responsibilityHistory: ResponsibilityEntry[];
  /** Every baseline figure its numerator or denominator starts from, per series and org unit. */
  baselines: BaselineEntry[];
  /** series key -> org unit -> the figure of the latest asOf. */
  baselineValues: Record<string, Record<string, number>>;
  lastPosition: number;
}

export type PlanCatalogDoc = PlanCatalogPlanDoc | OrgUnitDoc | AgencyDoc | IndicatorDoc;

const CATALOG_BASE_VERSION = 1;

export function createPlanCatalogProjection(plan: PlanModel): Projection<PlanCatalogDoc> {
  const keysOf = (type: string, data: unknown): DocumentKey[] => catalogKeys(plan, type, data);
  return {
    name: PLAN_CATALOG,
    version: projectionVersion(CATALOG_BASE_VERSION, plan.baselineUsers),
    collections: [PLANS, ORG_UNITS, AGENCIES, INDICATORS],
    eventTypes: [...PLAN_EVENT_TYPES, EVENT_CORRECTED],
    indexes: {
      [ORG_UNITS]: [['level', 'code'], ['parent', 'code'], ['registered', 'code'], ['validTo']],
      [AGENCIES]: [
        ['orgUnit', 'code'],
        ['registered', 'code'],
      ],
      [INDICATORS]: [
        ['section', 'key'],
        ['lead', 'key'],
        ['kind', 'key'],
      ],
    },
    keys(event) {
      const correction = correctionOf(event);
      if (correction) {
        return correction.original ? keysOf(correction.original.type, correction.original.data) : [];
      }
      return keysOf(event.type, event.data);
    },
    reduce(doc, event, key) {
      if (alreadyApplied(doc, event)) return doc;
      const correction = correctionOf(event);
      switch (key.collection) {
        case PLANS:
          return reducePlan(doc as PlanCatalogPlanDoc | null, event, correction);
        case ORG_UNITS:
          return reduceOrgUnit(doc as OrgUnitDoc | null, event, correction, key.id);
        case AGENCIES:
          return reduceAgency(doc as AgencyDoc | null, event, correction, key.id);
        case INDICATORS:
          return reduceIndicator(doc as IndicatorDoc | null, event, correction, key.id);
        default:
          return doc;
      }
    },
  };
}

function catalogKeys(plan: PlanModel, type: string, data: unknown): DocumentKey[] {
  const d = data as Record<string, unknown>;
  const key = (collection: string, id: unknown): DocumentKey[] =>
    typeof id === 'string' && id !== '' ? [{ collection, id }] : [];
  switch (type) {
    case 'PlanAdopted':
      return key(PLANS, d.planId);
    case 'OrgUnitRegistered':
      return key(ORG_UNITS, d.code);
    case 'OrgUnitChangeRecorded': {
      const change = data as OrgUnitChange;
      return uniqueKeys([...(change.ends ?? []), ...(change.starts ?? [])].flatMap((c) => key(ORG_UNITS, c)));
    }
    case 'AgencyRegistered':
      return key(AGENCIES, d.code);
    case 'AgencySuccessionRecorded': {
      const s = data as AgencySuccession;
      return uniqueKeys([
        ...key(AGENCIES, s.predecessor),
        ...(s.successors ?? []).flatMap((x) => key(AGENCIES, x.agency)),
      ]);
    }
    case 'IndicatorDefined':
      return key(INDICATORS, d.key);
    case 'TargetSet':
    case 'TargetRevised':
    case 'ResponsibilityAssigned':
      return key(INDICATORS, d.indicatorKey);
    case 'BaselineRecorded':
      return (plan.baselineUsers[String(d.key)] ?? []).flatMap((k) => key(INDICATORS, k));
    default:
      return [];
  }
}

function stampOf(event: RecordedEvent): RecordStamp {
  return {
    eventId: event.id,
    position: event.position,
    officer: event.metadata.actor.officer,
    agency: event.metadata.actor.agency,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.recordedAt,
  };
}

/** The entries of a list with the corrected one amended (changes merged into `field`) or dropped. */
function corrected<T extends { stamp: RecordStamp }>(
  entries: readonly T[],
  correction: CorrectionView,
  amend: (entry: T, changes: Record<string, unknown>) => T,
): T[] {
  return correction.kind === 'retraction'
    ? entries.filter((e) => e.stamp.eventId !== correction.correctsEventId)
    : entries.map((e) =>
        e.stamp.eventId === correction.correctsEventId ? amend(e, correction.changes ?? {}) : e,
      );
}

// ---------------------------------------------------------------- plans

function reducePlan(
  doc: PlanCatalogPlanDoc | null,
  event: RecordedEvent,
  correction: CorrectionView | null,
): PlanCatalogPlanDoc | null {
  if (correction) {
    if (!doc || doc.adoption.eventId !== correction.correctsEventId) return doc;
    if (correction.kind === 'retraction') return null;
    return { ...doc, ...(correction.changes as Partial<PlanDocument>), lastPosition: event.position };
  }
  if (event.type !== 'PlanAdopted') return doc;
  return { ...(event.data as PlanDocument), adoption: stampOf(event), lastPosition: event.position };
}

// ---------------------------------------------------------------- org units

function reduceOrgUnit(
  doc: OrgUnitDoc | null,
  event: RecordedEvent,
  correction: CorrectionView | null,
  code: string,
): OrgUnitDoc | null {
  let record = doc?.record ?? null;
  let registration = doc?.registration ?? null;
  let changes = doc?.changes ?? [];
  if (correction) {
    if (registration?.eventId === correction.correctsEventId && record) {
      if (correction.kind === 'retraction') {
        record = null;
        registration = null;
      } else {
        record = { ...record, ...(correction.changes as Partial<OrgUnitRecord>) };
      }
    } else {
      changes = corrected(changes, correction, (entry, c) => ({ ...entry, ...pick(c, CHANGE_AMENDABLE) }));
    }
  } else if (event.type === 'OrgUnitRegistered') {
    record = event.data as OrgUnitRecord;
    registration = stampOf(event);
  } else if (event.type === 'OrgUnitChangeRecorded') {
    const change = event.data as OrgUnitChange;
    const role: OrgUnitChangeEntry['role'] = change.ends.includes(code) ? 'ends' : 'starts';
    changes = [
      ...changes.filter((c) => !(c.changeId === change.changeId && c.role === role)),
      {
        stamp: stampOf(event),
        changeId: change.changeId,
        effectiveFrom: change.effectiveFrom,
        role,
        crosswalk: change.crosswalk
          .filter((row) => row.from === code || row.to === code)
          .map(({ from, to, relation }) => ({ from, to, relation })),
        descriptionEn: change.descriptionEn,
        descriptionVi: change.descriptionVi,
        legalBasis: change.legalBasis,
        source: change.source,
        verified: change.verified,
      },
    ].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.stamp.position - b.stamp.position);
  } else {
    return doc;
  }
  if (!record && changes.length === 0) return null;
  return deriveOrgUnit(code, record, registration, changes, event.position);
}

const CHANGE_AMENDABLE = ['descriptionEn', 'descriptionVi', 'legalBasis', 'source', 'verified'] as const;

function pick(changes: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(changes).filter(([k]) => fields.includes(k)));
}

function deriveOrgUnit(
  code: string,
  record: OrgUnitRecord | null,
  registration: RecordStamp | null,
  changes: OrgUnitChangeEntry[],
  lastPosition: number,
): OrgUnitDoc {
  const ended = changes.find((c) => c.role === 'ends');
  const started = changes.find((c) => c.role === 'starts');
  return {
    code,
    registered: record !== null,
    nameVi: record?.nameVi ?? null,
    nameEn: record?.nameEn ?? null,
    level: record?.level ?? null,
    parent: record?.parent ?? null,
    codeKind: record?.codeKind ?? null,
    officialCode: record?.officialCode ?? null,
    reportedOfficialCode: record?.reportedOfficialCode ?? null,
    planArea: record?.planArea ?? null,
    note: record?.note ?? null,
    source: record?.source ?? null,
    verified: record?.verified ?? null,
    validFrom: record?.validFrom ?? started?.effectiveFrom ?? null,
    validTo: ended?.effectiveFrom ?? null,
    endedBy: ended?.changeId ?? null,
    startedBy: started?.changeId ?? null,
    successors: changes
      .filter((c) => c.role === 'ends')
      .flatMap((c) =>
        c.crosswalk
          .filter((row) => row.from === code)
          .map((row) => ({ code: row.to, relation: row.relation, changeId: c.changeId })),
      ),
    predecessors: changes
      .filter((c) => c.role === 'starts')
      .flatMap((c) =>
        c.crosswalk
          .filter((row) => row.to === code)
          .map((row) => ({ code: row.from, relation: row.relation, changeId: c.changeId })),
      ),
    record,
    registration,
    changes,
    lastPosition,
  };
}

// ---------------------------------------------------------------- agencies

function reduceAgency(
  doc: AgencyDoc | null,
  event: RecordedEvent,
  correction: CorrectionView | null,
  code: string,
): AgencyDoc | null {
  let record = doc?.record ?? null;
  let registration = doc?.registration ?? null;
  let successionsOut = doc?.successionsOut ?? [];
  let successionsIn = doc?.successionsIn ?? [];
  if (correction) {
    if (registration?.eventId === correction.correctsEventId && record) {
      if (correction.kind === 'retraction') {
        record = null;
        registration = null;
      } else {
        record = { ...record, ...(correction.changes as Partial<AgencyRecord>) };
      }
    } else {
      const amend = <T>(entry: T, c: Record<string, unknown>): T => ({
        ...entry,
        ...pick(c, SUCCESSION_AMENDABLE),
      });
      successionsOut = corrected(successionsOut, correction, amend);
      successionsIn = corrected(successionsIn, correction, (entry, c) => ({
        ...entry,
        ...pick(c, ['reason', 'verified']),
      }));
    }
  } else if (event.type === 'AgencyRegistered') {
    record = event.data as AgencyRecord;
    registration = stampOf(event);
  } else if (event.type === 'AgencySuccessionRecorded') {
    const s = event.data as AgencySuccession;
    const stamp = stampOf(event);
    if (s.predecessor === code) {
      successionsOut = [
        ...successionsOut.filter((x) => x.stamp.eventId !== event.id),
        {
          stamp,
          effectiveFrom: s.effectiveFrom,
          successors: s.successors,
          reason: s.reason,
          note: s.note,
          source: s.source,
          verified: s.verified,
        },
      ];
    }
    for (const successor of s.successors.filter((x) => x.agency === code)) {
      successionsIn = [
        ...successionsIn.filter((x) => !(x.stamp.eventId === event.id && x.predecessor === s.predecessor)),
        {
          stamp,
          predecessor: s.predecessor,
          effectiveFrom: s.effectiveFrom,
          orgUnits: successor.orgUnits,
          reason: s.reason,
          verified: s.verified,
        },
      ];
    }
  } else {
    return doc;
  }
  if (!record && successionsOut.length === 0 && successionsIn.length === 0) return null;
  const byDate = <T extends { effectiveFrom: string; stamp: RecordStamp }>(list: T[]) =>
    [...list].sort(
      (a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.stamp.position - b.stamp.position,
    );
  successionsOut = byDate(successionsOut);
  successionsIn = byDate(successionsIn);
  return {
    code,
    registered: record !== null,
    nameVi: record?.nameVi ?? null,
    nameEn: record?.nameEn ?? null,
    kind: record?.kind ?? null,
    orgUnit: record?.orgUnit ?? null,
    validFrom: record?.validFrom ?? null,
    validTo: successionsOut[0]?.effectiveFrom ?? null,
    note: record?.note ?? null,
    source: record?.source ?? null,
    verified: record?.verified ?? null,
    record,
    registration,
    successionsOut,
    successionsIn,
    lastPosition: event.position,
  };
}

const SUCCESSION_AMENDABLE = ['reason', 'note', 'source', 'verified'] as const;

// ---------------------------------------------------------------- indicators

function emptyIndicator(key: string): IndicatorDoc {
  return {
    key,
    definition: null,
    version: null,
    nameVi: null,
    nameEn: null,
    kind: null,
    aggregation: null,
    section: null,
    unit: null,
    versions: [],
    target: null,
    targetText: null,
    deadline: null,
    targetHistory: [],
    lead: null,
    support: [],
    responsibility: null,
    responsibilityHistory: [],
    baselines: [],
    baselineValues: {},
    lastPosition: 0,
  };
}

function reduceIndicator(
  doc: IndicatorDoc | null,
  event: RecordedEvent,
  correction: CorrectionView | null,
  key: string,
): IndicatorDoc | null {
  if (correction && !doc) return null;
  const current = doc ?? emptyIndicator(key);
  let { versions, targetHistory, responsibilityHistory, baselines } = current;
  const stamp = stampOf(event);
  if (correction) {
    versions = corrected(versions, correction, (e) => e);
    targetHistory = corrected(targetHistory, correction, (e) => e);
    responsibilityHistory = corrected(responsibilityHistory, correction, (e, c) => ({
      ...e,
      ...pick(c, ['basis', 'verified']),
    }));
    baselines = corrected(baselines, correction, (e, c) => ({
      ...e,
      ...pick(c, ['value', 'illustrative', 'source', 'note']),
    }));
  } else {
    switch (event.type) {
      case 'IndicatorDefined': {
        const definition = event.data as IndicatorDefinition;
        versions = [
          ...versions.filter((v) => v.definition.version !== definition.version),
          { stamp, definition },
        ];
        break;
      }
      case 'TargetSet': {
        const d = event.data as TargetSetData;
        targetHistory = [
          ...targetHistory,
          { stamp, kind: 'set', planId: d.planId, target: d.target, previous: null, reason: null },
        ];
        break;
      }
      case 'TargetRevised': {
        const d = event.data as TargetRevisedData;
        targetHistory = [
          ...targetHistory,
          {
            stamp,
            kind: 'revised',
            planId: d.planId,
            target: d.target,
            previous: d.previous,
            reason: d.reason,
          },
        ];
        break;
      }
      case 'ResponsibilityAssigned': {
        const d = event.data as ResponsibilityAssignedData;
        responsibilityHistory = [
          ...responsibilityHistory,
          {
            stamp,
            planId: d.planId,
            lead: d.lead,
            support: d.support,
            basis: d.basis,
            verified: d.verified,
            reason: d.reason,
          },
        ];
        break;
      }
      case 'BaselineRecorded': {
        // keys() sent it here because the plan's definitions of this indicator start from this series.
        const d = event.data as BaselineRecordedData;
        baselines = [
          ...baselines.filter((b) => b.stamp.eventId !== event.id),
          {
            stamp,
            key: d.key,
            orgUnit: d.orgUnit,
            value: d.value,
            asOf: d.asOf,
            unit: d.unit,
            nameEn: d.nameEn,
            nameVi: d.nameVi,
            illustrative: d.illustrative,
            source: d.source,
            note: d.note,
          },
        ].sort(
          (a, b) =>
            a.key.localeCompare(b.key) ||
            a.orgUnit.localeCompare(b.orgUnit) ||
            a.asOf.localeCompare(b.asOf) ||
            a.stamp.position - b.stamp.position,
        );
        break;
      }
      default:
        return doc;
    }
  }
  const empty =
    versions.length + targetHistory.length + responsibilityHistory.length + baselines.length === 0;
  if (empty) return null;
  versions = [...versions].sort((a, b) => a.definition.version - b.definition.version);
  const latest = versions.at(-1)?.definition ?? null;
  const target = targetHistory.at(-1)?.target ?? null;
  const responsibility = responsibilityHistory.at(-1) ?? null;
  const baselineValues: Record<string, Record<string, number>> = {};
  for (const b of baselines) (baselineValues[b.key] ??= {})[b.orgUnit] = b.value;
  return {
    key,
    definition: latest,
    version: latest?.version ?? null,
    nameVi: latest?.nameVi ?? null,
    nameEn: latest?.nameEn ?? null,
    kind: latest?.kind ?? null,
    aggregation: latest?.aggregation ?? null,
    section: latest?.section ?? null,
    unit: latest?.unit ?? null,
    versions,
    target,
    targetText: target ? formatTarget(target, latest?.unit ?? '') : null,
    deadline: target?.deadline ?? null,
    targetHistory,
    lead: responsibility?.lead ?? null,
    support: responsibility?.support ?? [],
    responsibility,
    responsibilityHistory,
    baselines,
    baselineValues,
    lastPosition: event.position,
  };
}
