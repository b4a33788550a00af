// Figures an officer would compute by hand: what stands behind each one (null only where there is no
// figure at all, illustrative baselines apart), recorded over HTTP on the repository's plan, in the first half
// of 2025 (before the reorganisation of 1 July 2025, so on the old communes). Expected values
// come from the plan's definitions (seeds/indicators.json, seeds/baselines.json), never from the projections.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { untilProjected } from './support/ledger-client';
import { at, startTestLedger, type TestLedger } from './support/test-app';
import { OLD_AGENCY, officer, supervisor } from './support/tokens';

const SEEDS = join(__dirname, '..', '..', 'seeds');
const seed = (file: string) => JSON.parse(readFileSync(join(SEEDS, file), 'utf8')) as Record<string, unknown>;

interface IndicatorSeed {
  key: string;
  kind: string;
  contributions: Array<{ event: string; measure: string; part: string }>;
  numerator?: { baseline: string | null } | null;
  denominator?: { baseline: string | null } | null;
  scale?: number;
}
const indicators = (seed('indicators.json').indicators as IndicatorSeed[]).reduce<
  Record<string, IndicatorSeed>
>((all, i) => ({ ...all, [i.key]: i }), {});

interface BaselineSeed {
  key: string;
  illustrative: boolean;
  values: Record<string, number>;
}
const baselineOf = (key: string, orgUnit: string) => {
  const series = (seed('baselines.json').baselines as BaselineSeed[]).find((b) => b.key === key)!;
  return { value: series.values[orgUnit], illustrative: series.illustrative };
};

/** Registers a house for the household and walks it to completion; returns the case id. */
async function completedHouse(ledger: TestLedger, citizenId: string, commune: string): Promise<string> {
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
    ['completions', { floorAreaM2: 42.5, occupants: 5, occurredAt: at('2025-06-15') }],
  ];
  for (const [sub, body] of steps)
    expect(
      (await ledger.http().post(`/housing-cases/${caseId}/${sub}`).set(officer(OLD_AGENCY)).send(body)).status,
    ).toBe(201);
  return caseId;
}

const view = async (ledger: TestLedger, key: string, orgUnit: string, asOf = '2025-06-30') => {
  await untilProjected(ledger);
  return (await ledger.http().get(`/indicators/${key}?orgUnit=${orgUnit}&asOf=${asOf}`).expect(200)).body as {
    progress: { value: number | null };
    assurance: Record<
      string,
      { value: number | null; numerator: number | null; denominator: number | null } | null
    >;
  };
};

interface OrgUnitSeed {
  code: string;
  level: string;
  validFrom: string | null;
}
const orgUnitsFile = seed('org-units.json') as {
  orgUnits: OrgUnitSeed[];
  changes: Array<{ effectiveFrom: string; ends?: string[] }>;
};
/** Each org unit of the plan with the days it is in force: from validFrom, to the change that ends it. */
const orgUnits = new Map(
  orgUnitsFile.orgUnits.map((u) => {
    const end = orgUnitsFile.changes.find((c) => (c.ends ?? []).includes(u.code))?.effectiveFrom ?? null;
    return [u.code, { ...u, validTo: end }];
  }),
);
const inForce = (code: string, day: string) => {
  const unit = orgUnits.get(code);
  return (
    !!unit &&
    (unit.validFrom === null || unit.validFrom <= day) &&
    (unit.validTo === null || day < unit.validTo)
  );
};

// Every action here is dated before 1 July 2025: recorded by the district labour office of then (OLD_AGENCY).
describe('figures: what stands behind each one', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await startTestLedger({ seed: true });
    await completedHouse(ledger, '058200000701', 'BA-PHUOC-DAI');
  }, 60_000);
  afterAll(() => ledger.close());

  it('with a claimed figure and nothing verified, verified is 0 (not null); official stays null with no report approved', async () => {
    expect(indicators.houses_built.kind).toBe('count');
    const { assurance } = await view(ledger, 'houses_built', 'BA-PHUOC-DAI');
    // One house completed, by the plan's rule (one per HousingConstructionCompleted).
    expect(assurance.claimed).toEqual({ value: 1, numerator: null, denominator: null });
    expect(assurance.verified).toEqual({ value: 0, numerator: null, denominator: null });
    expect(assurance.official).toBeNull();
  });

  it('an illustrative baseline is never claimed, verified or official: it is shown apart, labelled', async () => {
    const coverage = indicators.health_insurance_coverage;
    expect(coverage.kind).toBe('ratio');
    const card = await ledger
      .http()
      .post('/health-insurance-enrolments')
      .set(officer('BHXH-BAC-AI'))
      .send({
        beneficiaryCitizenId: '058200000702',
        commune: 'BA-PHUOC-DAI',
        year: 2025,
        scheme: 'poor',
        occurredAt: at('2025-02-10'),
      });
    expect(card.status).toBe(201);
    // By the plan: numerator = cards of the year (no baseline), denominator = the population baseline.
    const population = baselineOf(coverage.denominator!.baseline!, 'BA-PHUOC-DAI');
    expect(population.illustrative).toBe(true);
    const { assurance } = await view(ledger, coverage.key, 'BA-PHUOC-DAI');
    expect(assurance.claimed).toEqual({ value: null, numerator: 1, denominator: null });
    expect(assurance.verified).toEqual({ value: null, numerator: 0, denominator: null });
    expect(assurance.official).toBeNull();
    expect(assurance.illustrative).toMatchObject({
      label: 'illustrative_baseline',
      baselines: { numerator: null, denominator: 'population' },
      numerator: 1,
      denominator: population.value,
      value: Number((((coverage.scale ?? 1) * 1) / population.value).toPrecision(15)),
    });
  });

  it('a ratio whose baselines are all illustrative has no official (or claimed) figure with nothing recorded', async () => {
    const rate = indicators.trained_labour_certified_rate;
    const certified = baselineOf(rate.numerator!.baseline!, 'BA-PHUOC-DAI');
    const labour = baselineOf(rate.denominator!.baseline!, 'BA-PHUOC-DAI');
    const { assurance } = await view(ledger, rate.key, 'BA-PHUOC-DAI');
    expect(assurance).toMatchObject({ claimed: null, verified: null, official: null });
    expect(assurance.illustrative).toMatchObject({
      numerator: certified.value,
      denominator: labour.value,
      value: Number((((rate.scale ?? 1) * certified.value) / labour.value).toPrecision(15)),
    });
  });

  it('housing_cases_registered counts households: two cases of one household count once, as houses_built', async () => {
    const registered = indicators.housing_cases_registered;
    expect(registered.contributions).toEqual([
      { event: 'HousingCaseRegistered', measure: 'count', part: 'value' },
    ]);
    // Three registrations in BA-PHUOC-HOA: the same household twice (two programmes), another once.
    const households = ['058200000711', '058200000711', '058200000712'];
    const cases: string[] = [];
    for (const citizenId of households) {
      const res = await ledger
        .http()
        .post('/housing-cases')
        .set(officer(OLD_AGENCY))
        .send({
          householdHeadCitizenId: citizenId,
          commune: 'BA-PHUOC-HOA',
          category: 'poor',
          occurredAt: at('2025-05-04'),
        });
      expect(res.status).toBe(201);
      cases.push(res.body.caseId as string);
    }
    const expected = new Set(households).size;
    expect((await view(ledger, registered.key, 'BA-PHUOC-HOA')).progress.value).toBe(expected);
    expect((await view(ledger, registered.key, 'BA-PHUOC-HOA')).assurance.claimed?.value).toBe(expected);

    // Once the first case of the household is retracted, its second case counts it: still one household each.
    const first = await ledger.http().get(`/streams/housing-case-${cases[0]}`).expect(200);
    const retracted = await ledger
      .http()
      .post('/corrections')
      .set(supervisor(OLD_AGENCY))
      .send({
        correctsEventId: first.body.events[0].id,
        kind: 'retraction',
        reason: 'registered twice under two programmes',
        occurredAt: at('2025-05-06'),
      });
    expect(retracted.status).toBe(201);
    expect((await view(ledger, registered.key, 'BA-PHUOC-HOA')).progress.value).toBe(expected);
  });

  it('POST /measurements takes the plan keys of measured indicators and refuses the others naming indicatorKey', async () => {
    const measured = Object.values(indicators).filter((i) =>
      i.contributions.some((c) => c.event === 'MeasurementRecorded'),
    );
    expect(measured.length).toBeGreaterThan(10);
    const body = (indicatorKey: string, orgUnit: string) => ({
      indicatorKey,
      orgUnit,
      period: '2025',
      value: indicators[indicatorKey]?.kind === 'qualitative' ? 1 : 12.5,
      method: 'survey',
      source: 'Điều tra 2025',
      occurredAt: at('2025-06-10'),
    });
    const units = ['BA-PHUOC-DAI', 'BA-PHUOC-TIEN', 'BA-PHUOC-THANG'];
    for (const [i, indicator] of measured.slice(0, 3).entries()) {
      const res = await ledger
        .http()
        .post('/measurements')
        .set(officer('TTYT-BAC-AI'))
        .send(body(indicator.key, units[i]));
      expect([indicator.key, res.status]).toEqual([indicator.key, 201]);
    }
    const refused = [
      ['ty-le-tre-suy-dinh-duong', 'INDICATOR_KEY_INVALID'],
      ['ty_le_tre_suy_dinh_duong', 'INDICATOR_UNKNOWN'],
      ['houses_built', 'INDICATOR_NOT_MEASURED'],
    ];
    for (const [key, code] of refused) {
      const res = await ledger
        .http()
        .post('/measurements')
        .set(officer('TTYT-BAC-AI'))
        .send(body(key, 'BA-PHUOC-TAN'));
      expect([key, res.status, res.body.field]).toEqual([key, 400, 'indicatorKey']);
      if (code !== 'INDICATOR_KEY_INVALID') expect(res.body.code).toBe(code);
    }
  });

  it('every request example of the OpenAPI document is valid against the plan', async () => {
    const doc = (await ledger.http().get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, Schema> };
    };
    interface Schema {
      properties?: Record<string, { example?: unknown }>;
      allOf?: Array<{ $ref?: string } & Schema>;
      $ref?: string;
    }
    interface Operation {
      requestBody?: { content?: Record<string, { schema?: Schema }> };
      parameters?: Array<{ name: string; example?: unknown; schema?: { example?: unknown } }>;
    }
    const resolve = (schema: Schema | undefined): Record<string, { example?: unknown }> => {
      if (!schema) return {};
      if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').pop()!]);
      return Object.assign({}, ...(schema.allOf ?? []).map(resolve), schema.properties ?? {});
    };
    const measured = new Set(
      Object.values(indicators)
        .filter((i) => i.contributions.some((c) => c.event === 'MeasurementRecorded'))
        .map((i) => i.key),
    );
    const problems: string[] = [];
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(methods)) {
        const examples: Record<string, unknown> = {};
        for (const [name, prop] of Object.entries(
          resolve(operation.requestBody?.content?.['application/json']?.schema),
        ))
          if (prop.example !== undefined) examples[name] = prop.example;
        for (const p of operation.parameters ?? []) {
          const example = p.example ?? p.schema?.example;
          if (example !== undefined) examples[p.name] = example;
        }
        const day = typeof examples.occurredAt === 'string' ? examples.occurredAt.slice(0, 10) : '2026-11-20';
        const where = `${method.toUpperCase()} ${path}`;
        for (const [name, example] of Object.entries(examples)) {
          const value = String(example);
          if (name === 'commune') {
            checked++;
            if (orgUnits.get(value)?.level !== 'commune')
              problems.push(`${where}: commune ${value} is not a commune`);
            else if (!inForce(value, day))
              problems.push(`${where}: commune ${value} is not in force on ${day}`);
          } else if (name === 'orgUnit') {
            checked++;
            if (!orgUnits.has(value))
              problems.push(`${where}: orgUnit ${value} is not an org unit of the plan`);
            else if (operation.requestBody && !inForce(value, day))
              problems.push(`${where}: orgUnit ${value} is not in force on ${day}`);
          } else if (['indicatorKey', 'indicator', 'key'].includes(name) && /^[a-z]/.test(value)) {
            checked++;
            if (!indicators[value])
              problems.push(`${where}: ${name} ${value} is not an indicator of the plan`);
            else if (path === '/measurements' && !measured.has(value))
              problems.push(`${where}: ${value} is not a measured indicator`);
          }
        }
      }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(12);
  });

  it('an inspector looks a person up by citizen id; the 201 of a case or support returns its reference', async () => {
    const citizenId = '058200000721';
    const reg = await ledger
      .http()
      .post('/housing-cases')
      .set(officer(OLD_AGENCY))
      .send({
        householdHeadCitizenId: citizenId,
        commune: 'BA-PHUOC-TIEN',
        category: 'poor',
        occurredAt: at('2025-04-02'),
      });
    expect(reg.status).toBe(201);
    const householdRef = reg.body.householdRef as string;
    expect(householdRef).toMatch(/^b-[0-9a-f]{32}$/);
    expect(JSON.stringify(reg.body)).not.toContain(citizenId);
    const paid = await ledger
      .http()
      .post('/subsidy-payments')
      .set(officer(OLD_AGENCY))
      .send({
        beneficiaryCitizenId: citizenId,
        programme: 'tro-cap-xa-hoi',
        period: '2025-04',
        amountVnd: 500_000,
        method: 'bank',
        commune: 'BA-PHUOC-TIEN',
        occurredAt: at('2025-04-20'),
      });
    expect(paid.status).toBe(201);
    // One person, one reference: the household head's payment names the same one.
    expect(paid.body.beneficiaryRef).toBe(householdRef);
    await untilProjected(ledger);

    // A search for one person wants a reason, and is recorded (access control).
    const why = 'Đối chiếu hồ sơ hộ trong bộ kiểm thử';
    const byRef = await ledger
      .http()
      .get('/trail')
      .query({ beneficiary: householdRef, reason: why })
      .expect(200);
    const byId = await ledger.http().get('/trail').query({ beneficiary: citizenId, reason: why }).expect(200);
    // Each search is itself recorded (a BeneficiaryHistoryRead of that person), which a later search may list.
    const supports = (body: { items: Array<{ type: string }> }) =>
      body.items.filter((item) => item.type !== 'BeneficiaryHistoryRead');
    expect(supports(byId.body)).toHaveLength(2);
    expect(supports(byId.body)).toEqual(supports(byRef.body));

    const reason = 'Thanh tra chuyên đề hỗ trợ nhà ở năm 2025';
    const history = await ledger
      .http()
      .get(`/beneficiaries/${citizenId}/history`)
      .query({ reason })
      .expect(200);
    expect(JSON.stringify(history.body)).not.toContain(citizenId);
    const reads = await ledger.http().get(`/streams/beneficiary-reads-${householdRef}`).expect(200);
    // The two trail searches and the history read, each on the record under the reference.
    expect(reads.body.events.map((e: { data: { reason: string } }) => e.data.reason)).toEqual([
      why,
      why,
      reason,
    ]);
    expect(reads.body.events[2]).toMatchObject({ data: { beneficiaryRef: householdRef, reason } });
    expect(JSON.stringify(reads.body)).not.toContain(citizenId);

    const bad = await ledger.http().get('/trail').query({ beneficiary: '05820000072' }).expect(400);
    expect(bad.body.field).toBe('beneficiary');
  });

  it("a third party recomputes every event's hash and each stream's chain from the sealed form served", async () => {
    // Only node:crypto and the README: sha256 (hex) of the canonical JSON (keys sorted, no whitespace) of
    // {id, type, schemaVersion, stream, revision, recordedAt, metadata, data, prevHash}; prevHash is the hash
    // of the stream's previous event (null for the first).
    const canonical = (value: unknown): string => {
      if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
      if (value !== null && typeof value === 'object')
        return `{${Object.keys(value)
          .sort()
          .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
          .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
          .join(',')}}`;
      return JSON.stringify(value);
    };
    type Served = Record<string, unknown> & { id: string; hash: string; prevHash: string | null };
    const hashOf = (e: Served) =>
      createHash('sha256')
        .update(
          canonical({
            id: e.id,
            type: e.type,
            schemaVersion: e.schemaVersion,
            stream: e.stream,
            revision: e.revision,
            recordedAt: e.recordedAt,
            metadata: e.metadata,
            data: e.data,
            prevHash: e.prevHash,
          }),
          'utf8',
        )
        .digest('hex');

    // A housing case with personal data (sealed in the event), walked to completion.
    const reg = await ledger
      .http()
      .post('/housing-cases')
      .set(officer(OLD_AGENCY))
      .send({
        householdHeadCitizenId: '058200000731',
        householdHeadName: 'Pi Năng Thị Hoa',
        contactPhone: '0912345678',
        commune: 'BA-PHUOC-TRUNG',
        category: 'poor',
        occurredAt: at('2025-03-02'),
      });
    expect(reg.status).toBe(201);
    const stream = reg.body.stream as string;
    await ledger
      .http()
      .post(`/housing-cases/${reg.body.caseId}/funding-approvals`)
      .set(officer(OLD_AGENCY))
      .send({ amountVnd: 60_000_000, source: 'central_budget', occurredAt: at('2025-03-10') })
      .expect(201);

    const opened = (await ledger.http().get(`/events/${reg.body.eventIds[0]}`).expect(200)).body as Served;
    expect(JSON.stringify(opened)).toContain('Pi Năng Thị Hoa');
    expect(hashOf(opened)).not.toBe(opened.hash); // opened for the reader: not what was hashed

    // Every stream the trail knows (every action recorded in this suite, the plan's events aside), whole.
    await untilProjected(ledger);
    const trail = (await ledger.http().get('/trail?limit=500').expect(200)).body.items as Array<{
      stream: string;
    }>;
    const names = [...new Set(trail.map((t) => t.stream))];
    expect(names).toContain(stream);
    let checked = 0;
    for (const name of names) {
      // A stream named by a person is read with a reason (access control); other streams take it too.
      const served = (
        await ledger
          .http()
          .get(`/streams/${name}`)
          .query({ form: 'sealed', reason: 'Kiểm tra chuỗi băm trong bộ kiểm thử' })
          .expect(200)
      ).body.events as Served[];
      let previous: string | null = null;
      for (const event of served) {
        expect(JSON.stringify(event)).not.toContain('Pi Năng Thị Hoa');
        expect([event.id, hashOf(event)]).toEqual([event.id, event.hash]);
        expect(event.prevHash).toBe(previous);
        previous = event.hash;
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(trail.length);
    const one = (await ledger.http().get(`/events/${reg.body.eventIds[0]}?form=sealed`).expect(200))
      .body as Served;
    expect(hashOf(one)).toBe(one.hash);
    expect(one.prevHash).toBeNull();
    const bad = await ledger.http().get(`/events/${reg.body.eventIds[0]}?form=raw`).expect(400);
    expect(bad.body.field).toBe('form');
  }, 60_000);

  it("a household's history shows its housing case with its steps and the funding approved, and every amount", async () => {
    const citizenId = '058200000741';
    const reg = await ledger
      .http()
      .post('/housing-cases')
      .set(officer(OLD_AGENCY))
      .send({
        householdHeadCitizenId: citizenId,
        commune: 'BA-PHUOC-THANH',
        category: 'poor',
        occurredAt: at('2025-03-02'),
      });
    expect(reg.status).toBe(201);
    const caseId = reg.body.caseId as string;
    const fundings = [
      { amountVnd: 60_000_000, source: 'central_budget', occurredAt: at('2025-03-10') },
      { amountVnd: 15_000_000, source: 'local_budget', occurredAt: at('2025-03-12') },
    ];
    const steps: Array<[string, object]> = [
      ...fundings.map((f): [string, object] => ['funding-approvals', f]),
      ['construction-starts', { occurredAt: at('2025-04-01') }],
    ];
    for (const [sub, body] of steps)
      expect(
        (await ledger.http().post(`/housing-cases/${caseId}/${sub}`).set(officer(OLD_AGENCY)).send(body)).status,
      ).toBe(201);
    const loan = 30_000_000;
    const lent = await ledger
      .http()
      .post('/policy-loans')
      .set(officer('NHCSXH-BAC-AI'))
      .send({
        borrowerCitizenId: citizenId,
        programme: 'cho-vay-ho-ngheo',
        amountVnd: loan,
        termMonths: 36,
        commune: 'BA-PHUOC-THANH',
        occurredAt: at('2025-05-05'),
      });
    expect(lent.status).toBe(201);
    await untilProjected(ledger);
    const history = (
      await ledger
        .http()
        .get(`/beneficiaries/${citizenId}/history`)
        .query({ reason: 'Thanh tra hồ sơ nhà ở 2025' })
        .expect(200)
    ).body as {
      supports: Array<{
        family: string;
        amountVnd: number | null;
        amountKind: string | null;
        housingCase?: { steps: Array<{ type: string }>; fundedVnd: number };
      }>;
      totals: { housingFundedVnd: number; loansVnd: number };
      housingCases: Array<{ caseId: string; fundedVnd: number }>;
    };
    const housing = history.supports.find((s) => s.family === 'housing')!;
    // The funding approved, as the officers sent it.
    const funded = fundings.reduce((total, f) => total + f.amountVnd, 0);
    expect(housing).toMatchObject({ amountVnd: funded, amountKind: 'funded' });
    expect(housing.housingCase!.steps.map((s) => s.type)).toEqual([
      'HousingCaseRegistered',
      'HousingFundingApproved',
      'HousingFundingApproved',
      'HousingConstructionStarted',
    ]);
    expect(history.housingCases).toEqual([expect.objectContaining({ caseId, fundedVnd: funded })]);
    expect(history.totals.housingFundedVnd).toBe(funded);
    expect(history.supports.find((s) => s.family === 'policy-loan')).toMatchObject({
      amountVnd: loan,
      amountKind: 'loan',
    });
    expect(history.totals.loansVnd).toBe(loan);
  });

  it('an indicator with no figure at all is null on every side', async () => {
    const { assurance } = await view(ledger, 'jobs_placed', 'BA-PHUOC-DAI');
    expect(assurance).toMatchObject({ claimed: null, verified: null, official: null });
  });
});
