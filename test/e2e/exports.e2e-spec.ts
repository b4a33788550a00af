// The DHIS2 and IATI exports over HTTP, on a copy of the repository's plan folder with a DHIS2 mapping for
// two indicators and two org units. Houses are recorded here; the expected figures come from the plan's
// definitions (seeds/indicators.json: what each completion contributes, the milestones and targets),
// never from the projections. The formats are checked against DHIS2's documented examples and the IATI
// 2.03 activity schema (test/fixtures/iati-2.03, through xmllint-wasm).
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { untilProjected } from './support/ledger-client';
import { at, startTestLedger, type TestLedger } from './support/test-app';
import { OLD_AGENCY, officer } from './support/tokens';

const SEEDS = join(__dirname, '..', '..', 'seeds');
const IATI_XSD = join(__dirname, '..', 'fixtures', 'iati-2.03');
const seed = (file: string) => JSON.parse(readFileSync(join(SEEDS, file), 'utf8')) as Record<string, unknown>;

interface IndicatorSeed {
  key: string;
  kind: string;
  contributions: Array<{ event: string; measure: string; part: string; factor?: number }>;
  target: { value?: number; deadline: string; milestones?: Array<{ year: number; value: number }> } | null;
}
const indicators = seed('indicators.json').indicators as IndicatorSeed[];
const housesBuilt = indicators.find((i) => i.key === 'houses_built')!;
/** What one completed house adds to houses_built, by the plan's rules. */
const perCompletion = housesBuilt.contributions
  .filter((c) => c.event === 'HousingConstructionCompleted' && c.measure === 'count' && c.part === 'value')
  .reduce((sum, c) => sum + (c.factor ?? 1), 0);

// Made-up DHIS2 uids (11 letters and digits), as a statistician would copy them from the DHIS2 instance.
const UID = {
  dataSet: 'pBOMPrpg1QX',
  housesBuilt: 'f7n9E0hX8qk',
  housingCases: 'Ix2HsbDMLea',
  coc: 'bRowv6yZ0F2',
  district: 'DiszpKrYNg8',
  phuocDai: 'FNnj3jKGS7i',
};
const MAPPING = {
  dataSet: UID.dataSet,
  attributeOptionCombo: null,
  indicators: {
    houses_built: { dataElement: UID.housesBuilt, categoryOptionCombo: UID.coc },
    housing_cases_registered: { dataElement: UID.housingCases },
  },
  orgUnits: { 'NT-BAC-AI': UID.district, 'BA-PHUOC-DAI': UID.phuocDai },
};

/** DHIS2's documented data value set (Web API, "Sending data values" and "Sending bulks of data values"). */
const DOCUMENTED_SET_KEYS = [
  'dataSet',
  'completeDate',
  'period',
  'orgUnit',
  'attributeOptionCombo',
  'dataValues',
];
const DOCUMENTED_VALUE_KEYS = [
  'dataElement',
  'period',
  'orgUnit',
  'categoryOptionCombo',
  'attributeOptionCombo',
  'value',
  'comment',
];
/** The columns of DHIS2's CSV data value set, in its order. */
const DOCUMENTED_CSV_HEADER =
  'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted';

function seedFolderWith(files: Record<string, unknown>): string {
  const folder = mkdtempSync(join(tmpdir(), 'ledger-seeds-'));
  for (const name of readdirSync(SEEDS).filter((n) => n.endsWith('.json')))
    cpSync(join(SEEDS, name), join(folder, name));
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(folder, name), typeof content === 'string' ? content : JSON.stringify(content));
  return folder;
}

async function completedHouse(ledger: TestLedger, citizenId: string, commune: string, completedOn: string) {
  const reg = await ledger
    .http()
    .post('/housing-cases')
    .set(officer(OLD_AGENCY))
    .send({ householdHeadCitizenId: citizenId, commune, category: 'poor', occurredAt: at('2025-03-02') });
  expect(reg.status).toBe(201);
  const caseId = reg.body.caseId as string;
  const steps: Array<[string, object]> = [
    ['funding-approvals', { amountVnd: 60_000_000, source: 'central_budget', occurredAt: at('2025-03-10') }],
    ['construction-starts', { occurredAt: at('2025-04-01') }],
    ['completions', { floorAreaM2: 42.5, occupants: 5, occurredAt: at(completedOn) }],
  ];
  for (const [sub, body] of steps)
    expect(
      (await ledger.http().post(`/housing-cases/${caseId}/${sub}`).set(officer(OLD_AGENCY)).send(body))
        .status,
    ).toBe(201);
}

describe('exports: DHIS2 data value sets and IATI results', () => {
  let ledger: TestLedger;
  let folder: string;
  // Two houses completed in Phước Đại in the second quarter of 2025 (before the reorganisation).
  const completions = ['2025-05-20', '2025-06-15'];
  const expectedHouses = completions.length * perCompletion;

  beforeAll(async () => {
    folder = seedFolderWith({ 'dhis2-mapping.json': MAPPING });
    ledger = await startTestLedger({ seed: true, env: { LEDGER_SEED_DIR: folder } });
    await completedHouse(ledger, '058200000801', 'BA-PHUOC-DAI', completions[0]);
    await completedHouse(ledger, '058200000802', 'BA-PHUOC-DAI', completions[1]);
    await untilProjected(ledger);
  }, 90_000);
  afterAll(async () => {
    await ledger?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('JSON: the figures of GET /indicators/{key} in DHIS2 ids, with the documented field names only', async () => {
    expect(perCompletion).toBeGreaterThan(0);
    const res = await ledger
      .anonymous()
      .get('/exports/dhis2/data-value-sets?period=2025Q2&orgUnit=BA-PHUOC-DAI');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/json');
    const { unmapped, withoutFigure, ...set } = res.body as Record<string, unknown> & {
      dataValues: Array<Record<string, string>>;
    };
    expect(Object.keys(set).every((k) => DOCUMENTED_SET_KEYS.includes(k))).toBe(true);
    expect(set).toMatchObject({ dataSet: UID.dataSet, period: '2025Q2', orgUnit: UID.phuocDai });
    for (const value of set.dataValues)
      expect(Object.keys(value).every((k) => DOCUMENTED_VALUE_KEYS.includes(k))).toBe(true);
    const houses = set.dataValues.find((v) => v.dataElement === UID.housesBuilt);
    expect(houses).toEqual({
      dataElement: UID.housesBuilt,
      period: '2025Q2',
      orgUnit: UID.phuocDai,
      categoryOptionCombo: UID.coc,
      value: String(expectedHouses),
      comment: 'ledger indicator houses_built',
    });
    // The same figure as the indicator's own route, on the period's last day.
    const view = await ledger
      .anonymous()
      .get('/indicators/houses_built?orgUnit=BA-PHUOC-DAI&asOf=2025-06-30');
    expect(String(view.body.progress.value)).toBe(houses!.value);
    // The second mapped indicator has no category option combo: DHIS2's default, not written.
    const cases = set.dataValues.find((v) => v.dataElement === UID.housingCases);
    expect(cases && 'categoryOptionCombo' in cases).toBe(false);
    // Every other indicator of the plan is listed as unmapped, never guessed.
    const mappedKeys = Object.keys(MAPPING.indicators);
    const allKeys = indicators.map((i) => i.key).sort();
    expect(unmapped).toEqual({ indicators: allKeys.filter((k) => !mappedKeys.includes(k)), orgUnits: [] });
    expect(withoutFigure).toEqual([]);
    expect(res.headers['ledger-unmapped-indicators']).toContain('unemployment_rate');
    expect(res.headers['ledger-figures-as-of']).toBe('2025-06-30');
  });

  it('periods in DHIS2 syntax: a year, a quarter, a month, each read on its last day', async () => {
    const valueIn = async (period: string) => {
      const res = await ledger
        .http()
        .get(`/exports/dhis2/data-value-sets?period=${period}&orgUnit=NT-BAC-AI`);
      expect(res.status).toBe(200);
      const set = res.body as { orgUnit: string; dataValues: Array<{ dataElement: string; value: string }> };
      expect(set.orgUnit).toBe(UID.district);
      return set.dataValues.find((v) => v.dataElement === UID.housesBuilt)?.value;
    };
    // The district counts its communes' houses: both by the end of June, one by the end of May.
    expect(await valueIn('2025')).toBe(String(expectedHouses));
    expect(await valueIn('2025Q2')).toBe(String(expectedHouses));
    expect(await valueIn('202505')).toBe(String(perCompletion));
    expect(await valueIn('202506')).toBe(String(expectedHouses));
  });

  it('CSV: DHIS2 columns in DHIS2 order, by Accept header or format=csv', async () => {
    const url = '/exports/dhis2/data-value-sets?period=2025Q2&orgUnit=BA-PHUOC-DAI';
    for (const ask of [
      () => ledger.http().get(url).set('Accept', 'application/csv'),
      () => ledger.http().get(url).set('Accept', 'text/csv'),
      () => ledger.http().get(`${url}&format=csv`),
    ]) {
      const res = await ask();
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/csv/);
      const [header, ...rows] = res.text.trimEnd().split('\n');
      expect(header).toBe(DOCUMENTED_CSV_HEADER);
      const columns = header.split(',');
      const houses = rows.map((r) => r.split(',')).find((cells) => cells[0] === UID.housesBuilt)!;
      const cell = (name: string) => houses[columns.indexOf(name)];
      expect(cell('period')).toBe('2025Q2');
      expect(cell('orgunit')).toBe(UID.phuocDai);
      expect(cell('categoryoptioncombo')).toBe(UID.coc);
      expect(cell('value')).toBe(String(expectedHouses));
    }
  });

  it('ADX: the ADX namespace, the period as start/duration, at /exports/dhis2/adx and by format=adx', async () => {
    for (const url of [
      '/exports/dhis2/adx?period=202506&orgUnit=BA-PHUOC-DAI',
      '/exports/dhis2/data-value-sets?period=202506&orgUnit=BA-PHUOC-DAI&format=adx',
    ]) {
      const res = await ledger.anonymous().get(url);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/adx\+xml/);
      const xml = res.text;
      expect(xml).toMatch(
        /^<\?xml version="1.0" encoding="UTF-8"\?>\n<adx xmlns="urn:ihe:qrph:adx:2015" exported="\d{4}-\d\d-\d\dT[\d:.]+Z">/,
      );
      expect(xml).toContain(
        `<group orgUnit="${UID.phuocDai}" period="2025-06-01/P1M" dataSet="${UID.dataSet}">`,
      );
      expect(xml).toContain(
        `<dataValue dataElement="${UID.housesBuilt}" categoryOptionCombo="${UID.coc}" value="${expectedHouses}"/>`,
      );
      expect(xml).toContain('unmapped (no value sent)');
      // Well-formed: xmllint parses it.
      const parsed = await validateXML({
        xml: { fileName: 'adx.xml', contents: xml },
        normalization: 'format',
      });
      expect(parsed.normalized).toContain('<adx');
    }
  });

  it('an unmapped org unit is listed and sends nothing', async () => {
    const res = await ledger.http().get('/exports/dhis2/data-value-sets?period=2025&orgUnit=BA-PHUOC-HOA');
    expect(res.status).toBe(200);
    expect(res.body.dataValues).toEqual([]);
    expect(res.body.unmapped.orgUnits).toEqual(['BA-PHUOC-HOA']);
    expect(res.body.orgUnit).toBeUndefined();
    expect(res.headers['ledger-unmapped-org-units']).toBe('BA-PHUOC-HOA');
    const adx = await ledger.http().get('/exports/dhis2/adx?period=2025&orgUnit=BA-PHUOC-HOA');
    expect(adx.text).not.toContain('<group');
    expect(adx.text).toContain('org unit BA-PHUOC-HOA');
  });

  it('refuses a period that is not DHIS2 syntax, one not begun, and an unknown org unit (400 naming the field)', async () => {
    for (const period of ['2025Q5', '2025-06', '2025W10', '202513', ''])
      await ledger
        .http()
        .get(`/exports/dhis2/data-value-sets?period=${period}`)
        .expect(400)
        .expect((res) => expect(JSON.stringify(res.body)).toContain('period'));
    const future = await ledger.http().get('/exports/dhis2/data-value-sets?period=2099');
    expect(future.status).toBe(400);
    expect(future.body.detail).toMatch(/period 2099 has not begun/);
    const unknown = await ledger.http().get('/exports/dhis2/adx?period=2025&orgUnit=XA-KHONG-CO');
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toMatch(/orgUnit/);
    const badFormat = await ledger.http().get('/exports/dhis2/data-value-sets?period=2025&format=xls');
    expect(badFormat.status).toBe(400);
  });

  it('IATI: one activity valid against the IATI 2.03 schema, with baseline, yearly targets and actuals', async () => {
    const res = await ledger.anonymous().get('/exports/iati/results');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    // The repository's iati-activity.json holds placeholders until the operator sets them.
    expect(res.headers['ledger-iati-identifiers']).toBe('placeholder');
    const xml = res.text;
    const schemaFile = (name: string) => ({
      fileName: name,
      contents: readFileSync(join(IATI_XSD, name), 'utf8'),
    });
    const result = await validateXML({
      xml: { fileName: 'iati-results.xml', contents: xml },
      schema: schemaFile('iati-activities-schema.xsd'),
      preload: [schemaFile('iati-common.xsd'), schemaFile('xml.xsd')],
    });
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
    // The schema does bite: the same file without its required activity-status is refused.
    const broken = await validateXML({
      xml: { fileName: 'broken.xml', contents: xml.replace(/<activity-status [^>]*\/>/, '') },
      schema: schemaFile('iati-activities-schema.xsd'),
      preload: [schemaFile('iati-common.xsd'), schemaFile('xml.xsd')],
    });
    expect(broken.valid).toBe(false);

    const activity = seed('iati-activity.json') as { iatiIdentifier: string; reportingOrg: { ref: string } };
    expect(xml).toContain(`<iati-identifier>${activity.iatiIdentifier}</iati-identifier>`);
    expect(xml).toContain(`<reporting-org ref="${activity.reportingOrg.ref}" type="11">`);
    expect((xml.match(/<result /g) ?? []).length).toBe(indicators.length);

    // houses_built: its indicator element, then its periods.
    const start = xml.indexOf('<reference vocabulary="99" code="houses_built"/>');
    expect(start).toBeGreaterThan(0);
    const block = xml.slice(start, xml.indexOf('</indicator>', start));
    const period = (year: number) => {
      const from = block.indexOf(`<period-end iso-date="${year}-12-31"/>`);
      return from < 0 ? '' : block.slice(from, block.indexOf('</period>', from));
    };
    const milestones = new Map((housesBuilt.target!.milestones ?? []).map((m) => [m.year, m.value]));
    expect(period(2025)).toContain(`<target value="${milestones.get(2025)}">`);
    expect(period(2025)).toContain(`<actual value="${expectedHouses}">`);
    const deadlineYear = Number(housesBuilt.target!.deadline.slice(0, 4));
    expect(period(deadlineYear)).toContain(
      `<target value="${milestones.get(deadlineYear) ?? housesBuilt.target!.value}">`,
    );
    expect(block).toMatch(/<baseline iso-date="2024-02-19" year="2024"/);
    expect(xml).toMatch(
      /<indicator measure="1" ascending="true">\s*<title>\s*<narrative>[^<]+<\/narrative>\s*<narrative xml:lang="en">Houses built/,
    );
  });
});

describe('exports: the mapping file is checked at start', () => {
  it('refuses to start on a mapping that names an unknown indicator or a bad uid, naming the file', async () => {
    const folder = seedFolderWith({
      'dhis2-mapping.json': {
        indicators: { houses_biult: { dataElement: 'f7n9E0hX8qk' } },
        orgUnits: { 'NT-BAC-AI': 'x' },
      },
    });
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
    try {
      await expect(startTestLedger({ env: { LEDGER_SEED_DIR: folder } }, dataDir)).rejects.toThrow(
        /dhis2-mapping\.json: indicators\.houses_biult[\s\S]*dhis2-mapping\.json: orgUnits\.NT-BAC-AI/,
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
