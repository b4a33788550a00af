// Which agency may record which action: the plan (section III) gives each task to an agency, and a commune's
// People's Committee and its offices carry out the tasks in their commune. Kept as data in the seed folder
// (recording-rights.json), validated here against the plan's agencies and the ledger's action aggregates.
import type {
  AgencyKind,
  AgencyRecord,
  AgencySuccession,
  OrgUnitLevel,
  OrgUnitRecord,
} from '../plan/plan-records';

export const RECORDING_RIGHTS_FILE = 'recording-rights.json';

/** A rule names agencies by code, or by kind and the level of the org unit they serve. */
export interface RecordingRight {
  agencies?: readonly string[];
  agencyKinds?: readonly AgencyKind[];
  orgUnitLevel?: OrgUnitLevel;
  /** Aggregate names (housing-case, subsidy-payment, ...). */
  actions: readonly string[];
  source: string;
}

export class RecordingRights {
  private readonly byAgency = new Map<string, Set<string>>();

  /**
   * `successions`: the rights pass with the duties, by function: a successor records what each of its
   * predecessors recorded (the new communes' culture and social affairs offices open training courses and
   * record reburials as the district's labour office did; their economic offices record clean water as the
   * agriculture office did). When each may use them is the in-force rule's to say (in-force.ts).
   */
  constructor(
    rights: readonly RecordingRight[],
    agencies: readonly Pick<AgencyRecord, 'code' | 'kind' | 'orgUnit'>[],
    levelOf: (orgUnit: string) => OrgUnitLevel | undefined,
    successions: readonly Pick<AgencySuccession, 'predecessor' | 'successors'>[] = [],
  ) {
    for (const agency of agencies) {
      const actions = new Set<string>();
      for (const right of rights) {
        const byCode = right.agencies?.includes(agency.code) ?? false;
        const byKind =
          right.agencyKinds !== undefined &&
          right.agencyKinds.includes(agency.kind) &&
          (right.orgUnitLevel === undefined || levelOf(agency.orgUnit) === right.orgUnitLevel);
        if (byCode || byKind) right.actions.forEach((a) => actions.add(a));
      }
      this.byAgency.set(agency.code, actions);
    }
    // Until nothing changes: a successor of a successor inherits through both.
    for (let changed = true; changed;) {
      changed = false;
      for (const succession of successions) {
        const inherited = this.byAgency.get(succession.predecessor) ?? new Set<string>();
        for (const { agency } of succession.successors) {
          const actions = this.byAgency.get(agency) ?? new Set<string>();
          for (const action of inherited)
            if (!actions.has(action)) {
              actions.add(action);
              changed = true;
            }
          this.byAgency.set(agency, actions);
        }
      }
    }
  }

  allows(agency: string, action: string): boolean {
    return this.byAgency.get(agency)?.has(action) ?? false;
  }

  actionsOf(agency: string): string[] {
    return [...(this.byAgency.get(agency) ?? [])].sort();
  }
}

/** Every problem of the file as `recording-rights.json: entry: field: message`; empty when sound. */
export function validateRecordingRights(
  content: unknown,
  known: {
    agencies: readonly Pick<AgencyRecord, 'code' | 'kind'>[];
    levels: readonly OrgUnitLevel[];
    actions: readonly string[];
  },
): { rights: RecordingRight[]; problems: string[] } {
  const problems: string[] = [];
  const problem = (entry: string, field: string, message: string) =>
    problems.push(`${RECORDING_RIGHTS_FILE}: ${entry}: ${field}: ${message}`);
  if (
    typeof content !== 'object' ||
    content === null ||
    !Array.isArray((content as { rights?: unknown }).rights)
  ) {
    problem('(file)', 'rights', 'must hold an object with a list "rights"');
    return { rights: [], problems };
  }
  const codes = new Set(known.agencies.map((a) => a.code));
  const kinds = new Set(known.agencies.map((a) => a.kind as string));
  const rights: RecordingRight[] = [];
  (content as { rights: unknown[] }).rights.forEach((raw, i) => {
    const entry = `rights[${i}]`;
    if (typeof raw !== 'object' || raw === null) return problem(entry, '(entry)', 'must be an object');
    const r = raw as Record<string, unknown>;
    for (const key of Object.keys(r))
      if (!['agencies', 'agencyKinds', 'orgUnitLevel', 'actions', 'source'].includes(key))
        problem(entry, key, 'unknown field');
    const list = (field: string, valid: (v: string) => boolean, what: string): string[] | undefined => {
      const value = r[field];
      if (value === undefined) return undefined;
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !valid(v))) {
        problem(entry, field, `must be a list of ${what}`);
        return undefined;
      }
      return value as string[];
    };
    const agencies = list('agencies', (v) => codes.has(v), 'agency codes of agencies.json');
    const agencyKinds = list('agencyKinds', (v) => kinds.has(v), 'agency kinds used in agencies.json');
    const actions = list(
      'actions',
      (v) => known.actions.includes(v),
      `actions (${known.actions.join(', ')})`,
    );
    const level = r.orgUnitLevel;
    if (level !== undefined && !known.levels.includes(level as OrgUnitLevel))
      problem(entry, 'orgUnitLevel', `must be one of ${known.levels.join(', ')}`);
    if (!agencies && !agencyKinds) problem(entry, 'agencies', 'name agencies or agencyKinds');
    if (!actions || actions.length === 0) problem(entry, 'actions', 'name at least one action');
    if (typeof r.source !== 'string' || r.source.trim() === '')
      problem(entry, 'source', 'say where the right comes from');
    rights.push({
      ...(agencies ? { agencies } : {}),
      ...(agencyKinds ? { agencyKinds: agencyKinds as AgencyKind[] } : {}),
      ...(level !== undefined ? { orgUnitLevel: level as OrgUnitLevel } : {}),
      actions: actions ?? [],
      source: String(r.source),
    });
  });
  return { rights, problems };
}

/** The level of each org unit of the plan, for rules that name a level. */
export function levelLookup(units: readonly Pick<OrgUnitRecord, 'code' | 'level'>[]) {
  const levels = new Map(units.map((u) => [u.code, u.level]));
  return (code: string): OrgUnitLevel | undefined => levels.get(code);
}
