// Starting the ledger on a fresh data directory puts the whole plan on the record, once.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSeedFiles } from '@ledger/ledger';
import { headPosition, post, untilProjected } from './support/ledger-client';
import { at, officer, startTestLedger, type TestLedger } from './support/test-app';
import { supervisor as supervisorOf } from './support/tokens';

describe('the plan loaded at start', () => {
  let ledger: TestLedger;
  const seed = readSeedFiles('seeds');
  /** The plan's lead on a day, by the seed's dated periods (plan.json reportingAgencies). */
  const leadOn = (day: string) =>
    seed.plan.reportingAgencies!.find((l) => l.from <= day && (l.to === null || day <= l.to))!.agency;
  const REVISED_ON = '2026-06-01';
  const supervisor = supervisorOf(leadOn(REVISED_ON), 'pho-chu-tich');
  beforeAll(async () => {
    ledger = await startTestLedger({ seed: true });
  }, 60_000);
  afterAll(() => ledger.close());

  it('records every fact of the seed folder as an event', async () => {
    const head = await headPosition(ledger);
    expect(head).toBeGreaterThan(seed.indicators.length * 3);
    const adopted = await ledger.http().get(`/streams/plan-${seed.plan.planId}`).expect(200);
    expect(adopted.body.events[0]).toMatchObject({
      type: 'PlanAdopted',
      metadata: { actor: { officer: 'plan-loader', role: 'admin' } },
    });
    // The loader acts for the plan's lead on the day the seed is put on the record.
    const loadedOn = new Date(
      Date.parse(adopted.body.events[0].metadata.occurredAt) + 7 * 3600_000,
    ).toISOString();
    expect(adopted.body.events[0].metadata.actor.agency).toBe(leadOn(loadedOn.slice(0, 10)));
    const houses = await ledger.http().get('/streams/indicator-houses_built').expect(200);
    expect(houses.body.events[0]).toMatchObject({ type: 'IndicatorDefined', data: { key: 'houses_built' } });
  });

  it('lists the org units, agencies and every indicator with its target from the projections', async () => {
    await untilProjected(ledger);
    const communes = await ledger.http().get('/org-units?level=commune&limit=100').expect(200);
    const codes = communes.body.items.map((u: { code: string }) => u.code);
    expect(codes).toEqual(expect.arrayContaining(['BA-PHUOC-DAI', 'BA-PHUOC-THANG', 'BA-PHUOC-CHINH']));
    const district = await ledger.http().get('/org-units/NT-BAC-AI').expect(200);
    expect(district.body).toMatchObject({ code: 'NT-BAC-AI', level: 'district' });

    const agencies = await ledger.http().get('/agencies?limit=500').expect(200);
    expect(agencies.body.items.map((a: { code: string }) => a.code)).toEqual(
      expect.arrayContaining(['LDTBXH-BAC-AI', 'TTYT-BAC-AI', 'BCHQS-BAC-AI']),
    );

    const listed: Array<{ indicator: { key: string }; targetText: string | null }> = [];
    let cursor: string | undefined;
    do {
      const page = await ledger
        .http()
        .get(`/indicators?section=II.2&limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
        .expect(200);
      listed.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const planned = seed.indicators.filter((i) => i.definition.section === 'II.2');
    expect(listed.map((i) => i.indicator.key).sort()).toEqual(planned.map((i) => i.definition.key).sort());
    for (const item of listed) expect(item.targetText).toEqual(expect.any(String));
    const houses = listed.find((i) => i.indicator.key === 'houses_built')!;
    expect(houses).toMatchObject({ progress: { status: 'no_data', orgUnit: seed.plan.orgUnit } });
  });

  it('appends nothing when the same folder is loaded again at the next start', async () => {
    const before = await headPosition(ledger);
    await ledger.restart();
    expect(await headPosition(ledger)).toBe(before);
  });

  it('revises a target only by a command with a reason, keeping the previous target on the record', async () => {
    const current = seed.indicators.find((i) => i.definition.key === 'houses_built')!.target!;
    const revised = { ...current, planText: 'hơn 900 căn', value: 900 };
    const body = {
      planId: seed.plan.planId,
      target: revised,
      reason: 'Nghị quyết HĐND huyện nâng chỉ tiêu nhà ở',
      occurredAt: at(REVISED_ON),
    };
    const res = await post(ledger, '/indicators/houses_built/target-revisions', body, supervisor);
    expect(res.status).toBe(201);
    const stream = await ledger.http().get(`/streams/${res.body.stream}`).expect(200);
    expect(stream.body.events.at(-1)).toMatchObject({
      type: 'TargetRevised',
      data: {
        indicatorKey: 'houses_built',
        previous: { planText: current.planText },
        target: { value: 900 },
      },
    });

    const again = await post(ledger, '/indicators/houses_built/target-revisions', body, supervisor);
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('TARGET_UNCHANGED');
    const noReason = await post(
      ledger,
      '/indicators/houses_built/target-revisions',
      { ...body, reason: 'x' },
      supervisor,
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.field).toBe('reason');
    // Only a supervisor of the lead agency or of the plan's lead on that day revises a target.
    const higher = { ...body, target: { ...revised, value: 950 } };
    const path = '/indicators/houses_built/target-revisions';
    expect((await post(ledger, path, higher, officer())).status).toBe(403);
    expect((await post(ledger, path, higher, supervisorOf('GDDT-BAC-AI'))).status).toBe(403);
    const unknown = await post(ledger, '/indicators/no_such_thing/target-revisions', body, supervisor);
    expect(unknown.status).toBe(404);
  });

  it('refuses to start on a malformed seed folder, naming file, entry and field', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ledger-bad-seed-'));
    try {
      cpSync('seeds', folder, { recursive: true });
      const file = join(folder, 'indicators.json');
      const indicators = JSON.parse(readFileSync(file, 'utf8'));
      indicators.indicators[1].kind = 'vibes';
      writeFileSync(file, JSON.stringify(indicators));
      await expect(startTestLedger({ seed: true, env: { LEDGER_SEED_DIR: folder } })).rejects.toThrow(
        /indicators\.json: indicators\[1\] \([a-z_]+\): kind: /,
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
