// ProjectionWorkerHost, the api's side of the projections' worker thread, with a scripted worker that crashes
// on its first start: the crash is logged, the projections report `failed` (from the real stores) until the
// worker is back, the new worker answers, its errors arrive typed, and stop lets it close before it ends.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { ProjectionWorkerHost } from '@ledger/ledger';
import { ProjectionFailedError, ProjectionRunnerStoppedError } from '@ledger/projections';
import { SqliteReadStore } from '@ledger/read-store';
import { anEvent } from '../contract/event-store.fixtures';

const until = async (check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('ProjectionWorkerHost', () => {
  const dir = mkdtempSync(join(tmpdir(), 'projection-worker-host-'));
  // Where the scripted worker counts its starts (see the script).
  const starts = join(tmpdir(), `scripted-projection-worker-${process.pid}.txt`);
  const eventStore = new SqliteEventStore(join(dir, 'events.db'));
  const readStore = new SqliteReadStore(join(dir, 'read.db'));
  const errors: string[] = [];
  const logs: string[] = [];
  const host = new ProjectionWorkerHost({
    script: join(__dirname, 'support', 'scripted-projection-worker.cjs'),
    projectionNames: ['counts'],
    eventStore,
    readStore,
    logger: { log: (m) => logs.push(m), error: (m) => errors.push(m) },
    restartInitialMs: 300,
  });

  beforeAll(() => rmSync(starts, { force: true }));
  afterAll(async () => {
    await host.stop();
    await eventStore.close();
    await readStore.close();
    rmSync(starts, { force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs a crash, reports failed until the worker is back, then answers from the new worker', async () => {
    await eventStore.append('s-1', [anEvent(), anEvent()], 'no_stream');
    await host.start();
    await until(() => errors.length > 0);
    expect(errors[0]).toMatch(/projection worker exited \(code 3\).*restarting in 300 ms/);
    const down = await host.status();
    expect(down).toEqual([
      expect.objectContaining({
        name: 'counts',
        state: 'failed',
        checkpoint: 0,
        headPosition: 2,
        lag: 2,
        lastError: expect.objectContaining({ message: expect.stringContaining('exited (code 3)') }),
      }),
    ]);
    await expect(host.waitFor(1)).rejects.toBeInstanceOf(ProjectionRunnerStoppedError);

    await until(async () => (await host.status())[0].state === 'live');
    expect(readFileSync(starts, 'utf8').trim().split('\n')).toEqual(['start', 'start']);
    expect(logs).toContain('the projection worker is running again');
    expect(await host.status()).toEqual([
      { name: 'counts', version: 1, state: 'live', checkpoint: 7, headPosition: 7, lag: 0 },
    ]);
    const failed = await host.waitFor(1).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ProjectionFailedError);
    expect(failed).toMatchObject({ projection: 'counts', detail: 'boom', position: 5 });
  });

  it('stop lets the worker close before it ends, and no restart follows', async () => {
    await host.stop();
    expect(readFileSync(starts, 'utf8').trim().split('\n')).toEqual(['start', 'start', 'stopped']);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(readFileSync(starts, 'utf8').trim().split('\n')).toEqual(['start', 'start', 'stopped']);
    expect((await host.status())[0].state).toBe('stopped');
  });
});
