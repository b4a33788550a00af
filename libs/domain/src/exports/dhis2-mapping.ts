// seeds/dhis2-mapping.json: which DHIS2 data element (and category option combo) carries each of the plan's
// indicators, and which DHIS2 org unit is each of ours. Nothing is guessed: an indicator or org unit left
// out is reported as unmapped by the export. Validated here against the plan's indicators and org units.
import type { SeedProblem } from '../plan/plan-seed';

export const DHIS2_MAPPING_FILE = 'dhis2-mapping.json';

export interface Dhis2DataElementRef {
  dataElement: string;
  /** null: the data element's default category option combo (DHIS2 fills it in). */
  categoryOptionCombo: string | null;
}

export interface Dhis2Mapping {
  /** The data set the values are reported in; optional for DHIS2's import. */
  dataSet: string | null;
  attributeOptionCombo: string | null;
  indicators: Readonly<Record<string, Dhis2DataElementRef>>;
  orgUnits: Readonly<Record<string, string>>;
}

export const EMPTY_DHIS2_MAPPING: Dhis2Mapping = {
  dataSet: null,
  attributeOptionCombo: null,
  indicators: {},
  orgUnits: {},
};

/** DHIS2's identifiers: 11 characters, a letter then letters and digits. */
export const DHIS2_UID = /^[A-Za-z][A-Za-z0-9]{10}$/;

const TOP_KEYS = ['about', 'dataSet', 'attributeOptionCombo', 'indicators', 'orgUnits'];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The mapping, and every problem of the file as `dhis2-mapping.json: entry: field: message`. */
export function validateDhis2Mapping(
  content: unknown,
  known: { indicators: readonly string[]; orgUnits: readonly string[] },
): { mapping: Dhis2Mapping; problems: SeedProblem[] } {
  const problems: SeedProblem[] = [];
  const report = (entry: string, field: string, code: string, message: string) =>
    problems.push({ file: DHIS2_MAPPING_FILE, entry, field, code, message });
  if (!isRecord(content)) {
    report('(file)', '(json)', 'DHIS2_MAPPING_INVALID', 'the file holds one JSON object');
    return { mapping: EMPTY_DHIS2_MAPPING, problems };
  }
  for (const key of Object.keys(content))
    if (!TOP_KEYS.includes(key))
      report('(file)', key, 'FIELD_UNKNOWN', `unknown field (expected: ${TOP_KEYS.join(', ')})`);

  const uidOrNull = (value: unknown, entry: string, field: string): string | null => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'string' && DHIS2_UID.test(value)) return value;
    report(entry, field, 'DHIS2_UID_INVALID', 'a DHIS2 uid is 11 letters and digits, starting with a letter');
    return null;
  };
  const dataSet = uidOrNull(content.dataSet, '(file)', 'dataSet');
  const attributeOptionCombo = uidOrNull(content.attributeOptionCombo, '(file)', 'attributeOptionCombo');

  const indicators: Record<string, Dhis2DataElementRef> = {};
  const targets = new Map<string, string>();
  const rawIndicators = content.indicators ?? {};
  if (!isRecord(rawIndicators))
    report('(file)', 'indicators', 'FIELD_INVALID', 'an object: indicator key -> ids');
  else
    for (const [key, raw] of Object.entries(rawIndicators)) {
      const entry = `indicators.${key}`;
      if (!known.indicators.includes(key)) {
        report(entry, '(key)', 'INDICATOR_UNKNOWN', `no indicator ${key} in indicators.json`);
        continue;
      }
      if (!isRecord(raw)) {
        report(entry, '(entry)', 'FIELD_INVALID', 'an object with dataElement and categoryOptionCombo');
        continue;
      }
      for (const field of Object.keys(raw))
        if (field !== 'dataElement' && field !== 'categoryOptionCombo')
          report(entry, field, 'FIELD_UNKNOWN', 'unknown field (expected: dataElement, categoryOptionCombo)');
      const dataElement = uidOrNull(raw.dataElement, entry, 'dataElement');
      if (raw.dataElement === null || raw.dataElement === undefined)
        report(entry, 'dataElement', 'FIELD_REQUIRED', 'the DHIS2 data element uid is required');
      const categoryOptionCombo = uidOrNull(raw.categoryOptionCombo, entry, 'categoryOptionCombo');
      if (dataElement === null) continue;
      // Two indicators on one data element and combo would overwrite each other in DHIS2.
      const target = `${dataElement}.${categoryOptionCombo ?? 'default'}`;
      const other = targets.get(target);
      if (other !== undefined)
        report(
          entry,
          'dataElement',
          'DHIS2_TARGET_TAKEN',
          `${other} is mapped to the same data element and combo`,
        );
      targets.set(target, key);
      indicators[key] = { dataElement, categoryOptionCombo };
    }

  const orgUnits: Record<string, string> = {};
  const units = new Map<string, string>();
  const rawUnits = content.orgUnits ?? {};
  if (!isRecord(rawUnits))
    report('(file)', 'orgUnits', 'FIELD_INVALID', 'an object: org unit code -> DHIS2 uid');
  else
    for (const [code, raw] of Object.entries(rawUnits)) {
      const entry = `orgUnits.${code}`;
      if (!known.orgUnits.includes(code)) {
        report(entry, '(key)', 'ORG_UNIT_UNKNOWN', `no org unit ${code} in org-units.json`);
        continue;
      }
      const uid = uidOrNull(raw, entry, '(value)');
      if (uid === null) {
        if (raw === null || raw === undefined)
          report(entry, '(value)', 'FIELD_REQUIRED', 'the DHIS2 org unit uid is required');
        continue;
      }
      const other = units.get(uid);
      if (other !== undefined)
        report(entry, '(value)', 'DHIS2_TARGET_TAKEN', `${other} is mapped to the same DHIS2 org unit`);
      units.set(uid, code);
      orgUnits[code] = uid;
    }
  return { mapping: { dataSet, attributeOptionCombo, indicators, orgUnits }, problems };
}
