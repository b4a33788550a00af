// One measurement of scenario 3 in its own process, so that its peak RSS is its own: either a raw sequential
// read of every event through the port (the limit), or a rebuild of every projection the API runs (the five
// of the domain and the Merkle log) from position 0 into new generations, with the switch-over.
//
//   node dist-bench/bench/rebuild-child.js --data DIR --mode raw|rebuild [--read FILE]
import { join } from 'node:path';
import { planModelFromSeed } from '@ledger/domain';
import { SqliteEventStore } from '@ledger/event-store';
import { createMerkleLogProjection, readSeedFiles } from '@ledger/ledger';
import { upcastEvent } from '@ledger/ledger/write/upcasting';
import { ProjectionRunner, createLedgerProjections } from '@ledger/projections';
import { SqliteReadStore } from '@ledger/read-store';
import { seconds, stringOption } from './bench-support';

export interface ChildResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  maxRssMiB: number;
  perProjection?: Record<string, number>;
}

const maxRssMiB = (): number => process.resourceUsage().maxRSS / 1024;

async function rawRead(store: SqliteEventStore): Promise<ChildResult> {
  const started = process.hrtime.bigint();
  let read = 0;
  let from = 1;
  for (;;) {
    const page = await store.readAll({ fromPosition: from, maxCount: 1000 });
    if (page.length === 0) break;
    read += page.length;
    from = page[page.length - 1].position + 1;
  }
  const s = seconds(started);
  return { events: read, seconds: s, eventsPerSecond: read / s, maxRssMiB: maxRssMiB() };
}

async function rebuild(store: SqliteEventStore, dataDir: string): Promise<ChildResult> {
  // --read: the read store file (default the data directory's read.db); the suite gives each run a new one.
  const readStore = new SqliteReadStore(stringOption('read', join(dataDir, 'read.db')));
  try {
    const plan = planModelFromSeed(readSeedFiles(stringOption('seeds', 'seeds')));
    const runner = new ProjectionRunner({
      eventStore: store,
      readStore,
      projections: [...createLedgerProjections(plan), createMerkleLogProjection()],
      upcast: upcastEvent,
    });
    const events = await store.headPosition();
    const perProjection: Record<string, number> = {};
    const started = process.hrtime.bigint();
    const progress = await runner.rebuildAll();
    for (const p of progress) perProjection[p.projection] = p.eventsPerSecond;
    const s = seconds(started);
    return { events, seconds: s, eventsPerSecond: events / s, maxRssMiB: maxRssMiB(), perProjection };
  } finally {
    await readStore.close();
  }
}

async function main(): Promise<void> {
  const dataDir = stringOption('data', '');
  const mode = stringOption('mode', 'rebuild');
  const store = new SqliteEventStore(join(dataDir, 'events.db'));
  try {
    const result = mode === 'raw' ? await rawRead(store) : await rebuild(store, dataDir);
    console.log(JSON.stringify(result));
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
