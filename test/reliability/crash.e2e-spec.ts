// Crash: the built API runs as a child process on a temporary data directory under a
// steady load from several concurrent clients and is killed with SIGKILL at seeded random moments, round
// after round; then the same for the projector process. After each restart: every acknowledged event is
// stored exactly once, nothing was stored that no client sent, the hash chains verify, and at the end the
// projections have resumed and hold the same documents as a rebuild from zero.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore, verifyEventStore } from '@ledger/event-store';
import { buildApps, runCli } from '../cli/support/built-cli';
import {
  activeDocuments,
  kill,
  prng,
  startApi,
  startProjector,
  storedIdCounts,
  type Child,
} from './support/child-ledger';
import { officer } from '../e2e/support/tokens';

const SOAK = process.env.LEDGER_SOAK === '1';
const ROUNDS = SOAK ? 20 : 3;
const CLIENTS = 4;
const SEED = Number(process.env.LEDGER_FC_SEED ?? 20261128);
const headers = {
  'Content-Type': 'application/json',
  ...officer(),
};

interface Load {
  attempted: Set<string>;
  acked: Set<string>;
  cases: string[];
  citizen: number;
}

/** One client: registers cases and approves funding for cases already acknowledged, until its server dies. */
async function client(url: string, load: Load, random: () => number, stop: { now: boolean }): Promise<void> {
  while (!stop.now) {
    const id = randomUUID();
    const funding = load.cases.length > 0 && random() < 0.4;
    const caseId = funding ? load.cases[Math.floor(random() * load.cases.length)] : null;
    const path = caseId ? `/housing-cases/${caseId}/funding-approvals` : '/housing-cases';
    const body = caseId
      ? { id, amountVnd: 1_000_000, source: 'central_budget', occurredAt: '2026-03-10T09:00:00+07:00' }
      : {
          id,
          householdHeadCitizenId: String(++load.citizen).padStart(12, '0'),
          commune: 'KH-BAC-AI-DONG',
          category: 'poor',
          occurredAt: '2026-03-02T09:00:00+07:00',
        };
    load.attempted.add(id);
    let res: Response;
    try {
      res = await fetch(url + path, { method: 'POST', headers, body: JSON.stringify(body) });
    } catch {
      return; // the server was killed mid-request: this attempt is unacknowledged
    }
    if (res.status === 201) {
      load.acked.add(id);
      if (!caseId) load.cases.push(((await res.json()) as { caseId: string }).caseId);
    } else if (res.status !== 409) {
      throw new Error(`unexpected ${res.status} on ${path}: ${await res.text()}`);
    } else {
      await res.text();
    }
  }
}

async function untilProjected(url: string): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    const health = (await (await fetch(`${url}/health`)).json()) as {
      eventStore: { headPosition: number };
      projections: Array<{ lag: number; state: string }>;
    };
    if (health.projections.some((p) => p.state === 'failed')) throw new Error(JSON.stringify(health));
    if (health.projections.length > 0 && health.projections.every((p) => p.lag === 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('projections did not catch up');
}

async function checkStore(dataDir: string, load: Load): Promise<void> {
  const counts = storedIdCounts(dataDir);
  for (const id of load.acked) expect({ id, stored: counts.get(id) ?? 0 }).toEqual({ id, stored: 1 });
  // Unacknowledged commands are either wholly there (the answer was lost) or not at all; none is invented.
  for (const id of counts.keys()) expect(load.attempted.has(id)).toBe(true);
  const store = openSqliteEventStore(join(dataDir, 'events.db'));
  try {
    const report = await verifyEventStore(store);
    expect(report.problems).toEqual([]);
    expect(report.eventsChecked).toBe(counts.size);
  } finally {
    await store.close();
  }
}

/** Runs load on `url` and calls `crash` at a random moment; resolves once every client has stopped. */
async function loadUntil(url: string, load: Load, random: () => number, crash: () => Promise<void>) {
  const stop = { now: false };
  const clients = Array.from({ length: CLIENTS }, () => client(url, load, random, stop));
  await new Promise((resolve) => setTimeout(resolve, 100 + Math.floor(random() * 700)));
  await crash();
  stop.now = true;
  await Promise.all(clients);
}

async function expectConvergedToRebuild(build: string, dataDir: string): Promise<void> {
  const resumed = activeDocuments(dataDir);
  expect(resumed.length).toBeGreaterThan(0);
  const rebuild = runCli(build, dataDir, ['rebuild']);
  expect({ status: rebuild.status, stderr: rebuild.stderr }).toEqual({ status: 0, stderr: '' });
  expect(activeDocuments(dataDir)).toEqual(resumed);
}

describe('kill -9 under load (built apps as child processes)', () => {
  const build = mkdtempSync(join(tmpdir(), 'ledger-reliability-build-'));
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-crash-'));
    dirs.push(dir);
    return dir;
  };
  beforeAll(() => buildApps(build), 120_000);
  afterAll(() => {
    for (const dir of [build, ...dirs]) rmSync(dir, { recursive: true, force: true });
  });

  it(`the API killed ${ROUNDS} times: acknowledged events stored once, chains verify, projections converge`, async () => {
    const dir = dataDir();
    const random = prng(SEED);
    const load: Load = { attempted: new Set(), acked: new Set(), cases: [], citizen: 58_400_000_000 };
    for (let round = 0; round < ROUNDS; round++) {
      const api = await startApi(build, dir);
      await loadUntil(api.url, load, random, () => kill(api));
      await checkStore(dir, load);
    }
    const api = await startApi(build, dir);
    try {
      await untilProjected(api.url);
    } finally {
      await kill(api, 'SIGTERM');
    }
    await checkStore(dir, load);
    await expectConvergedToRebuild(build, dir);
    expect(load.acked.size).toBeGreaterThan(ROUNDS);
    console.log(
      `crash (API): ${ROUNDS} SIGKILL rounds, ${load.attempted.size} commands sent, ${load.acked.size} acknowledged, all stored once`,
    );
  }, 300_000);

  it(`the projector killed ${ROUNDS} times mid-batch: it resumes and converges to a rebuild from zero`, async () => {
    const dir = dataDir();
    const random = prng(SEED + 1);
    const load: Load = { attempted: new Set(), acked: new Set(), cases: [], citizen: 58_500_000_000 };
    const api = await startApi(build, dir, { LEDGER_PROJECTIONS_IN_API: 'false' });
    try {
      for (let round = 0; round < ROUNDS; round++) {
        let projector: Child = await startProjector(build, dir);
        // The load keeps going; the projector is what dies, while it applies batches.
        await loadUntil(api.url, load, random, () => kill(projector));
        // And once more right after start-up, while it catches up on what the load appended meanwhile.
        projector = await startProjector(build, dir);
        await kill(projector, 'SIGKILL');
      }
      const projector = await startProjector(build, dir);
      try {
        await untilProjected(api.url);
      } finally {
        await kill(projector, 'SIGTERM');
      }
    } finally {
      await kill(api, 'SIGTERM');
    }
    await checkStore(dir, load);
    await expectConvergedToRebuild(build, dir);
    console.log(
      `crash (projector): ${ROUNDS} SIGKILL rounds, ${load.acked.size} acknowledged events projected, same documents as a rebuild`,
    );
  }, 300_000);
});
