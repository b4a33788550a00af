// seeds/iati-activity.json: how the plan is published as an IATI activity — its identifier, the reporting
// organisation and the participating organisations (agencies of agencies.json with their IATI role and
// type). The identifiers are the operator's to set (they come from the IATI registry); until then
// `setByOperator` is false and the export says so.
import type { AgencyRecord } from '../plan/plan-records';
import type { SeedProblem } from '../plan/plan-seed';

export const IATI_ACTIVITY_FILE = 'iati-activity.json';

/** IATI's OrganisationRole codelist: 1 funding, 2 accountable, 3 extending, 4 implementing. */
export const IATI_ORGANISATION_ROLES = ['1', '2', '3', '4'] as const;
/** IATI's OrganisationType codelist (10 government, 11 local government, ...). */
export const IATI_ORGANISATION_TYPES = [
  '10',
  '11',
  '15',
  '21',
  '22',
  '23',
  '24',
  '30',
  '40',
  '60',
  '70',
  '71',
  '72',
  '73',
  '80',
  '90',
] as const;
/** IATI's ActivityStatus codelist: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled, 6 suspended. */
export const IATI_ACTIVITY_STATUSES = ['1', '2', '3', '4', '5', '6'] as const;

export interface IatiOrganisation {
  /** The agency of agencies.json whose names are written. */
  agency: string;
  /** The organisation's IATI identifier; null when it has none. */
  ref: string | null;
  type: (typeof IATI_ORGANISATION_TYPES)[number];
}

export interface IatiActivitySeed {
  /** false until the operator has set the identifiers below from the IATI registry. */
  setByOperator: boolean;
  /** The reporting organisation's identifier, a hyphen, and the activity's own id. */
  iatiIdentifier: string;
  reportingOrg: IatiOrganisation & { ref: string };
  participatingOrgs: Array<IatiOrganisation & { role: (typeof IATI_ORGANISATION_ROLES)[number] }>;
  activityStatus: (typeof IATI_ACTIVITY_STATUSES)[number];
  /** ISO 3166-1 alpha-2. */
  recipientCountry: string;
}

const TOP_KEYS = [
  'about',
  'setByOperator',
  'iatiIdentifier',
  'reportingOrg',
  'participatingOrgs',
  'activityStatus',
  'recipientCountry',
];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = 200): v is string =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= max && !/[\r\n<>&"]/.test(v);

/** The seed, or null with every problem as `iati-activity.json: entry: field: message`. */
export function validateIatiActivitySeed(
  content: unknown,
  agencies: readonly Pick<AgencyRecord, 'code'>[],
): { seed: IatiActivitySeed | null; problems: SeedProblem[] } {
  const problems: SeedProblem[] = [];
  const report = (entry: string, field: string, code: string, message: string) =>
    problems.push({ file: IATI_ACTIVITY_FILE, entry, field, code, message });
  if (!isRecord(content)) {
    report('(file)', '(json)', 'IATI_ACTIVITY_INVALID', 'the file holds one JSON object');
    return { seed: null, problems };
  }
  for (const key of Object.keys(content))
    if (!TOP_KEYS.includes(key))
      report('(file)', key, 'FIELD_UNKNOWN', `unknown field (expected: ${TOP_KEYS.join(', ')})`);
  if (typeof content.setByOperator !== 'boolean')
    report('(file)', 'setByOperator', 'FIELD_INVALID', 'true or false');
  if (!isText(content.iatiIdentifier)) report('(file)', 'iatiIdentifier', 'FIELD_INVALID', 'a text');
  if (!(IATI_ACTIVITY_STATUSES as readonly unknown[]).includes(content.activityStatus))
    report('(file)', 'activityStatus', 'FIELD_INVALID', `one of ${IATI_ACTIVITY_STATUSES.join(', ')}`);
  if (typeof content.recipientCountry !== 'string' || !/^[A-Z]{2}$/.test(content.recipientCountry))
    report('(file)', 'recipientCountry', 'FIELD_INVALID', 'an ISO 3166-1 alpha-2 code, e.g. VN');

  const known = new Set(agencies.map((a) => a.code));
  const organisation = (raw: unknown, entry: string, keys: string[]): boolean => {
    if (!isRecord(raw)) {
      report(entry, '(entry)', 'FIELD_INVALID', `an object with ${keys.join(', ')}`);
      return false;
    }
    for (const key of Object.keys(raw))
      if (!keys.includes(key))
        report(entry, key, 'FIELD_UNKNOWN', `unknown field (expected: ${keys.join(', ')})`);
    if (typeof raw.agency !== 'string' || !known.has(raw.agency))
      report(entry, 'agency', 'AGENCY_UNKNOWN', `no agency ${String(raw.agency)} in agencies.json`);
    if (!(IATI_ORGANISATION_TYPES as readonly unknown[]).includes(raw.type))
      report(entry, 'type', 'FIELD_INVALID', "a code of IATI's OrganisationType list, e.g. 10 (government)");
    if (raw.ref !== null && !isText(raw.ref))
      report(entry, 'ref', 'FIELD_INVALID', 'an IATI identifier or null');
    return true;
  };
  const reporting = content.reportingOrg;
  if (organisation(reporting, 'reportingOrg', ['agency', 'ref', 'type']) && isRecord(reporting)) {
    if (!isText(reporting.ref))
      report('reportingOrg', 'ref', 'FIELD_REQUIRED', 'the reporting organisation needs its IATI identifier');
    // IATI: the activity identifier starts with the reporting organisation's identifier and a hyphen.
    else if (isText(content.iatiIdentifier) && !content.iatiIdentifier.startsWith(`${reporting.ref}-`))
      report(
        '(file)',
        'iatiIdentifier',
        'IATI_IDENTIFIER_PREFIX',
        `must start with reportingOrg.ref and a hyphen (${reporting.ref}-)`,
      );
  }
  const participating = content.participatingOrgs;
  if (!Array.isArray(participating) || participating.length === 0)
    report('(file)', 'participatingOrgs', 'FIELD_REQUIRED', 'at least one participating organisation');
  else
    participating.forEach((raw, i) => {
      const entry = `participatingOrgs[${i}]`;
      if (organisation(raw, entry, ['agency', 'ref', 'type', 'role']) && isRecord(raw))
        if (!(IATI_ORGANISATION_ROLES as readonly unknown[]).includes(raw.role))
          report(entry, 'role', 'FIELD_INVALID', '1 funding, 2 accountable, 3 extending or 4 implementing');
    });
  if (problems.length > 0) return { seed: null, problems };
  const { about: _about, ...seed } = content;
  return { seed: seed as unknown as IatiActivitySeed, problems };
}
