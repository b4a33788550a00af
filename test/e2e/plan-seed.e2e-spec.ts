// Starting the ledger on a fresh data directory puts the whole plan on the record, once.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSeedFiles } from '@ledger/ledger';
import { headPosition } from './support/ledger-client';
import { startTestLedger, type TestLedger } from './support/test-app';

describe('the plan loaded at start', () => {
  let ledger: TestLedger;
  const seed = readSeedFiles('seeds');
  beforeAll(async () => {
    ledger = await startTestLedger({ seed: true });
  });
  afterAll(() => ledger.close());

  it('records every fact of the seed folder as an event', async () => {
    const head = await headPosition(ledger);
    expect(head).toBeGreaterThan(seed.indicators.length * 3);
    const adopted = await ledger.http().get(`/streams/plan-${seed.plan.planId}`).expect(200);
    expect(adopted.body.events[0]).toMatchObject({
      type: 'PlanAdopted',
      metadata: { actor: { officer: 'plan-loader', agency: seed.plan.reportingAgency, role: 'admin' } },
    });
    const houses = await ledger.http().get('/streams/indicator-houses_built').expect(200);
    expect(houses.body.events[0]).toMatchObject({ type: 'IndicatorDefined', data: { key: 'houses_built' } });
  });

  it('appends nothing when the same folder is loaded again at the next start', async () => {
    const before = await headPosition(ledger);
    await ledger.restart();
    expect(await headPosition(ledger)).toBe(before);
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
