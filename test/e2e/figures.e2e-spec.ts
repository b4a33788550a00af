// Figures an officer would compute by hand: what stands behind each one (null only where there is no
// figure at all, illustrative baselines apart), recorded over HTTP on the repository's plan. Expected values
// come from the plan's definitions (seeds/indicators.json, seeds/baselines.json), never from the projections.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { untilProjected } from './support/ledger-client';
import { at, startTestLedger, type TestLedger } from './support/test-app';
import { officer } from './support/tokens';

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

/** Registers a house for the household and walks it to completion; returns the case id. */
async function completedHouse(ledger: TestLedger, citizenId: string, commune: string): Promise<string> {
  const reg = await ledger
    .http()
    .post('/housing-cases')
    .set(officer())
    .send({ householdHeadCitizenId: citizenId, commune, category: 'poor', occurredAt: at('2026-03-02') });
  expect(reg.status).toBe(201);
  const caseId = reg.body.caseId as string;
  const steps: Array<[string, object]> = [
    ['funding-approvals', { amountVnd: 60_000_000, source: 'central_budget', occurredAt: at('2026-03-10') }],
    ['construction-starts', { occurredAt: at('2026-04-01') }],
    ['completions', { floorAreaM2: 42.5, occupants: 5, occurredAt: at('2026-07-15') }],
  ];
  for (const [sub, body] of steps)
    expect(
      (await ledger.http().post(`/housing-cases/${caseId}/${sub}`).set(officer()).send(body)).status,
    ).toBe(201);
  return caseId;
}

const view = async (ledger: TestLedger, key: string, orgUnit: string, asOf = '2026-12-31') => {
  await untilProjected(ledger);
  return (await ledger.http().get(`/indicators/${key}?orgUnit=${orgUnit}&asOf=${asOf}`).expect(200)).body as {
    progress: { value: number | null };
    assurance: Record<
      string,
      { value: number | null; numerator: number | null; denominator: number | null } | null
    >;
  };
};

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

  it('an indicator with no figure at all is null on every side', async () => {
    const { assurance } = await view(ledger, 'jobs_placed', 'BA-PHUOC-DAI');
    expect(assurance).toMatchObject({ claimed: null, verified: null, official: null });
  });
});
