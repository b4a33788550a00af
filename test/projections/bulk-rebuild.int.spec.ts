// A rebuild is a bulk load (documents reduced in memory, written in large commits, forgotten and read back
// when the buffer is full): every projection the API runs must come out of it with exactly the documents
// that following the same events live, in small batches, gives. The events are the plan of the seeds folder
// and the benchmark's mix of recorded actions (housing cases through their lifecycle, payments, enrolments,
// courses with trainees, every commune); the expected documents are those of the live run, never figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planModelFromSeed, type NewEvent } from '@ledger/domain';
import { SqliteEventStore } from '@ledger/event-store';
import { createMerkleLogProjection } from '@ledger/ledger';
import { readSeedFiles } from '@ledger/ledger/plan/read-seed-files';
import { upcastEvent } from '@ledger/ledger/write/upcasting';
import {
  createLedgerProjections,
  NO_DUE_DATE,
  OPEN_CASE_STEPS,
  OPEN_STEP_COUNTS,
  ProjectionRunner,
  type AnyProjection,
  type OpenCaseStepDoc,
} from '@ledger/projections';
import { EventLog } from '@ledger/projections/definitions/testing/projection-spec';
import { recordSeed } from '@ledger/projections/definitions/testing/sample-plan';
import { SqliteReadStore, type ReadStore } from '@ledger/read-store';
import { streamAt } from '../../bench/workload';
import { allPages } from '../contract/read-store.fixtures';

const SEEDS = join(__dirname, '..', '..', 'seeds');
/** Streams of the benchmark's mix: about 2.7 events each. */
const STREAMS = 1500;

jest.setTimeout(180_000);

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function appendPlanAndWorkload(store: SqliteEventStore): Promise<number> {
  const seed = readSeedFiles(SEEDS);
  const planEvents = recordSeed(new EventLog(), seed);
  for (const e of planEvents) {
    const event: NewEvent = {
      id: e.id,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      metadata: e.metadata,
    };
    await store.append(e.stream, [event], 'any');
  }
  for (let i = 0; i < STREAMS; i += 100) {
    const streams = Array.from({ length: Math.min(100, STREAMS - i) }, (_, j) => streamAt(i + j));
    await Promise.all(streams.map((s) => store.append(s.stream, s.events, 'no_stream')));
  }
  return store.headPosition();
}

/** Every document of every collection of the projections, by collection and id. */
async function everyDocument(
  store: ReadStore,
  projections: readonly AnyProjection[],
): Promise<Map<string, Map<string, object>>> {
  const out = new Map<string, Map<string, object>>();
  for (const projection of projections) {
    for (const collection of projection.collections) {
      const { ids, docs } = await allPages<object>(store, collection, { limit: 500 });
      out.set(collection, new Map(ids.map((id, i) => [id, docs[i]])));
    }
  }
  return out;
}

describe('a bulk rebuild of every projection', () => {
  it('gives exactly the documents of the live run over the same events', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulk-rebuild-'));
    tempDirs.push(dir);
    const eventStore = new SqliteEventStore(join(dir, 'events.db'), { pollIntervalMs: 20 });
    const liveStore = new SqliteReadStore(join(dir, 'live.db'));
    const bulkStore = new SqliteReadStore(join(dir, 'bulk.db'));
    const projections = (): AnyProjection[] => [
      ...createLedgerProjections(planModelFromSeed(readSeedFiles(SEEDS))),
      createMerkleLogProjection(),
    ];
    try {
      const head = await appendPlanAndWorkload(eventStore);

      // Live: small batches, each loaded from and committed to the store.
      const live = new ProjectionRunner({
        eventStore,
        readStore: liveStore,
        projections: projections(),
        upcast: upcastEvent,
        batchSize: 64,
      });
      await live.start();
      await live.waitFor(head, { timeoutMs: 120_000 });
      await live.stop();

      // Bulk: a cache far smaller than the documents, so that evictions and reads back happen on every page.
      const bulk = new ProjectionRunner({
        eventStore,
        readStore: bulkStore,
        projections: projections(),
        upcast: upcastEvent,
        rebuildBatchSize: 700,
        rebuildCacheDocs: 250,
      });
      const flushed = new Map<string, number>();
      const progress = await bulk.rebuildAll({
        onProgress: (p) => void flushed.set(p.projection, (flushed.get(p.projection) ?? 0) + 1),
      });
      expect(progress.every((p) => p.position === head)).toBe(true);
      // One commit a page for every projection.
      expect([...flushed.values()]).toEqual(progress.map(() => Math.ceil(head / 700)));

      const expected = await everyDocument(liveStore, projections());
      const actual = await everyDocument(bulkStore, projections());
      let documents = 0;
      for (const [collection, docs] of expected) {
        documents += docs.size;
        const rebuilt = actual.get(collection) as Map<string, object>;
        expect({ collection, ids: [...rebuilt.keys()] }).toEqual({ collection, ids: [...docs.keys()] });
        for (const [id, doc] of docs)
          expect({ collection, id, doc: rebuilt.get(id) }).toEqual({ collection, id, doc });
      }
      // The workload reached every projection: documents in the thousands (one trail entry per event alone).
      expect(documents).toBeGreaterThan(head);
      // Each agency's running count of open steps is what counting its steps gives: those it recorded last
      // and those it holds by succession, by due date.
      const counted = new Map<string, { total: number; buckets: Record<string, number> }>();
      for (const step of (expected.get(OPEN_CASE_STEPS)?.values() ?? []) as Iterable<OpenCaseStepDoc>) {
        for (const agency of new Set([step.agency, step.successorDutyHolder ?? step.agency])) {
          const count = counted.get(agency) ?? { total: 0, buckets: {} };
          const bucket = step.dueBy ?? NO_DUE_DATE;
          count.total += 1;
          count.buckets[bucket] = (count.buckets[bucket] ?? 0) + 1;
          counted.set(agency, count);
        }
      }
      expect(counted.size).toBeGreaterThan(0);
      expect(Object.fromEntries(expected.get(OPEN_STEP_COUNTS) ?? [])).toEqual(Object.fromEntries(counted));
      for (const name of live.projectionNames) {
        const [l] = (await live.status()).filter((s) => s.name === name);
        const [b] = (await bulk.status()).filter((s) => s.name === name);
        expect({ name, checkpoint: b.checkpoint }).toEqual({ name, checkpoint: l.checkpoint });
      }
    } finally {
      await eventStore.close();
      await liveStore.close();
      await bulkStore.close();
    }
  });
});
