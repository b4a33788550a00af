// `npm start` runs the projections in a worker thread of the API process, off the thread that answers HTTP.
// The built API, seeded on start: every projection reports live and caught up (an answer only the worker
// gives), a write is projected into the documents readers see, and SIGTERM stops the worker after its batch
// and closes the stores: the process ends on its own, logs no error, and the read store's file holds every
// projection at the log's head.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApps } from '../cli/support/built-cli';
import { officer } from '../e2e/support/tokens';
import { kill, startApi } from './support/child-ledger';

interface Health {
  eventStore: { headPosition: number };
  projections: Array<{ name: string; state: string; checkpoint: number; lag: number }>;
}

async function untilLiveAt(url: string, position: number): Promise<Health> {
  for (let i = 0; i < 2400; i++) {
    const health = (await (await fetch(`${url}/health`)).json()) as Health;
    if (health.projections.some((p) => p.state === 'failed')) throw new Error(JSON.stringify(health));
    const caughtUp = (p: Health['projections'][number]) => p.state === 'live' && p.checkpoint >= position;
    if (health.projections.length > 0 && health.projections.every(caughtUp)) return health;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`projections did not reach ${position}`);
}

describe('the projections in a worker thread of the API (npm start)', () => {
  const build = mkdtempSync(join(tmpdir(), 'ledger-worker-build-'));
  const dir = mkdtempSync(join(tmpdir(), 'ledger-worker-data-'));
  beforeAll(() => buildApps(build), 180_000);
  afterAll(() => {
    for (const path of [build, dir]) rmSync(path, { recursive: true, force: true });
  });

  it('projects the seeded plan and a write, then stops cleanly on SIGTERM', async () => {
    const api = await startApi(build, dir, { LEDGER_SEED_ON_START: 'true' });
    try {
      const seeded = (await (await fetch(`${api.url}/health`)).json()) as Health;
      expect(seeded.eventStore.headPosition).toBeGreaterThan(0);
      const atStart = await untilLiveAt(api.url, seeded.eventStore.headPosition);
      expect(atStart.projections.map((p) => p.name)).toEqual(
        expect.arrayContaining(['plan-catalog', 'indicator-progress', 'merkle-log']),
      );

      const res = await fetch(`${api.url}/housing-cases`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...officer() },
        body: JSON.stringify({
          householdHeadCitizenId: '058412345678',
          commune: 'KH-BAC-AI-DONG',
          category: 'poor',
          occurredAt: '2026-03-02T09:00:00+07:00',
        }),
      });
      expect(res.status).toBe(201);
      const { positions } = (await res.json()) as { positions: number[] };
      const position = Math.max(...positions);
      expect(position).toBeGreaterThan(seeded.eventStore.headPosition);
      const after = await untilLiveAt(api.url, position);
      expect(after.projections.every((p) => p.lag === 0)).toBe(true);
      const ready = await fetch(`${api.url}/health/ready`);
      expect(ready.status).toBe(200);
    } finally {
      await kill(api, 'SIGTERM');
    }
    expect(api.output()).not.toMatch(/"level":"(error|fatal)"/);

    const events = new Database(join(dir, 'events.db'), { readonly: true });
    const read = new Database(join(dir, 'read.db'), { readonly: true });
    try {
      const { head } = events.prepare('SELECT MAX(position) AS head FROM events').get() as { head: number };
      const active = read
        .prepare(`SELECT projection, checkpoint FROM generations WHERE state = 'active' ORDER BY projection`)
        .all() as Array<{ projection: string; checkpoint: number }>;
      expect(active.length).toBeGreaterThanOrEqual(7);
      for (const generation of active) expect(generation).toEqual({ ...generation, checkpoint: head });
    } finally {
      events.close();
      read.close();
    }
  }, 300_000);
});
