// The plan as a set of seed files (see seeds/README.md), validated as a whole: each record on its own
// (the same parsers the deciders use) and every reference between records. Every problem is reported,
// named by file, entry and field, so a reviewer can fix a seed folder in one pass.
import { LedgerError } from '../shared/ledger-error';
import {
  BASELINE_SERIES_KEYS,
  parseAgency,
  parseAgencySuccession,
  parseBaselineSeriesFields,
  parseBaselineValue,
  parseIndicatorDefinition,
  parseOrgUnit,
  parseOrgUnitChange,
  parsePlanDocument,
  parseResponsibility,
  type AgencyRecord,
  type AgencySuccession,
  type BaselineRecord,
  type IndicatorDefinition,
  type OrgUnitChange,
  type OrgUnitLevel,
  type OrgUnitRecord,
  type PlanDocument,
  type Responsibility,
} from './plan-records';
import { compareDates, FieldChecker, requireCode, type FieldProblem } from './plan-values';
import { parseTarget, type Target } from './targets';

/** The files of a seed folder, by role. */
export const SEED_FILES = {
  plan: 'plan.json',
  orgUnits: 'org-units.json',
  agencies: 'agencies.json',
  indicators: 'indicators.json',
  baselines: 'baselines.json',
} as const;

export const SEED_FILE_NAMES: readonly string[] = Object.values(SEED_FILES);

/** Files of a seed folder that are read and validated on their own, not as part of the plan's record. */
export const SEED_COMPANION_FILES: readonly string[] = [
  'recording-rights.json',
  'dhis2-mapping.json',
  'iati-activity.json',
];

/** The section of the plan that holds the 2030 targets: each of its indicators needs its target. */
export const TARGETS_SECTION = 'II.2';

export interface IndicatorSeed {
  definition: IndicatorDefinition;
  /** null for indicators that track a task of section III for which the plan sets no number. */
  target: Target | null;
  responsibility: Responsibility;
}

/** One baseline statistic for several org units (the seed's compact form of BaselineRecord). */
export interface BaselineSeriesSeed extends Omit<BaselineRecord, 'orgUnit' | 'value'> {
  values: Record<string, number>;
}

export interface PlanSeed {
  plan: PlanDocument;
  orgUnits: OrgUnitRecord[];
  orgUnitChanges: OrgUnitChange[];
  agencies: AgencyRecord[];
  agencySuccessions: AgencySuccession[];
  indicators: IndicatorSeed[];
  baselines: BaselineSeriesSeed[];
}

export interface SeedProblem {
  file: string;
  /** e.g. `indicators[4] (unemployment_rate)`, or `(file)` for the file as a whole. */
  entry: string;
  field: string;
  code: string;
  message: string;
}

export function formatSeedProblem(p: SeedProblem): string {
  return `${p.file}: ${p.entry}: ${p.field}: ${p.message}`;
}

/** Thrown by the loader: the message lists every problem, one `file: entry: field: message` a line. */
export class PlanSeedInvalidError extends LedgerError {
  readonly code = 'PLAN_SEED_INVALID';
  /** The operator's seed files are wrong: refused at start-up, never the fault of a request. */
  readonly kind = 'internal';
  constructor(
    readonly folder: string,
    readonly problems: readonly SeedProblem[],
  ) {
    super(
      `the plan seeds in ${folder} have ${problems.length} problem(s):\n` +
        problems.map((p) => `- ${formatSeedProblem(p)}`).join('\n'),
    );
  }
}

export type SeedValidation = { ok: true; seed: PlanSeed } | { ok: false; problems: SeedProblem[] };

const FILE_ENTRY = '(file)';

/** Collects the problems of one file; entries get their own checker. */
class FileProblems {
  constructor(
    readonly file: string,
    private readonly out: SeedProblem[],
  ) {}

  entry(entry: string, problems: readonly FieldProblem[]): void {
    for (const p of problems)
      this.out.push({
        file: this.file,
        entry,
        field: p.field || '(entry)',
        code: p.code,
        message: p.message,
      });
  }

  report(entry: string, field: string, code: string, message: string): void {
    this.out.push({ file: this.file, entry, field, code, message });
  }
}

/** `files` maps a file name (plan.json, ...) to its parsed JSON content. */
export function validatePlanSeed(files: Readonly<Record<string, unknown>>): SeedValidation {
  const problems: SeedProblem[] = [];
  const file = (name: string) => new FileProblems(name, problems);

  for (const name of Object.keys(files)) {
    if (!SEED_FILE_NAMES.includes(name) && !SEED_COMPANION_FILES.includes(name)) {
      file(name).report(
        FILE_ENTRY,
        '(file)',
        'SEED_FILE_UNKNOWN',
        `not a seed file (expected: ${SEED_FILE_NAMES.join(', ')})`,
      );
    }
  }
  const plan = readPlan(files, file(SEED_FILES.plan));
  const { orgUnits, changes } = readOrgUnits(files, file(SEED_FILES.orgUnits));
  const { agencies, successions } = readAgencies(files, file(SEED_FILES.agencies));
  const indicators = readIndicators(files, file(SEED_FILES.indicators));
  const baselines = readBaselines(files, file(SEED_FILES.baselines));

  if (problems.length === 0) {
    const seed: PlanSeed = {
      plan: plan as PlanDocument,
      orgUnits: orgUnits.map((e) => e.value),
      orgUnitChanges: changes.map((e) => e.value),
      agencies: agencies.map((e) => e.value),
      agencySuccessions: successions.map((e) => e.value),
      indicators: indicators.map((e) => e.value),
      baselines: baselines.map((e) => e.value),
    };
    checkReferences(seed, { orgUnits, changes, agencies, successions, indicators, baselines }, file);
    if (problems.length === 0) return { ok: true, seed };
  }
  return { ok: false, problems };
}

interface Entry<T> {
  label: string;
  value: T;
}

/** The top-level object of a file, with the lists it holds; missing files and wrong shapes are problems. */
function topLevel(
  files: Readonly<Record<string, unknown>>,
  out: FileProblems,
  lists: readonly string[],
  records: readonly string[] = [],
): Record<string, unknown> | null {
  if (!Object.hasOwn(files, out.file)) {
    out.report(FILE_ENTRY, '(file)', 'SEED_FILE_MISSING', 'the file is missing from the seed folder');
    return null;
  }
  const content = files[out.file];
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    out.report(
      FILE_ENTRY,
      '(file)',
      'SEED_FILE_SHAPE',
      `must hold one JSON object with ${[...records, ...lists].join(', ')}`,
    );
    return null;
  }
  const object = content as Record<string, unknown>;
  const known = ['about', ...lists, ...records];
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) {
      out.report(
        FILE_ENTRY,
        key,
        'FIELD_UNKNOWN',
        `unknown top-level field ${key} (expected: ${known.join(', ')})`,
      );
    }
  }
  if (object.about !== undefined && typeof object.about !== 'string' && !isStringList(object.about)) {
    out.report(
      FILE_ENTRY,
      'about',
      'TEXT_REQUIRED',
      'about is a note for reviewers: a text or a list of texts',
    );
  }
  for (const list of lists) {
    if (!Array.isArray(object[list])) out.report(FILE_ENTRY, list, 'LIST_REQUIRED', `${list} must be a list`);
  }
  return object;
}

const isStringList = (v: unknown): boolean => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Parses each entry of a list; labels entries by position and, when readable, by their key. */
function entries<T>(
  list: unknown,
  name: string,
  out: FileProblems,
  keyOf: (raw: Record<string, unknown>) => unknown,
  parse: (raw: unknown, check: FieldChecker) => T,
): Entry<T>[] {
  if (!Array.isArray(list)) return [];
  return list.map((raw, i) => {
    const key = typeof raw === 'object' && raw !== null ? keyOf(raw as Record<string, unknown>) : undefined;
    const label = typeof key === 'string' && key !== '' ? `${name}[${i}] (${key})` : `${name}[${i}]`;
    const check = new FieldChecker();
    const value = parse(raw, check);
    out.entry(label, check.problems);
    return { label, value };
  });
}

function readPlan(files: Readonly<Record<string, unknown>>, out: FileProblems): PlanDocument | undefined {
  const top = topLevel(files, out, [], ['plan']);
  if (!top) return undefined;
  const check = new FieldChecker();
  const plan = parsePlanDocument(top.plan, check);
  out.entry('plan', check.problems);
  return plan;
}

function readOrgUnits(files: Readonly<Record<string, unknown>>, out: FileProblems) {
  const top = topLevel(files, out, ['orgUnits', 'changes']);
  return {
    orgUnits: entries(top?.orgUnits, 'orgUnits', out, (r) => r.code, parseOrgUnit),
    changes: entries(top?.changes, 'changes', out, (r) => r.changeId, parseOrgUnitChange),
  };
}

function readAgencies(files: Readonly<Record<string, unknown>>, out: FileProblems) {
  const top = topLevel(files, out, ['agencies', 'successions']);
  return {
    agencies: entries(top?.agencies, 'agencies', out, (r) => r.code, parseAgency),
    successions: entries(top?.successions, 'successions', out, (r) => r.predecessor, parseAgencySuccession),
  };
}

function readIndicators(files: Readonly<Record<string, unknown>>, out: FileProblems): Entry<IndicatorSeed>[] {
  const top = topLevel(files, out, ['indicators']);
  return entries(
    top?.indicators,
    'indicators',
    out,
    (r) => r.key,
    (raw, check): IndicatorSeed => {
      const definition = parseIndicatorDefinition(raw, check, ['target', 'responsibility']);
      if (definition === undefined) return undefined as unknown as IndicatorSeed;
      const record = raw as Record<string, unknown>;
      let target: Target | null = null;
      if (record.target === undefined) {
        check.report(
          'target',
          'TARGET_REQUIRED',
          definition?.section === TARGETS_SECTION
            ? `every indicator of section ${TARGETS_SECTION} has the plan's target`
            : 'write the target, or null when the plan sets no number for this task',
        );
      } else if (record.target !== null) {
        target = parseTarget(record.target, check.nested('target'));
      } else if (definition?.section === TARGETS_SECTION) {
        check.report(
          'target',
          'TARGET_REQUIRED',
          `every indicator of section ${TARGETS_SECTION} has the plan's target`,
        );
      }
      const responsibility = parseResponsibility(record.responsibility, check.nested('responsibility'));
      return { definition, target, responsibility };
    },
  );
}

function readBaselines(
  files: Readonly<Record<string, unknown>>,
  out: FileProblems,
): Entry<BaselineSeriesSeed>[] {
  const top = topLevel(files, out, ['baselines']);
  return entries(
    top?.baselines,
    'baselines',
    out,
    (r) => r.key,
    (raw, check): BaselineSeriesSeed => {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        check.report('', 'RECORD_REQUIRED', 'a baseline series must be an object');
        return undefined as unknown as BaselineSeriesSeed;
      }
      const record = raw as Record<string, unknown>;
      check.onlyKeys(record, [...BASELINE_SERIES_KEYS, 'values']);
      const series = parseBaselineSeriesFields(record, check);
      const values: Record<string, number> = {};
      const rawValues = record.values;
      if (typeof rawValues !== 'object' || rawValues === null || Array.isArray(rawValues)) {
        check.report('values', 'RECORD_REQUIRED', 'values maps org unit codes to numbers');
      } else {
        const entriesOf = Object.entries(rawValues as Record<string, unknown>);
        if (entriesOf.length === 0)
          check.report('values', 'LIST_TOO_SHORT', 'values needs at least one org unit');
        for (const [unit, value] of entriesOf) {
          const field = `values.${unit}`;
          check.check(field, (f) => requireCode(unit, f));
          const number = check.check(field, (f) => parseBaselineValue(value, f));
          if (number !== undefined) values[unit] = number;
        }
      }
      return { ...series, values };
    },
  );
}

const LEVEL_RANK: Record<OrgUnitLevel, number> = { province: 0, district: 1, commune: 2, plan_area: 3 };

interface Entries {
  orgUnits: Entry<OrgUnitRecord>[];
  changes: Entry<OrgUnitChange>[];
  agencies: Entry<AgencyRecord>[];
  successions: Entry<AgencySuccession>[];
  indicators: Entry<IndicatorSeed>[];
  baselines: Entry<BaselineSeriesSeed>[];
}

/** References between records, once every record is valid on its own. */
function checkReferences(seed: PlanSeed, e: Entries, file: (name: string) => FileProblems): void {
  const orgOut = file(SEED_FILES.orgUnits);
  const agencyOut = file(SEED_FILES.agencies);
  const indicatorOut = file(SEED_FILES.indicators);
  const baselineOut = file(SEED_FILES.baselines);
  const planOut = file(SEED_FILES.plan);

  const units = uniqueBy(e.orgUnits, (u) => u.code, orgOut, 'code', 'org unit code');
  uniqueBy(e.changes, (c) => c.changeId, orgOut, 'changeId', 'change id');
  const agencies = uniqueBy(e.agencies, (a) => a.code, agencyOut, 'code', 'agency code');
  uniqueBy(
    e.successions,
    (s) => s.predecessor,
    agencyOut,
    'predecessor',
    'succession of this agency (one per agency)',
  );
  uniqueBy(e.indicators, (i) => i.definition.key, indicatorOut, 'key', 'indicator key');
  const baselines = uniqueBy(e.baselines, (b) => b.key, baselineOut, 'key', 'baseline key');

  const unitRef = (out: FileProblems, label: string, field: string, code: string) => {
    if (!units.has(code))
      out.report(label, field, 'ORG_UNIT_UNKNOWN', `no org unit ${code} in ${SEED_FILES.orgUnits}`);
  };
  const agencyRef = (out: FileProblems, label: string, field: string, code: string) => {
    if (!agencies.has(code))
      out.report(label, field, 'AGENCY_UNKNOWN', `no agency ${code} in ${SEED_FILES.agencies}`);
  };

  unitRef(planOut, 'plan', 'orgUnit', seed.plan.orgUnit);
  agencyRef(planOut, 'plan', 'reportingAgency', seed.plan.reportingAgency);
  // Each lead of the plan is in force over its whole period: it began by then and no succession took its
  // duties before the period ends (after that, the next period names the successor).
  (seed.plan.reportingAgencies ?? []).forEach((lead, i) => {
    const field = `reportingAgencies[${i}].agency`;
    const agency = agencies.get(lead.agency);
    if (!agency) return agencyRef(planOut, 'plan', field, lead.agency);
    if (agency.validFrom !== null && compareDates(lead.from, agency.validFrom) < 0)
      planOut.report('plan', field, 'LEAD_NOT_YET_IN_FORCE', `${lead.agency} begins on ${agency.validFrom}`);
    const end = e.successions.find((s) => s.value.predecessor === lead.agency)?.value.effectiveFrom;
    if (end !== undefined && (lead.to === null || compareDates(lead.to, end) >= 0))
      planOut.report(
        'plan',
        field,
        'LEAD_ENDED',
        `${lead.agency} ended on ${end}: a later period names the agency that leads from then`,
      );
  });

  for (const { label, value: unit } of e.orgUnits) {
    // A plan area never ends: it outlives the units it was drawn on.
    if (unit.level === 'plan_area' && e.changes.some((c) => c.value.ends.includes(unit.code)))
      orgOut.report(label, 'level', 'PLAN_AREA_ENDED', 'a plan area does not end');
    if (unit.parent === null) continue;
    const parent = units.get(unit.parent);
    if (!parent) {
      unitRef(orgOut, label, 'parent', unit.parent);
    } else if (LEVEL_RANK[parent.level] >= LEVEL_RANK[unit.level]) {
      orgOut.report(label, 'parent', 'PARENT_LEVEL', `a ${unit.level} cannot sit under a ${parent.level}`);
    } else if (
      parent.validFrom !== null &&
      (unit.validFrom === null || compareDates(unit.validFrom, parent.validFrom) < 0)
    ) {
      orgOut.report(
        label,
        'parent',
        'PARENT_NOT_YET_VALID',
        `${parent.code} starts on ${parent.validFrom}, after this unit`,
      );
    }
  }

  const endedBy = new Map<string, string>();
  for (const { label, value: change } of e.changes) {
    change.ends.forEach((code, i) => {
      const unit = units.get(code);
      if (!unit) return unitRef(orgOut, label, `ends[${i}]`, code);
      if (unit.validFrom !== null && compareDates(unit.validFrom, change.effectiveFrom) >= 0) {
        orgOut.report(label, `ends[${i}]`, 'UNIT_ENDS_BEFORE_START', `${code} starts on ${unit.validFrom}`);
      }
      if (endedBy.has(code))
        orgOut.report(
          label,
          `ends[${i}]`,
          'UNIT_ENDED_TWICE',
          `${code} already ends in ${endedBy.get(code)}`,
        );
      endedBy.set(code, change.changeId);
    });
    change.starts.forEach((code, i) => {
      const unit = units.get(code);
      if (!unit) return unitRef(orgOut, label, `starts[${i}]`, code);
      if (unit.validFrom !== change.effectiveFrom) {
        orgOut.report(
          label,
          `starts[${i}]`,
          'UNIT_START_MISMATCH',
          `${code} has validFrom ${unit.validFrom}, not ${change.effectiveFrom}`,
        );
      }
    });
    change.crosswalk.forEach((row, i) => unitRef(orgOut, label, `crosswalk[${i}].to`, row.to));
  }

  for (const { label, value: agency } of e.agencies) unitRef(agencyOut, label, 'orgUnit', agency.orgUnit);
  for (const { label, value: s } of e.successions) {
    const predecessor = agencies.get(s.predecessor);
    if (!predecessor) agencyRef(agencyOut, label, 'predecessor', s.predecessor);
    else if (predecessor.validFrom !== null && compareDates(s.effectiveFrom, predecessor.validFrom) <= 0) {
      agencyOut.report(
        label,
        'effectiveFrom',
        'SUCCESSION_BEFORE_AGENCY',
        `${s.predecessor} starts on ${predecessor.validFrom}`,
      );
    }
    s.successors.forEach((successor, i) => {
      const agency = agencies.get(successor.agency);
      if (!agency) agencyRef(agencyOut, label, `successors[${i}].agency`, successor.agency);
      else if (agency.validFrom !== null && compareDates(agency.validFrom, s.effectiveFrom) > 0) {
        agencyOut.report(
          label,
          `successors[${i}].agency`,
          'SUCCESSOR_NOT_YET_VALID',
          `${agency.code} starts on ${agency.validFrom}`,
        );
      }
      successor.orgUnits?.forEach((code, j) =>
        unitRef(agencyOut, label, `successors[${i}].orgUnits[${j}]`, code),
      );
    });
  }

  for (const { label, value: indicator } of e.indicators) {
    const { definition: d, target, responsibility: r } = indicator;
    agencyRef(indicatorOut, label, 'responsibility.lead', r.lead);
    r.support.forEach((code, i) => agencyRef(indicatorOut, label, `responsibility.support[${i}]`, code));
    for (const part of ['numerator', 'denominator'] as const) {
      const key = d[part]?.baseline;
      if (key && !baselines.has(key)) {
        indicatorOut.report(
          label,
          `${part}.baseline`,
          'BASELINE_UNKNOWN',
          `no baseline ${key} in ${SEED_FILES.baselines}`,
        );
      }
    }
    if (target) {
      if ((d.kind === 'qualitative') !== (target.comparison === 'achieved')) {
        indicatorOut.report(
          label,
          'target.comparison',
          'TARGET_KIND_MISMATCH',
          d.kind === 'qualitative'
            ? 'a qualitative milestone has the target "achieved"'
            : `"achieved" is for qualitative milestones, not a ${d.kind}`,
        );
      }
      if (compareDates(target.deadline, seed.plan.periodTo) > 0) {
        indicatorOut.report(
          label,
          'target.deadline',
          'DEADLINE_AFTER_PLAN',
          `the plan runs to ${seed.plan.periodTo}`,
        );
      }
    }
  }

  for (const { label, value: series } of e.baselines) {
    for (const code of Object.keys(series.values)) unitRef(baselineOut, label, `values.${code}`, code);
  }
}

function uniqueBy<T>(
  list: Entry<T>[],
  keyOf: (value: T) => string,
  out: FileProblems,
  field: string,
  what: string,
): Map<string, T> {
  const map = new Map<string, T>();
  for (const { label, value } of list) {
    const key = keyOf(value);
    if (map.has(key)) out.report(label, field, 'DUPLICATE_KEY', `${what} ${key} appears more than once`);
    else map.set(key, value);
  }
  return map;
}
