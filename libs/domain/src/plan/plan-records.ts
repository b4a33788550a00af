// The records of the plan (what the seed files hold and what the plan events carry), and one parser per
// record. A parser checks one record on its own; references between records (a parent that exists, an
// agency that leads) are checked across the whole seed in plan-seed.ts.
import { requireOneOf } from '../shared/rules';
import { checkPlanLeads, parsePlanLead, type PlanLead } from './plan-lead';
import { parseContributionRule, isMeasurementRule, type ContributionRule } from './contribution-rules';
import {
  checkSourceStatus,
  compareDates,
  FieldChecker,
  optionalText,
  requireCode,
  requireDate,
  requireFiniteNumber,
  requireKey,
  requireListOf,
  requireLongText,
  requireNullable,
  requirePlanId,
  requirePositiveInteger,
  requireSection,
  requireYearOrDate,
  requireBoolean,
  type SourceStatus,
} from './plan-values';

const asRecord = (value: unknown, check: FieldChecker, what: string): Record<string, unknown> | undefined =>
  check.record(value, what);

// ---------------------------------------------------------------- plan document

export const REPORTING_CADENCES = ['annual', 'three_year', 'five_year'] as const;
export type ReportingCadence = (typeof REPORTING_CADENCES)[number];

export interface PlanDocument {
  planId: string;
  titleVi: string;
  titleEn: string;
  issuerVi: string;
  issuerEn: string;
  /** The org unit the plan covers (its district), as its boundaries were when it was adopted. */
  orgUnit: string;
  /** The documents it implements, in their own words. */
  implementsVi: string[];
  /** Number and date of the plan document; null where the copy we hold does not show them. */
  documentNumber: string | null;
  adoptedOn: string | null;
  periodFrom: string;
  periodTo: string;
  /** Section IV.3: the reports the plan asks for. */
  reporting: ReportingCadence[];
  /** Agency that monitors and reports (IV.3), as the plan was adopted. */
  reportingAgency: string;
  /**
   * Who leads the plan on each date (the first period's agency is reportingAgency): an agency that ends
   * hands the lead to the next period's. Absent: reportingAgency leads throughout (plan-lead.ts).
   */
  reportingAgencies?: PlanLead[];
  source: string;
  note: string | null;
}

const PLAN_KEYS = [
  'planId',
  'titleVi',
  'titleEn',
  'issuerVi',
  'issuerEn',
  'orgUnit',
  'implementsVi',
  'documentNumber',
  'adoptedOn',
  'periodFrom',
  'periodTo',
  'reporting',
  'reportingAgency',
  'reportingAgencies',
  'source',
  'note',
];

export function parsePlanDocument(value: unknown, check: FieldChecker): PlanDocument {
  const raw = asRecord(value, check, 'plan');
  if (!raw) return undefined as unknown as PlanDocument;
  check.onlyKeys(raw, PLAN_KEYS);
  const plan: PlanDocument = {
    planId: check.check('planId', (f) => requirePlanId(raw.planId, f)),
    titleVi: check.check('titleVi', (f) => requireLongText(raw.titleVi, f, 500)),
    titleEn: check.check('titleEn', (f) => requireLongText(raw.titleEn, f, 500)),
    issuerVi: check.check('issuerVi', (f) => requireLongText(raw.issuerVi, f, 200)),
    issuerEn: check.check('issuerEn', (f) => requireLongText(raw.issuerEn, f, 200)),
    orgUnit: check.check('orgUnit', (f) => requireCode(raw.orgUnit, f)),
    implementsVi: check.check('implementsVi', (f) =>
      requireListOf(raw.implementsVi, f, (v, g) => requireLongText(v, g, 300), { min: 1 }),
    ),
    documentNumber: check.check('documentNumber', (f) => optionalText(raw.documentNumber, f, 100)),
    adoptedOn: check.check('adoptedOn', (f) => requireNullable(raw.adoptedOn, f, requireDate)),
    periodFrom: check.check('periodFrom', (f) => requireDate(raw.periodFrom, f)),
    periodTo: check.check('periodTo', (f) => requireDate(raw.periodTo, f)),
    reporting: check.check('reporting', (f) =>
      requireListOf(raw.reporting, f, (v, g) => requireOneOf(v, REPORTING_CADENCES, g), {
        min: 1,
        unique: true,
      }),
    ),
    reportingAgency: check.check('reportingAgency', (f) => requireCode(raw.reportingAgency, f)),
    ...(raw.reportingAgencies !== undefined
      ? {
          reportingAgencies: check.check('reportingAgencies', (f) =>
            requireListOf(raw.reportingAgencies, f, parsePlanLead, { min: 1 }),
          ),
        }
      : {}),
    source: check.check('source', (f) => requireLongText(raw.source, f, 1000)),
    note: check.check('note', (f) => optionalText(raw.note, f)),
  };
  if (plan.periodFrom && plan.periodTo && compareDates(plan.periodFrom, plan.periodTo) >= 0) {
    check.report('periodTo', 'PERIOD_EMPTY', 'periodTo must be after periodFrom');
  }
  if (plan.reportingAgencies && plan.periodFrom && plan.reportingAgency) checkPlanLeads(plan, check);
  return plan;
}

// ---------------------------------------------------------------- org units

/**
 * plan_area: the area a plan covers, as a unit of its own that outlives the units it was drawn on (the
 * district ends, the plan's area does not). It sits under no unit and reads as every unit whose territory
 * lies within it (`planArea: within`), old and new (plan-area.ts).
 */
export const ORG_UNIT_LEVELS = ['province', 'district', 'commune', 'plan_area'] as const;
export type OrgUnitLevel = (typeof ORG_UNIT_LEVELS)[number];

/** official: the code is the statistics office's code, read in an official source; local: ours. */
export const CODE_KINDS = ['official', 'local'] as const;
export type CodeKind = (typeof CODE_KINDS)[number];

/** How the unit's territory relates to the plan's area. */
export const PLAN_AREA_RELATIONS = ['within', 'overlaps', 'outside'] as const;
export type PlanAreaRelation = (typeof PLAN_AREA_RELATIONS)[number];

export interface OrgUnitRecord extends SourceStatus {
  code: string;
  codeKind: CodeKind;
  /** The official code when confirmed; null otherwise (never guessed). */
  officialCode: string | null;
  /** A code seen only in an unconfirmed source: kept for checking, never used as the code. */
  reportedOfficialCode: string | null;
  nameVi: string;
  nameEn: string;
  level: OrgUnitLevel;
  /** The parent when the unit was created; changes of the tree are org unit changes. */
  parent: string | null;
  /** First day of the unit; null when it existed before anything the ledger records. */
  validFrom: string | null;
  planArea: PlanAreaRelation;
  note: string | null;
}

const ORG_UNIT_KEYS = [
  'code',
  'codeKind',
  'officialCode',
  'reportedOfficialCode',
  'nameVi',
  'nameEn',
  'level',
  'parent',
  'validFrom',
  'planArea',
  'note',
  'source',
  'verified',
];

export function parseOrgUnit(value: unknown, check: FieldChecker): OrgUnitRecord {
  const raw = asRecord(value, check, 'orgUnit');
  if (!raw) return undefined as unknown as OrgUnitRecord;
  check.onlyKeys(raw, ORG_UNIT_KEYS);
  const unit: OrgUnitRecord = {
    code: check.check('code', (f) => requireCode(raw.code, f)),
    codeKind: check.check('codeKind', (f) => requireOneOf(raw.codeKind, CODE_KINDS, f)),
    officialCode: check.check('officialCode', (f) => requireNullable(raw.officialCode, f, requireCode)),
    reportedOfficialCode: check.check('reportedOfficialCode', (f) =>
      requireNullable(raw.reportedOfficialCode, f, requireCode),
    ),
    nameVi: check.check('nameVi', (f) => requireLongText(raw.nameVi, f, 200)),
    nameEn: check.check('nameEn', (f) => requireLongText(raw.nameEn, f, 200)),
    level: check.check('level', (f) => requireOneOf(raw.level, ORG_UNIT_LEVELS, f)),
    parent: check.check('parent', (f) => requireNullable(raw.parent, f, requireCode)),
    validFrom: check.check('validFrom', (f) => requireNullable(raw.validFrom, f, requireDate)),
    planArea: check.check('planArea', (f) => requireOneOf(raw.planArea, PLAN_AREA_RELATIONS, f)),
    note: check.check('note', (f) => optionalText(raw.note, f)),
    ...checkSourceStatus(raw, check),
  };
  // An official code must have been read in an official source, and is then the code itself.
  if (unit.codeKind === 'official') {
    if (unit.verified === false) {
      check.report('codeKind', 'OFFICIAL_CODE_NOT_VERIFIED', 'an official code needs verified: true');
    }
    if (unit.officialCode !== unit.code) {
      check.report(
        'officialCode',
        'OFFICIAL_CODE_MISMATCH',
        'with codeKind official, officialCode equals code',
      );
    }
  }
  if (
    unit.codeKind === 'local' &&
    unit.officialCode !== null &&
    unit.officialCode !== undefined &&
    !unit.verified
  ) {
    check.report(
      'officialCode',
      'OFFICIAL_CODE_NOT_VERIFIED',
      'an unconfirmed code goes in reportedOfficialCode',
    );
  }
  const topLevel = unit.level === 'province' || unit.level === 'plan_area';
  if (topLevel && unit.parent !== null && unit.parent !== undefined) {
    check.report('parent', 'PARENT_NOT_ALLOWED', `a ${unit.level} has no parent here`);
  }
  if (unit.level !== undefined && !topLevel && unit.parent === null) {
    check.report('parent', 'PARENT_REQUIRED', `a ${unit.level} needs its parent`);
  }
  return unit;
}

/** The whole of `from` became part of `to` ("whole"), or only part of it did ("part"). */
export const CROSSWALK_RELATIONS = ['whole', 'part'] as const;
export type CrosswalkRelation = (typeof CROSSWALK_RELATIONS)[number];

export interface CrosswalkRow {
  from: string;
  to: string;
  relation: CrosswalkRelation;
  note: string | null;
}

/**
 * A dated reorganisation: the units in `ends` stop on effectiveFrom, the units in `starts` begin on it,
 * and the crosswalk says where each ended unit's territory went. An ended unit with no crosswalk row was
 * dissolved as a level (its territory is read through its former children).
 */
export interface OrgUnitChange extends SourceStatus {
  changeId: string;
  effectiveFrom: string;
  descriptionVi: string;
  descriptionEn: string;
  legalBasis: string[];
  ends: string[];
  starts: string[];
  crosswalk: CrosswalkRow[];
  note: string | null;
}

const CHANGE_KEYS = [
  'changeId',
  'effectiveFrom',
  'descriptionVi',
  'descriptionEn',
  'legalBasis',
  'ends',
  'starts',
  'crosswalk',
  'note',
  'source',
  'verified',
];
const CROSSWALK_KEYS = ['from', 'to', 'relation', 'note'];

export function parseOrgUnitChange(value: unknown, check: FieldChecker): OrgUnitChange {
  const raw = asRecord(value, check, 'change');
  if (!raw) return undefined as unknown as OrgUnitChange;
  check.onlyKeys(raw, CHANGE_KEYS);
  const codes = (name: 'ends' | 'starts') =>
    check.check(name, (f) => requireListOf(raw[name], f, requireCode, { unique: true }));
  const change: OrgUnitChange = {
    changeId: check.check('changeId', (f) => requireCode(raw.changeId, f)),
    effectiveFrom: check.check('effectiveFrom', (f) => requireDate(raw.effectiveFrom, f)),
    descriptionVi: check.check('descriptionVi', (f) => requireLongText(raw.descriptionVi, f)),
    descriptionEn: check.check('descriptionEn', (f) => requireLongText(raw.descriptionEn, f)),
    legalBasis: check.check('legalBasis', (f) =>
      requireListOf(raw.legalBasis, f, (v, g) => requireLongText(v, g, 300), { min: 1 }),
    ),
    ends: codes('ends'),
    starts: codes('starts'),
    crosswalk: parseCrosswalk(raw.crosswalk, check.nested('crosswalk')),
    note: check.check('note', (f) => optionalText(raw.note, f)),
    ...checkSourceStatus(raw, check),
  };
  if (change.ends && change.starts && change.ends.length + change.starts.length === 0) {
    check.report('ends', 'CHANGE_EMPTY', 'a change ends or starts at least one unit');
  }
  change.crosswalk?.forEach((row, i) => {
    if (!row) return;
    if (change.ends && row.from !== undefined && !change.ends.includes(row.from)) {
      check.report(`crosswalk[${i}].from`, 'CROSSWALK_FROM_NOT_ENDED', `${row.from} is not in ends`);
    }
    if (change.ends?.includes(row.to)) {
      check.report(`crosswalk[${i}].to`, 'CROSSWALK_TO_ENDED', `${row.to} ends in this change`);
    }
  });
  return change;
}

function parseCrosswalk(value: unknown, check: FieldChecker): CrosswalkRow[] {
  const list = check.list(value, 'crosswalk');
  if (!list) return undefined as unknown as CrosswalkRow[];
  const rows = list.map((item, i): CrosswalkRow => {
    const c = check.nested(`[${i}]`);
    const raw = asRecord(item, c, `[${i}]`);
    if (!raw) return undefined as unknown as CrosswalkRow;
    c.onlyKeys(raw, CROSSWALK_KEYS);
    return {
      from: c.check('from', (f) => requireCode(raw.from, f)),
      to: c.check('to', (f) => requireCode(raw.to, f)),
      relation: c.check('relation', (f) => requireOneOf(raw.relation, CROSSWALK_RELATIONS, f)),
      note: c.check('note', (f) => optionalText(raw.note, f, 500)),
    };
  });
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (!row) return;
    const key = `${row.from}>${row.to}`;
    if (seen.has(key))
      check.report(`[${i}]`, 'CROSSWALK_DUPLICATE', `${row.from} -> ${row.to} appears twice`);
    seen.add(key);
  });
  return rows;
}

// ---------------------------------------------------------------- agencies

export const AGENCY_KINDS = [
  'peoples_committee',
  'specialised_office',
  'public_service_unit',
  'vertical_branch',
  'armed_forces',
  'fatherland_front',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export interface AgencyRecord extends SourceStatus {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: AgencyKind;
  /** The org unit it serves. */
  orgUnit: string;
  validFrom: string | null;
  note: string | null;
}

const AGENCY_KEYS = [
  'code',
  'nameVi',
  'nameEn',
  'kind',
  'orgUnit',
  'validFrom',
  'note',
  'source',
  'verified',
];

export function parseAgency(value: unknown, check: FieldChecker): AgencyRecord {
  const raw = asRecord(value, check, 'agency');
  if (!raw) return undefined as unknown as AgencyRecord;
  check.onlyKeys(raw, AGENCY_KEYS);
  return {
    code: check.check('code', (f) => requireCode(raw.code, f)),
    nameVi: check.check('nameVi', (f) => requireLongText(raw.nameVi, f, 200)),
    nameEn: check.check('nameEn', (f) => requireLongText(raw.nameEn, f, 200)),
    kind: check.check('kind', (f) => requireOneOf(raw.kind, AGENCY_KINDS, f)),
    orgUnit: check.check('orgUnit', (f) => requireCode(raw.orgUnit, f)),
    validFrom: check.check('validFrom', (f) => requireNullable(raw.validFrom, f, requireDate)),
    note: check.check('note', (f) => optionalText(raw.note, f)),
    ...checkSourceStatus(raw, check),
  };
}

export interface Successor {
  agency: string;
  /** The org units whose duties pass to this successor; null: all of them. */
  orgUnits: string[] | null;
}

/**
 * From effectiveFrom, the predecessor's duties pass to its successors (split by org unit when there are
 * several): open cases and indicators follow; the events it recorded stay its own.
 */
export interface AgencySuccession extends SourceStatus {
  predecessor: string;
  effectiveFrom: string;
  successors: Successor[];
  reason: string;
  note: string | null;
}

const SUCCESSION_KEYS = [
  'predecessor',
  'effectiveFrom',
  'successors',
  'reason',
  'note',
  'source',
  'verified',
];

export function parseAgencySuccession(value: unknown, check: FieldChecker): AgencySuccession {
  const raw = asRecord(value, check, 'succession');
  if (!raw) return undefined as unknown as AgencySuccession;
  check.onlyKeys(raw, SUCCESSION_KEYS);
  const succession: AgencySuccession = {
    predecessor: check.check('predecessor', (f) => requireCode(raw.predecessor, f)),
    effectiveFrom: check.check('effectiveFrom', (f) => requireDate(raw.effectiveFrom, f)),
    successors: parseSuccessors(raw.successors, check.nested('successors')),
    reason: check.check('reason', (f) => requireLongText(raw.reason, f, 1000)),
    note: check.check('note', (f) => optionalText(raw.note, f)),
    ...checkSourceStatus(raw, check),
  };
  const successors = succession.successors ?? [];
  successors.forEach((s, i) => {
    if (s?.agency !== undefined && s.agency === succession.predecessor) {
      check.report(`successors[${i}].agency`, 'SUCCESSOR_IS_PREDECESSOR', 'an agency cannot succeed itself');
    }
  });
  // Each org unit goes to one successor; a successor for "all" leaves room for no other.
  if (successors.length > 1 && successors.some((s) => s && s.orgUnits === null)) {
    check.report('successors', 'SUCCESSOR_SCOPE_OVERLAP', 'with several successors, each names its orgUnits');
  }
  const taken = new Map<string, number>();
  successors.forEach((s, i) =>
    s?.orgUnits?.forEach((unit) => {
      if (taken.has(unit)) {
        check.report(
          `successors[${i}].orgUnits`,
          'SUCCESSOR_SCOPE_OVERLAP',
          `${unit} already goes to successors[${taken.get(unit)}]`,
        );
      } else taken.set(unit, i);
    }),
  );
  return succession;
}

function parseSuccessors(value: unknown, check: FieldChecker): Successor[] {
  const list = check.list(value, 'successors');
  if (!list) return undefined as unknown as Successor[];
  if (list.length === 0) check.report('', 'LIST_TOO_SHORT', 'successors must have at least 1 item');
  return list.map((item, i): Successor => {
    const c = check.nested(`[${i}]`);
    const raw = asRecord(item, c, `[${i}]`);
    if (!raw) return undefined as unknown as Successor;
    c.onlyKeys(raw, ['agency', 'orgUnits']);
    return {
      agency: c.check('agency', (f) => requireCode(raw.agency, f)),
      orgUnits: c.check('orgUnits', (f) =>
        requireNullable(raw.orgUnits, f, (v, g) =>
          requireListOf(v, g, requireCode, { min: 1, unique: true }),
        ),
      ),
    };
  });
}

// ---------------------------------------------------------------- indicators

/**
 * count: a number of actions (houses built); ratio: numerator over denominator (coverage); measured: a
 * value reported per period (a survey rate); qualitative: a milestone reached (1) or not (0).
 */
export const INDICATOR_KINDS = ['count', 'ratio', 'measured', 'qualitative'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/**
 * cumulative: everything since the plan started adds up; per_year: each year counts afresh (insurance
 * cards are yearly); latest: the latest measurement of the period stands.
 */
export const AGGREGATIONS = ['cumulative', 'per_year', 'latest'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export interface RatioPart {
  descriptionVi: string;
  descriptionEn: string;
  /** Baseline series giving the starting value before any event; null: starts at 0. */
  baseline: string | null;
}

export interface IndicatorDefinition {
  key: string;
  /** 1, 2, ...: a new version is a new definition; figures name the version that made them. */
  version: number;
  /** Why this version differs from the previous one; null for version 1. */
  changeNote: string | null;
  nameVi: string;
  nameEn: string;
  /** The plan's own words for the target, quoted. */
  planText: string;
  /** The section of the plan it comes from (II.2 for the 2030 targets). */
  section: string;
  unit: string;
  kind: IndicatorKind;
  aggregation: Aggregation;
  numerator: RatioPart | null;
  denominator: RatioPart | null;
  /** Ratio only: the value is scale x numerator / denominator (100 for a percentage). */
  scale: number | null;
  contributions: ContributionRule[];
  note: string | null;
}

export const INDICATOR_DEFINITION_KEYS = [
  'key',
  'version',
  'changeNote',
  'nameVi',
  'nameEn',
  'planText',
  'section',
  'unit',
  'kind',
  'aggregation',
  'numerator',
  'denominator',
  'scale',
  'contributions',
  'note',
];

/** Parses the definition fields of `raw`; the caller says which other keys the record may carry. */
export function parseIndicatorDefinition(
  value: unknown,
  check: FieldChecker,
  otherKeys: readonly string[] = [],
): IndicatorDefinition {
  const raw = asRecord(value, check, 'indicator');
  if (!raw) return undefined as unknown as IndicatorDefinition;
  check.onlyKeys(raw, [...INDICATOR_DEFINITION_KEYS, ...otherKeys]);
  const definition: IndicatorDefinition = {
    key: check.check('key', (f) => requireKey(raw.key, f)),
    version: check.check('version', (f) => requirePositiveInteger(raw.version, f, 1000)),
    changeNote: check.check('changeNote', (f) => optionalText(raw.changeNote, f)),
    nameVi: check.check('nameVi', (f) => requireLongText(raw.nameVi, f, 500)),
    nameEn: check.check('nameEn', (f) => requireLongText(raw.nameEn, f, 500)),
    planText: check.check('planText', (f) => requireLongText(raw.planText, f, 1000)),
    section: check.check('section', (f) => requireSection(raw.section, f)),
    unit: check.check('unit', (f) => requireLongText(raw.unit, f, 40)),
    kind: check.check('kind', (f) => requireOneOf(raw.kind, INDICATOR_KINDS, f)),
    aggregation: check.check('aggregation', (f) => requireOneOf(raw.aggregation, AGGREGATIONS, f)),
    numerator: parseRatioPart(raw.numerator, check.nested('numerator')),
    denominator: parseRatioPart(raw.denominator, check.nested('denominator')),
    scale: check.check('scale', (f) =>
      requireNullable(raw.scale, f, (v, g) => requireFiniteNumber(v, g, 1e-9)),
    ),
    contributions: parseRules(raw.contributions, check.nested('contributions')),
    note: check.check('note', (f) => optionalText(raw.note, f)),
  };
  if (definition.version > 1 && definition.changeNote === null) {
    check.report('changeNote', 'CHANGE_NOTE_REQUIRED', 'a version after 1 says what changed in changeNote');
  }
  checkKindShape(definition, check);
  return definition;
}

function parseRatioPart(value: unknown, check: FieldChecker): RatioPart | null {
  if (value === undefined || value === null) return null;
  const raw = asRecord(value, check, 'part');
  if (!raw) return undefined as unknown as RatioPart;
  check.onlyKeys(raw, ['descriptionVi', 'descriptionEn', 'baseline']);
  return {
    descriptionVi: check.check('descriptionVi', (f) => requireLongText(raw.descriptionVi, f, 500)),
    descriptionEn: check.check('descriptionEn', (f) => requireLongText(raw.descriptionEn, f, 500)),
    baseline: check.check('baseline', (f) => requireNullable(raw.baseline, f, requireKey)),
  };
}

function parseRules(value: unknown, check: FieldChecker): ContributionRule[] {
  const list = check.list(value, 'contributions');
  if (!list) return undefined as unknown as ContributionRule[];
  return list.map((item, i) => parseContributionRule(item, check.nested(`[${i}]`)));
}

/** The fields each kind needs and the rules it can have. */
function checkKindShape(d: IndicatorDefinition, check: FieldChecker): void {
  if (d.kind === undefined || d.contributions === undefined) return;
  const rules = d.contributions.filter((r) => r !== undefined);
  // A broken rule is reported where it is; "needs a rule" would only repeat it.
  const rulesSound = rules.length === d.contributions.length;
  const additive = rules.filter((r) => !isMeasurementRule(r));
  const measurement = rules.filter(isMeasurementRule);
  const mustBeNull = (name: 'numerator' | 'denominator' | 'scale') => {
    if (d[name] !== null && d[name] !== undefined) {
      check.report(name, 'FIELD_NOT_ALLOWED', `${name} does not apply to a ${d.kind} indicator`);
    }
  };
  switch (d.kind) {
    case 'count':
      mustBeNull('numerator');
      mustBeNull('denominator');
      mustBeNull('scale');
      if (d.aggregation === 'latest') {
        check.report('aggregation', 'AGGREGATION_NOT_ALLOWED', 'a count adds up: cumulative or per_year');
      }
      if (rulesSound && additive.length === 0) {
        check.report('contributions', 'RULES_REQUIRED', 'a count needs at least one rule that adds to it');
      }
      rules.forEach((r, i) => {
        if (isMeasurementRule(r)) {
          check.report(
            `contributions[${i}].measure`,
            'MEASURE_NOT_ALLOWED',
            'a count is moved by events, not measurements',
          );
        } else if (r.part !== 'value' && r.part !== undefined) {
          check.report(`contributions[${i}].part`, 'PART_NOT_ALLOWED', 'a count has only part "value"');
        }
      });
      break;
    case 'ratio':
      if (d.numerator === null) check.report('numerator', 'FIELD_REQUIRED', 'a ratio needs its numerator');
      if (d.denominator === null)
        check.report('denominator', 'FIELD_REQUIRED', 'a ratio needs its denominator');
      if (d.scale === null) check.report('scale', 'FIELD_REQUIRED', 'a ratio needs its scale (100 for %)');
      if (d.aggregation === 'latest') {
        check.report('aggregation', 'AGGREGATION_NOT_ALLOWED', 'a ratio adds up: cumulative or per_year');
      }
      if (d.aggregation === 'per_year' && d.numerator?.baseline) {
        check.report('numerator.baseline', 'FIELD_NOT_ALLOWED', 'a per_year count starts from 0 every year');
      }
      rules.forEach((r, i) => {
        if (isMeasurementRule(r)) {
          check.report(
            `contributions[${i}].measure`,
            'MEASURE_NOT_ALLOWED',
            'a ratio is moved by events, not measurements',
          );
        } else if (r.part === 'value') {
          check.report(
            `contributions[${i}].part`,
            'PART_NOT_ALLOWED',
            'a ratio has parts numerator and denominator',
          );
        }
      });
      if (rulesSound && !additive.some((r) => r.part === 'numerator')) {
        check.report('contributions', 'RULES_REQUIRED', 'a ratio needs at least one rule for its numerator');
      }
      if (
        rulesSound &&
        d.denominator &&
        !d.denominator.baseline &&
        !additive.some((r) => r.part === 'denominator')
      ) {
        check.report(
          'denominator',
          'DENOMINATOR_SOURCE_REQUIRED',
          'the denominator needs a baseline or a rule',
        );
      }
      break;
    case 'measured':
    case 'qualitative':
      mustBeNull('numerator');
      mustBeNull('denominator');
      mustBeNull('scale');
      if (d.aggregation !== 'latest' && d.aggregation !== undefined) {
        check.report(
          'aggregation',
          'AGGREGATION_NOT_ALLOWED',
          `a ${d.kind} indicator takes the latest measurement`,
        );
      }
      if (rulesSound && (additive.length > 0 || measurement.length !== 1)) {
        check.report(
          'contributions',
          'MEASUREMENT_RULE_REQUIRED',
          `a ${d.kind} indicator has exactly one rule: { "event": "MeasurementRecorded", "measure": "measurement" }`,
        );
      }
      break;
  }
}

// ---------------------------------------------------------------- responsibilities

export interface Responsibility {
  /** The agency that leads the indicator. */
  lead: string;
  support: string[];
  /** Why this agency: the plan's words, or the function it was assigned by. */
  basis: string;
  /** true only when a document assigns it; false when assigned by function for the ledger. */
  verified: boolean;
}

export function parseResponsibility(
  value: unknown,
  check: FieldChecker,
  otherKeys: readonly string[] = [],
): Responsibility {
  const raw = asRecord(value, check, 'responsibility');
  if (!raw) return undefined as unknown as Responsibility;
  check.onlyKeys(raw, ['lead', 'support', 'basis', 'verified', ...otherKeys]);
  const r: Responsibility = {
    lead: check.check('lead', (f) => requireCode(raw.lead, f)),
    support: check.check('support', (f) =>
      raw.support === undefined ? [] : requireListOf(raw.support, f, requireCode, { unique: true }),
    ),
    basis: check.check('basis', (f) => requireLongText(raw.basis, f, 1000)),
    verified: check.check('verified', (f) => requireBoolean(raw.verified, f)),
  };
  if (r.lead !== undefined && r.support?.includes(r.lead)) {
    check.report('support', 'LEAD_ALSO_SUPPORTS', `${r.lead} leads; it is not listed as support as well`);
  }
  return r;
}

// ---------------------------------------------------------------- baselines

/** A statistic the ratios need (population, households, labour force, ...) for one org unit. */
export interface BaselineRecord {
  key: string;
  nameVi: string;
  nameEn: string;
  unit: string;
  orgUnit: string;
  value: number;
  asOf: string;
  /** true: a made-up figure so the ledger can compute; never an official statistic. */
  illustrative: boolean;
  source: string;
  note: string | null;
}

export function parseBaselineValue(value: unknown, field: string): number {
  return requireFiniteNumber(value, field, 0);
}

export const BASELINE_SERIES_KEYS = [
  'key',
  'nameVi',
  'nameEn',
  'unit',
  'asOf',
  'illustrative',
  'source',
  'note',
];

/** The fields a baseline series shares across its org units. */
export function parseBaselineSeriesFields(
  raw: Record<string, unknown>,
  check: FieldChecker,
): Omit<BaselineRecord, 'orgUnit' | 'value'> {
  const series = {
    key: check.check('key', (f) => requireKey(raw.key, f)),
    nameVi: check.check('nameVi', (f) => requireLongText(raw.nameVi, f, 300)),
    nameEn: check.check('nameEn', (f) => requireLongText(raw.nameEn, f, 300)),
    unit: check.check('unit', (f) => requireLongText(raw.unit, f, 40)),
    asOf: check.check('asOf', (f) => requireYearOrDate(raw.asOf, f)),
    illustrative: check.check('illustrative', (f) => requireBoolean(raw.illustrative, f)),
    source: check.check('source', (f) => requireLongText(raw.source, f, 1000)),
    note: check.check('note', (f) => optionalText(raw.note, f)),
  };
  if (series.illustrative === true && series.note === null) {
    check.report(
      'note',
      'ILLUSTRATIVE_NOTE_REQUIRED',
      'an illustrative figure says in note how it was made up',
    );
  }
  if (series.illustrative === false && /illustrative|minh họa|minh hoạ/i.test(series.source ?? '')) {
    check.report(
      'illustrative',
      'ILLUSTRATIVE_MISMATCH',
      'the source calls the figure illustrative: mark it so',
    );
  }
  return series;
}

export function parseBaseline(
  value: unknown,
  check: FieldChecker,
  otherKeys: readonly string[] = [],
): BaselineRecord {
  const raw = asRecord(value, check, 'baseline');
  if (!raw) return undefined as unknown as BaselineRecord;
  check.onlyKeys(raw, [...BASELINE_SERIES_KEYS, 'orgUnit', 'value', ...otherKeys]);
  return {
    ...parseBaselineSeriesFields(raw, check),
    orgUnit: check.check('orgUnit', (f) => requireCode(raw.orgUnit, f)),
    value: check.check('value', (f) => parseBaselineValue(raw.value, f)),
  };
}
