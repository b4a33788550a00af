// Actions recorded over HTTP show up in indicator progress, the trails, beneficiary history and reports,
// read from projection documents; corrections take contributions back; "as of" reads the past.
import { createLedgerProjections } from '@ledger/projections';
import { PLAN_MODEL, PROJECTION_RUNNER } from '@ledger/ledger';
import type { ProjectionRunner } from '@ledger/projections';
import { READ_STORE_READER, type ReadStoreReader } from '@ledger/read-store';
import { correct, housingCaseAt, post, untilProjected } from './support/ledger-client';
import { at, startTestLedger, type TestLedger } from './support/test-app';
import { officer, supervisor } from './support/tokens';

// The plan's area (seeds/plan.json orgUnit), a unit of its own in force on every date; the district it was
// drawn on ended on 1 July 2025 and holds nothing recorded in 2026.
const PLAN_AREA = 'PLAN-BAC-AI';
const DISTRICT = 'NT-BAC-AI';
// The houses are built in 2026, in two communes in force then, each by its culture and social affairs office.
const COMMUNE = 'KH-BAC-AI-DONG';
const OTHER_COMMUNE = 'KH-BAC-AI-TAY';
const OTHER_OFFICE = 'VHXH-XA-BAC-AI-TAY';

describe('the read side over HTTP', () => {
  let ledger: TestLedger;
  let completions: string[];
  beforeAll(async () => {
    ledger = await startTestLedger({ seed: true });
    const first = await housingCaseAt(ledger, 'completed', '058200000701', COMMUNE);
    const second = await housingCaseAt(
      ledger,
      'completed',
      '058200000702',
      OTHER_COMMUNE,
      officer(OTHER_OFFICE),
    );
    completions = [];
    for (const caseId of [first, second]) {
      const stream = await ledger.http().get(`/streams/housing-case-${caseId}`).expect(200);
      completions.push(stream.body.events[3].id);
    }
  }, 60_000);
  afterAll(() => ledger.close());

  const progress = async (key: string, query = '') => {
    await untilProjected(ledger);
    const res = await ledger.http().get(`/indicators/${key}${query}`).expect(200);
    return res.body;
  };

  it('counts every completed house in its commune and rolled up to the plan area, none in the ended district', async () => {
    expect((await progress('houses_built', `?orgUnit=${PLAN_AREA}&asOf=2026-12-31`)).progress).toMatchObject({
      value: 2,
      orgUnit: PLAN_AREA,
    });
    expect((await progress('houses_built', `?orgUnit=${COMMUNE}&asOf=2026-12-31`)).progress.value).toBe(1);
    expect((await progress('houses_built', `?orgUnit=${DISTRICT}&asOf=2026-12-31`)).progress.value ?? 0).toBe(
      0,
    );
  });

  it('reads the state as of a past date', async () => {
    const before = await progress('houses_built', `?orgUnit=${PLAN_AREA}&asOf=2026-06-30`);
    expect(before.progress.value ?? 0).toBe(0);
    const series = (await progress('houses_built', `?asOf=2026-12-31`)).series as Array<{
      month: string;
      value: number;
    }>;
    expect(series.find((p) => p.month === '2026-07')?.value).toBe(2);
  });

  it('takes back a retracted completion and shows the correction chain on the trail', async () => {
    const res = await correct(
      ledger,
      {
        correctsEventId: completions[1],
        kind: 'retraction',
        reason: 'Nhà chưa hoàn thành, ghi nhầm ngày nghiệm thu',
        occurredAt: at('2026-08-01'),
      },
      supervisor(OTHER_OFFICE),
    );
    expect(res.status).toBe(201);
    expect((await progress('houses_built', `?orgUnit=${PLAN_AREA}&asOf=2026-12-31`)).progress.value).toBe(1);

    const trail = await ledger
      .http()
      .get(`/trail?type=HousingConstructionCompleted&agency=${OTHER_OFFICE}`)
      .expect(200);
    const retracted = trail.body.items.find((t: { eventId: string }) => t.eventId === completions[1]);
    expect(retracted).toMatchObject({
      status: 'retracted',
      correctedBy: [expect.objectContaining({ eventId: res.body.eventIds[0], kind: 'retraction' })],
    });
    const correction = await ledger.http().get(`/trail?type=EventCorrected`).expect(200);
    expect(correction.body.items[0]).toMatchObject({ corrects: { eventId: completions[1] } });
  });

  it("gives the agency's accountability trail: actions, corrections, open steps and the indicators it leads", async () => {
    await untilProjected(ledger);
    const res = await ledger.http().get(`/agencies/${OTHER_OFFICE}/trail?asOf=2026-12-31`).expect(200);
    expect(res.body.trail.actions.HousingConstructionCompleted.recorded).toBe(1);
    expect(res.body.trail.correctionsMade.total).toBe(1);
    expect(res.body.openSteps.length).toBeGreaterThanOrEqual(1);
    // The whole list, paged: every open step the trail counts, one page at a time.
    const seen: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = await ledger
        .http()
        .get(`/agencies/${OTHER_OFFICE}/open-steps`)
        .query({ limit: 1, ...(cursor ? { cursor } : {}) })
        .expect(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(res.body.openStepsTotal);
    await ledger.http().get(`/agencies/${OTHER_OFFICE}/open-steps?dueBefore=tomorrow`).expect(400);
    // The indicators an agency leads: the district labour office's (ended, still the lead of record), which
    // the office in force inherits in its commune.
    const lead = await ledger.http().get('/agencies/LDTBXH-BAC-AI/trail?asOf=2026-12-31').expect(200);
    expect(lead.body.indicators.map((i: { indicator: { key: string } }) => i.indicator.key)).toContain(
      'houses_built',
    );
    expect(
      res.body.inheritedIndicators.map(
        (i: { progress: { indicator: { key: string } } }) => i.progress.indicator.key,
      ),
    ).toContain('houses_built');
  });

  it("shows a successor agency the indicators its predecessor led, read in the successor's commune", async () => {
    await untilProjected(ledger);
    const agencies = await ledger.http().get('/agencies?limit=500').expect(200);
    const successor = agencies.body.items.find((a: { successionsIn: Array<{ predecessor: string }> }) =>
      a.successionsIn.some((s) => s.predecessor === 'LDTBXH-BAC-AI'),
    );
    expect(successor).toBeDefined();
    const res = await ledger.http().get(`/agencies/${successor.code}/trail?asOf=2026-12-31`).expect(200);
    const inherited = res.body.inheritedIndicators as Array<{
      from: string;
      progress: { indicator: { key: string }; progress: { orgUnit: string } };
    }>;
    expect(inherited.map((i) => i.progress.indicator.key)).toContain('houses_built');
    const predecessors = successor.successionsIn.map((s: { predecessor: string }) => s.predecessor);
    // Every inherited indicator comes from an agency whose duties passed to this one (those that lead any).
    for (const entry of inherited) expect(predecessors).toContain(entry.from);
    expect(inherited.map((i) => i.from)).toContain('LDTBXH-BAC-AI');
    expect(inherited[0].progress.progress.orgUnit).toBe(successor.orgUnit);
    const before = await ledger.http().get(`/agencies/${successor.code}/trail?asOf=2025-06-30`).expect(200);
    expect(before.body.inheritedIndicators).toEqual([]);
  });

  it('flags a beneficiary paid in two communes for the same period', async () => {
    const payment = {
      programme: 'tro-cap-xa-hoi',
      beneficiaryCitizenId: '058200000799',
      period: '2026-10',
      amountVnd: 500_000,
      method: 'bank',
      occurredAt: at('2026-10-05'),
    };
    const first = await post(ledger, '/subsidy-payments', { ...payment, commune: COMMUNE });
    expect(first.status).toBe(201);
    const second = await post(
      ledger,
      '/subsidy-payments',
      { ...payment, programme: 'tro-cap-khac', commune: OTHER_COMMUNE },
      officer(OTHER_OFFICE),
    );
    expect(second.status).toBe(201);
    const ref = /(b-[0-9a-f]{32})/.exec(first.body.stream)![1];
    await untilProjected(ledger);
    const history = await ledger
      .http()
      .get(`/beneficiaries/${ref}/history`)
      .query({ reason: 'Thanh tra chuyên đề trợ cấp 2026' })
      .expect(200);
    expect(history.body.supports).toHaveLength(2);
    expect(history.body.twoCommunesSamePeriod).toBe(true);
    expect(JSON.stringify(history.body)).not.toContain('058200000799');
  });

  it('summarises the plan area by default: indicators by status and per section', async () => {
    await untilProjected(ledger);
    const res = await ledger.http().get(`/summary?asOf=2026-12-31`).expect(200);
    expect(res.body.orgUnit).toBe(PLAN_AREA);
    const counted = Object.values(res.body.byStatus as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(counted).toBe(res.body.indicators);
    expect(res.body.bySection.map((g: { section: string }) => g.section)).toContain('II.2');
  });

  it('produces the annual report as JSON and CSV', async () => {
    await untilProjected(ledger);
    const json = await ledger.http().get(`/reports?period=2026&orgUnit=${PLAN_AREA}`).expect(200);
    expect(json.body).toMatchObject({ kind: 'annual', from: '2026-01-01', to: '2026-12-31' });
    const houses = json.body.rows.find((r: { indicatorKey: string }) => r.indicatorKey === 'houses_built');
    expect(houses).toMatchObject({ valueAtEnd: 1, change: 1 });

    const csv = await ledger.http().get(`/reports?period=2026&format=csv`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toMatch(/\r\nhouses_built,/);
    const cursor = await ledger.http().get('/trail?cursor=not-a-cursor');
    expect(cursor.status).toBe(400);
    expect(cursor.body.field).toBe('cursor');
    const bad = await ledger.http().get('/reports?period=2030-2020');
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('period');
  });

  it('rebuilds every projection from position 0 to the same documents, switching over at the end', async () => {
    await untilProjected(ledger);
    const runner = ledger.app.get<ProjectionRunner>(PROJECTION_RUNNER);
    const store = ledger.app.get<ReadStoreReader>(READ_STORE_READER);
    const projections = createLedgerProjections(ledger.app.get(PLAN_MODEL));
    const snapshot = async () => {
      const all: Record<string, unknown[]> = {};
      for (const collection of projections.flatMap((p) => p.collections)) {
        const docs: unknown[] = [];
        let after: string | undefined;
        do {
          const page = await store.find(collection, { limit: 500, orderBy: [], ...(after ? { after } : {}) });
          docs.push(...page.items);
          after = page.nextCursor;
        } while (after);
        all[collection] = docs;
      }
      return all;
    };
    const before = await snapshot();
    expect(before.trail.length).toBeGreaterThan(300);
    for (const projection of projections) {
      const progress = await runner.rebuild(projection.name);
      expect(progress.eventsDone).toBeGreaterThan(0);
    }
    expect(await snapshot()).toEqual(before);
  });
});
