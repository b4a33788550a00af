// The projection runner over the real stores (SqliteEventStore, SqliteReadStore) on temporary files:
// catch-up, live, restart, crashes, rebuilds, failures and lag.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@ledger/domain';
import { SqliteEventStore } from '@ledger/event-store';
import {
  ProjectionFailedError,
  ProjectionRunner,
  RebuildAbortedError,
  RebuildInProgressError,
  UnknownProjectionError,
  type Projection,
  type ProjectionRunnerOptions,
  type ProjectionStatus,
  type RebuildProgress,
} from '@ledger/projections';
import { ReadStoreUnavailableError, SqliteReadStore, type ReadStore } from '@ledger/read-store';
import { anEvent, withTimeout } from '../contract/event-store.fixtures';
import { allPages } from '../contract/read-store.fixtures';
import { spawnTs } from './support/child-process';
import { InstrumentedReadStore } from './support/instrumented-read-store';
import { eventCounts, expectedCounts, openCases, poisoned, type CountDoc } from './support/toy-projections';

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface Stores {
  dir: string;
  eventStore: SqliteEventStore;
  readStore: SqliteReadStore;
}

const TYPES = ['HouseCompleted', 'SubsidyPaid', 'TraineeCertified'];

describe('ProjectionRunner', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function openStores(dir = newDataDir()): Stores {
    const eventStore = new SqliteEventStore(join(dir, 'events.db'), { pollIntervalMs: 20 });
    const readStore = new SqliteReadStore(join(dir, 'read.db'));
    cleanups.push(async () => {
      await eventStore.close();
      await readStore.close();
    });
    return { dir, eventStore, readStore };
  }

  function runner(
    stores: { eventStore: SqliteEventStore; readStore: ReadStore },
    projections: Projection[],
    options: Partial<ProjectionRunnerOptions> = {},
  ): ProjectionRunner {
    const created = new ProjectionRunner({
      eventStore: stores.eventStore,
      readStore: stores.readStore,
      projections,
      batchSize: 100,
      retryInitialMs: 10,
      ...options,
    });
    cleanups.push(() => created.stop());
    return created;
  }

  const statusOf = async (r: ProjectionRunner, name: string): Promise<ProjectionStatus> =>
    (await r.status()).find((s) => s.name === name) as ProjectionStatus;

  it('catches up on stored events in batches, then applies live ones', async () => {
    const stores = openStores();
    await appendEvents(stores.eventStore, 1200);
    const readStore = new InstrumentedReadStore(stores.readStore);
    const r = runner({ ...stores, readStore }, [eventCounts()]);
    await r.start();
    await r.waitFor(1200, { timeoutMs: 10_000 });

    expect(await dumpCounts(stores.readStore)).toEqual(expectedCounts(await readAll(stores.eventStore)));
    // One load and one commit per batch, not per event.
    expect(readStore.commits).toBeGreaterThanOrEqual(12);
    expect(readStore.commits).toBeLessThan(60);
    expect(readStore.loads).toBe(readStore.commits);
    expect(await statusOf(r, 'event-counts')).toMatchObject({
      state: 'live',
      checkpoint: 1200,
      headPosition: 1200,
      lag: 0,
      version: 1,
    });

    const live = await appendEvents(stores.eventStore, 30);
    await r.waitFor(live, { timeoutMs: 5000 });
    expect(await dumpCounts(stores.readStore)).toEqual(expectedCounts(await readAll(stores.eventStore)));
    expect(await statusOf(r, 'event-counts')).toMatchObject({ state: 'live', checkpoint: 1230, lag: 0 });
  });

  it('resumes after a restart from its checkpoint, counting no event twice', async () => {
    const dir = newDataDir();
    const first = openStores(dir);
    await appendEvents(first.eventStore, 500);
    const r1 = runner(first, [eventCounts(), openCases]);
    await r1.start();
    await r1.waitFor(500);
    await r1.stop();
    await first.eventStore.close();
    await first.readStore.close();

    const second = openStores(dir);
    const head = await appendEvents(second.eventStore, 250);
    const r2 = runner(second, [eventCounts(), openCases]);
    expect(await statusOf(r2, 'event-counts')).toMatchObject({
      state: 'stopped',
      checkpoint: 500,
      headPosition: head,
      lag: 250,
    });
    const committed: number[] = [];
    const readStore = new InstrumentedReadStore(second.readStore);
    readStore.afterCommit = (batch) => committed.push(batch.expectedCheckpoint);
    const r3 = runner({ ...second, readStore }, [eventCounts(), openCases]);
    await r3.start();
    await r3.waitFor(head);

    expect(Math.min(...committed)).toBe(500);
    const events = await readAll(second.eventStore);
    expect(await dumpCounts(second.readStore)).toEqual(expectedCounts(events));
    expect(await dumpOpenCases(second.readStore)).toEqual(expectedOpenCases(events));
  });

  it('a commit that fails mid-run is retried from the stored checkpoint: same documents, nothing twice', async () => {
    const stores = openStores();
    await appendEvents(stores.eventStore, 1000);
    const readStore = new InstrumentedReadStore(stores.readStore);
    let failures = 0;
    readStore.beforeCommit = (batch) => {
      if (batch.projection === 'event-counts' && batch.checkpoint > 400 && failures === 0) {
        failures++;
        throw new ReadStoreUnavailableError('disk full (simulated)');
      }
    };
    const r = runner({ ...stores, readStore }, [eventCounts(), openCases]);
    await r.start();
    await r.waitFor(1000);

    expect(failures).toBe(1);
    const events = await readAll(stores.eventStore);
    expect(await dumpCounts(stores.readStore)).toEqual(expectedCounts(events));
    expect(await dumpOpenCases(stores.readStore)).toEqual(expectedOpenCases(events));
    const status = await statusOf(r, 'event-counts');
    expect(status).toMatchObject({ state: 'live', checkpoint: 1000 });
    expect(status.lastError?.message).toContain('disk full (simulated)');
  });

  it('a projector process killed with SIGKILL mid-batch resumes to the documents of a rebuild from zero', async () => {
    const dir = newDataDir();
    const stores = openStores(dir);
    const head = await appendEvents(stores.eventStore, 20_000, { streams: 200 });
    await stores.readStore.close();

    const lastReported = await runChildAndKill(dir, 3000);
    const readStore = new SqliteReadStore(join(dir, 'read.db'));
    cleanups.push(() => readStore.close());
    const events = await readAll(stores.eventStore);

    // What the crash left is exactly a prefix of the log: every document as of the checkpoint, no half batch.
    const checkpoint = await readStore.getCheckpoint('event-counts');
    expect(checkpoint).toBeGreaterThanOrEqual(lastReported);
    expect(checkpoint).toBeLessThan(head);
    expect(await dumpCounts(readStore)).toEqual(
      expectedCounts(events.filter((e) => e.position <= checkpoint)),
    );

    const r = runner({ eventStore: stores.eventStore, readStore }, [eventCounts(), openCases]);
    await r.start();
    await r.waitFor(head, { timeoutMs: 20_000 });
    const resumed = { counts: await dumpCounts(readStore), open: await dumpOpenCases(readStore) };
    expect(resumed.counts).toEqual(expectedCounts(events));
    expect(resumed.open).toEqual(expectedOpenCases(events));

    await r.rebuild('event-counts');
    await r.rebuild('open-cases');
    expect({ counts: await dumpCounts(readStore), open: await dumpOpenCases(readStore) }).toEqual(resumed);
  }, 60_000);

  describe('rebuild', () => {
    it('gives the same documents as the live run; readers keep the old generation until the switch', async () => {
      const stores = openStores();
      const head = await appendEvents(stores.eventStore, 2500);
      const live = runner(stores, [eventCounts(), openCases]);
      await live.start();
      await live.waitFor(head);
      await live.stop();
      const liveCounts = await dumpCounts(stores.readStore);
      const liveOpen = await dumpOpenCases(stores.readStore);
      const before = await statusOf(live, 'event-counts');

      // Same version: identical documents, in a new generation.
      const again = await live.rebuild('event-counts');
      expect(again).toMatchObject({ eventsDone: head, position: head, targetPosition: head });
      expect(await dumpCounts(stores.readStore)).toEqual(liveCounts);
      const after = await statusOf(live, 'event-counts');
      expect(after.generation).not.toBe(before.generation);
      expect(after).toMatchObject({ checkpoint: head, state: 'stopped' });

      // A new version: documents readers see during the rebuild are the old ones, whole.
      const v2 = runner(stores, [eventCounts(2), openCases], { rebuildBatchSize: 300 });
      const progress: RebuildProgress[] = [];
      const seenDuringRebuild: Array<Record<string, Record<string, CountDoc>>> = [];
      const result = await v2.rebuild('event-counts', {
        onProgress: async (p) => {
          progress.push(p);
          seenDuringRebuild.push(await dumpCounts(stores.readStore));
          expect(await stores.readStore.getCheckpoint('event-counts')).toBe(head);
          expect((await v2.status())[0]).toMatchObject({
            state: 'rebuilding',
            checkpoint: head,
            rebuild: { checkpoint: p.position },
          });
        },
      });
      expect(progress.length).toBe(Math.ceil(head / 300));
      expect(progress.map((p) => p.eventsDone)).toEqual(progress.map((p) => p.position));
      expect(result).toMatchObject({ eventsDone: head, targetPosition: head });
      expect(result.eventsPerSecond).toBeGreaterThan(0);
      for (const seen of seenDuringRebuild) expect(seen).toEqual(liveCounts);
      const events = await readAll(stores.eventStore);
      expect(await dumpCounts(stores.readStore)).toEqual(expectedCounts(events, 2));
      expect(await dumpOpenCases(stores.readStore)).toEqual(liveOpen);
    });

    it('while running: live processing resumes from the rebuilt checkpoint, events appended meanwhile included', async () => {
      const stores = openStores();
      await appendEvents(stores.eventStore, 3000);
      const r = runner(stores, [eventCounts(), openCases], { rebuildBatchSize: 200 });
      await r.start();
      await r.waitFor(3000);

      let appendedDuring = 0;
      const rebuilt = r.rebuild('event-counts', {
        onProgress: async () => {
          if (appendedDuring < 5) {
            appendedDuring++;
            await appendEvents(stores.eventStore, 10);
          }
        },
      });
      await expect(r.rebuild('event-counts')).rejects.toBeInstanceOf(RebuildInProgressError);
      await rebuilt;
      const head = await stores.eventStore.headPosition();
      expect(head).toBe(3050);
      await r.waitFor(head);
      expect(await statusOf(r, 'event-counts')).toMatchObject({ state: 'live', checkpoint: head, lag: 0 });
      expect(await dumpCounts(stores.readStore)).toEqual(expectedCounts(await readAll(stores.eventStore)));
      await expect(r.rebuild('nope')).rejects.toBeInstanceOf(UnknownProjectionError);
    });

    it('stop() during a rebuild drops the unfinished generation; readers keep the old one', async () => {
      const stores = openStores();
      const head = await appendEvents(stores.eventStore, 2000);
      const r = runner(stores, [eventCounts()], { rebuildBatchSize: 200 });
      await r.start();
      await r.waitFor(head);
      const before = await statusOf(r, 'event-counts');
      const counts = await dumpCounts(stores.readStore);

      const rebuilt = r.rebuild('event-counts', {
        onProgress: (p) => {
          // Not awaited: stop() waits for the rebuild, which waits for this callback.
          if (p.position === 400) void r.stop();
        },
      });
      await expect(rebuilt).rejects.toBeInstanceOf(RebuildAbortedError);
      expect(await stores.readStore.activeGeneration('event-counts')).toMatchObject({
        generation: before.generation,
        checkpoint: head,
      });
      expect(await dumpCounts(stores.readStore)).toEqual(counts);
      expect(await statusOf(r, 'event-counts')).toMatchObject({ state: 'stopped', checkpoint: head });
      expect((await statusOf(r, 'event-counts')).rebuild).toBeUndefined();
    });

    it('a new version is rebuilt on start while readers keep the previous version', async () => {
      const stores = openStores();
      const head = await appendEvents(stores.eventStore, 1500);
      const v1 = runner(stores, [eventCounts()]);
      await v1.start();
      await v1.waitFor(head);
      await v1.stop();
      const v1Counts = await dumpCounts(stores.readStore);

      const states = new Set<string>();
      const readStore = new InstrumentedReadStore(stores.readStore);
      let readerChecks = 0;
      readStore.beforeCommit = async (batch) => {
        if (batch.expectedCheckpoint > 0 && batch.expectedCheckpoint < head) {
          states.add((await v2.status())[0].state);
          expect(await dumpCounts(stores.readStore)).toEqual(v1Counts);
          readerChecks++;
        }
      };
      const v2 = runner({ ...stores, readStore }, [eventCounts(2)], { rebuildBatchSize: 250 });
      await v2.start();
      // waitFor(head) would return at once: readers already see head, in version 1.
      await until(async () => (await statusOf(v2, 'event-counts')).state === 'live');
      expect(readerChecks).toBeGreaterThan(2);
      expect([...states]).toEqual(['rebuilding']);
      expect(await dumpCounts(stores.readStore)).toEqual(expectedCounts(await readAll(stores.eventStore), 2));
      expect(await statusOf(v2, 'event-counts')).toMatchObject({ state: 'live', version: 2 });
    });
  });

  it('a projection that throws stops alone, with its error; the others go on', async () => {
    const stores = openStores();
    // Batches of 100: the poison is in the middle of the batch of positions 201..300.
    await appendEvents(stores.eventStore, 250);
    const poison = await stores.eventStore.append(
      'poison-stream',
      [anEvent({ type: 'Poison' })],
      'no_stream',
    );
    const poisonPosition = poison.events[0].position;
    const head = await appendEvents(stores.eventStore, 200);
    const r = runner(stores, [poisoned(), eventCounts()]);
    await r.start();
    await r.waitFor(head, { projections: ['event-counts'] });
    await expect(r.waitFor(head)).rejects.toBeInstanceOf(ProjectionFailedError);
    expect(poisonPosition).toBe(251);

    const failed = await statusOf(r, 'poisoned');
    expect(failed).toMatchObject({
      state: 'failed',
      checkpoint: poisonPosition - 1,
      lag: head - (poisonPosition - 1),
      lastError: { position: poisonPosition, eventType: 'Poison', eventId: poison.events[0].id },
    });
    expect(failed.lastError?.message).toContain('cannot digest');
    // The events before the poison, in the batch it came in too, are applied and committed.
    expect(await stores.readStore.get('poison-seen', 'all')).toEqual({ seen: poisonPosition - 1 });

    const more = await appendEvents(stores.eventStore, 50);
    await r.waitFor(more, { projections: ['event-counts'] });
    expect(await statusOf(r, 'event-counts')).toMatchObject({ state: 'live', checkpoint: more });
    expect((await statusOf(r, 'poisoned')).checkpoint).toBe(poisonPosition - 1);

    // Fixed code (a new version): a rebuild brings it back.
    const cured = runner(stores, [poisoned(true)]);
    await cured.start();
    await cured.waitFor(more);
    expect(await stores.readStore.get('poison-seen', 'all')).toEqual({ seen: more });
    expect(await statusOf(cured, 'poisoned')).toMatchObject({ state: 'live', lag: 0 });
  });

  it('stops when stopped at any moment of its start-up, even before a projection follows the log', async () => {
    const stores = openStores();
    await appendEvents(stores.eventStore, 50);
    for (const delayMs of [0, 1, 5, 20]) {
      const r = runner(stores, [eventCounts()]);
      await r.start();
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      await withTimeout(r.stop(), 5000, `stop() ${delayMs} ms after start()`);
    }
  });

  it('while held, commits nothing; on release it catches up on what was appended meanwhile in large batches', async () => {
    const stores = openStores();
    const readStore = new InstrumentedReadStore(stores.readStore);
    const r = runner({ ...stores, readStore }, [eventCounts()], { batchSize: 500 });
    await r.start();
    await r.waitFor(await appendEvents(stores.eventStore, 5));
    const before = readStore.commits;
    const release = r.hold();
    const again = r.hold();
    let head = 0;
    for (let i = 0; i < 20; i++) {
      head = await appendEvents(stores.eventStore, 10);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    release();
    release();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // One hold is still there: nothing is committed yet.
    expect(readStore.commits).toBe(before);
    expect(await statusOf(r, 'event-counts')).toMatchObject({ checkpoint: 5, lag: 200 });
    again();
    await r.waitFor(head, { timeoutMs: 10_000 });
    expect(await dumpCounts(stores.readStore)).toEqual(expectedCounts(await readAll(stores.eventStore)));
    // 20 commits of the event store, caught up in far fewer batches of the projection.
    expect(readStore.commits - before).toBeLessThanOrEqual(3);
  });

  it('reports lag while behind, and none once live', async () => {
    const stores = openStores();
    await appendEvents(stores.eventStore, 100);
    const readStore = new InstrumentedReadStore(stores.readStore);
    const r = runner({ ...stores, readStore }, [eventCounts()], { batchSize: 10 });
    expect(await r.status()).toEqual([
      { name: 'event-counts', version: 1, state: 'stopped', checkpoint: 0, headPosition: 100, lag: 100 },
    ]);
    const seen: ProjectionStatus[] = [];
    readStore.beforeCommit = async () => {
      seen.push(await statusOf(r, 'event-counts'));
    };
    await r.start();
    await r.waitFor(100);
    expect(seen[0]).toMatchObject({ state: 'catching_up', checkpoint: 0, lag: 100 });
    expect(seen.map((s) => s.lag)).toEqual(seen.map((s) => 100 - s.checkpoint));
    expect(await statusOf(r, 'event-counts')).toMatchObject({ state: 'live', lag: 0 });
    await r.stop();
    expect(await statusOf(r, 'event-counts')).toMatchObject({ state: 'stopped', checkpoint: 100 });
  });
});

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-projections-'));
  tempDirs.push(dir);
  return dir;
}

/** Appends `count` events over several streams (types in turn, some cases opened and closed); returns the head. */
async function appendEvents(
  store: SqliteEventStore,
  count: number,
  { streams = 20 }: { streams?: number } = {},
): Promise<number> {
  const start = await store.headPosition();
  const perAppend = 25;
  const appends: Array<Promise<unknown>> = [];
  for (let done = 0; done < count; done += perAppend) {
    const n = Math.min(perAppend, count - done);
    const k = start + done;
    const stream = `case-${Math.floor(k / perAppend) % streams}`;
    const events = Array.from({ length: n }, (_, i) => {
      const at = k + i;
      const type = at % 97 === 0 ? 'CaseOpened' : at % 89 === 0 ? 'CaseClosed' : TYPES[at % TYPES.length];
      return anEvent({ type });
    });
    appends.push(store.append(stream, events, 'any'));
  }
  await Promise.all(appends);
  return store.headPosition();
}

async function readAll(store: SqliteEventStore): Promise<RecordedEvent[]> {
  return store.readAll({ maxCount: 1_000_000 });
}

async function dumpCounts(store: ReadStore): Promise<Record<string, Record<string, CountDoc>>> {
  const out: Record<string, Record<string, CountDoc>> = {};
  for (const collection of ['stream-counts', 'type-counts']) {
    const { ids, docs } = await allPages<CountDoc>(store, collection, { limit: 500 });
    out[collection] = Object.fromEntries(ids.map((id, i) => [id, docs[i]]));
  }
  return out;
}

async function dumpOpenCases(store: ReadStore): Promise<Record<string, unknown>> {
  const { ids, docs } = await allPages(store, 'open-cases', { limit: 500 });
  return Object.fromEntries(ids.map((id, i) => [id, docs[i]]));
}

function expectedOpenCases(events: readonly RecordedEvent[]): Record<string, unknown> {
  const open: Record<string, unknown> = {};
  for (const event of events) {
    if (event.type === 'CaseOpened') open[event.stream] = { stream: event.stream, openedAt: event.position };
    if (event.type === 'CaseClosed') delete open[event.stream];
  }
  return open;
}

/**
 * Runs the projector in a child process over dir's files and kills it with SIGKILL once it has committed
 * up to `killAfter`: it is then in the middle of its next batch. Returns the last checkpoint it reported.
 */
async function runChildAndKill(dir: string, killAfter: number): Promise<number> {
  const child = spawnTs(
    join(__dirname, 'support', 'projector.child.ts'),
    [join(dir, 'events.db'), join(dir, 'read.db')],
    dir,
  );
  let last = 0;
  let buffer = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          const [, projection, checkpoint] = line.split(' ');
          if (projection === 'event-counts') last = Number(checkpoint);
        }
        if (last >= killAfter) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code) => reject(new Error(`projector exited early (${String(code)}): ${stderr}`)));
    }),
    30_000,
    'the projector child',
  );
  await exited;
  return last;
}
