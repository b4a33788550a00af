// The repository's export seed files: the DHIS2 mapping is empty (nothing is guessed until the statistician
// fills it in) and the IATI activity holds placeholders the operator sets; both pass their validators.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDhis2Mapping, validateIatiActivitySeed } from '@ledger/domain';
import { dhis2MappingFromFolder, iatiActivityFromFolder, readSeedFiles } from '@ledger/ledger';

const SEEDS = join(__dirname, '..', '..', 'seeds');
const json = (file: string) => JSON.parse(readFileSync(join(SEEDS, file), 'utf8')) as Record<string, unknown>;

describe('export seed files', () => {
  const plan = readSeedFiles(SEEDS);

  it('dhis2-mapping.json maps nothing by default', () => {
    expect(dhis2MappingFromFolder(SEEDS, plan)).toEqual({
      dataSet: null,
      attributeOptionCombo: null,
      indicators: {},
      orgUnits: {},
    });
  });

  it('iati-activity.json is valid, says it is not set by the operator, and names agencies of the plan', () => {
    const activity = iatiActivityFromFolder(SEEDS, plan)!;
    expect(activity.setByOperator).toBe(false);
    expect(activity.iatiIdentifier.startsWith(`${activity.reportingOrg.ref}-`)).toBe(true);
    expect(JSON.stringify(json('iati-activity.json').about)).toMatch(/TO BE SET BY THE OPERATOR/);
    const agencies = new Set(plan.agencies.map((a) => a.code));
    for (const o of [activity.reportingOrg, ...activity.participatingOrgs])
      expect(agencies.has(o.agency)).toBe(true);
  });

  it('the IATI validator names every problem: prefix, roles, types, agencies', () => {
    const { seed, problems } = validateIatiActivitySeed(
      {
        setByOperator: 'no',
        iatiIdentifier: 'VN-OTHER-1',
        reportingOrg: { agency: 'UBND-BAC-AI', ref: 'VN-ORG', type: '11' },
        participatingOrgs: [{ agency: 'NO-SUCH', ref: null, type: '99', role: '7' }],
        activityStatus: '2',
        recipientCountry: 'Viet Nam',
      },
      plan.agencies,
    );
    expect(seed).toBeNull();
    expect(problems.map((p) => `${p.entry}: ${p.field}: ${p.code}`)).toEqual([
      '(file): setByOperator: FIELD_INVALID',
      '(file): recipientCountry: FIELD_INVALID',
      '(file): iatiIdentifier: IATI_IDENTIFIER_PREFIX',
      'participatingOrgs[0]: agency: AGENCY_UNKNOWN',
      'participatingOrgs[0]: type: FIELD_INVALID',
      'participatingOrgs[0]: role: FIELD_INVALID',
    ]);
  });

  it('the DHIS2 validator checks keys against the plan', () => {
    const known = {
      indicators: plan.indicators.map((i) => i.definition.key),
      orgUnits: plan.orgUnits.map((u) => u.code),
    };
    expect(validateDhis2Mapping(json('dhis2-mapping.json'), known).problems).toEqual([]);
    expect(
      validateDhis2Mapping({ indicators: { houses_built: { dataElement: 'f7n9E0hX8qk' } } }, known).problems,
    ).toEqual([]);
  });
});
