// Append rates of the embedded event store, each beside a baseline measured in the same run on the same
// disk with the same durability (WAL, synchronous=FULL): raw better-sqlite3 with one transaction per
// insert (the limit for single appends) and one transaction per 100 inserts (the limit for batches).
// A rough measurement for the foundation issue; the benchmark suite proper (bench issue) builds on it.
//
//   npm run bench            (quick: 3 s per case, 3 runs, median)
//   npm run bench -- --seconds 10 --runs 5
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { NewEvent } from '@ledger/domain';
import { SqliteEventStore } from '@ledger/event-store';
import { inTempDir, median, metadata, numberOption } from './bench-support';

const SECONDS = numberOption('seconds', 3);
const RUNS = numberOption('runs', 3);

function anEvent(): NewEvent {
  return {
    id: randomUUID(),
    type: 'SubsidyPaid',
    schemaVersion: 1,
    data: {
      programme: 'tro-cap-xa-hoi',
      beneficiaryRef: 'b-' + 'a'.repeat(32),
      period: '2026-11',
      amountVnd: 500000,
      method: 'bank',
      commune: 'PHUOC-DAI',
    },
    metadata: metadata('BA-PHUOC-DAI', '2026-11-05T09:00:00+07:00'),
  };
}

/** Runs `step` (which appends `perStep` events) until the time is up; returns events per second. */
async function rate(perStep: number, step: () => Promise<void> | void): Promise<number> {
  const end = Date.now() + SECONDS * 1000;
  let events = 0;
  const started = process.hrtime.bigint();
  while (Date.now() < end) {
    await step();
    events += perStep;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return events / seconds;
}

function withStore<T>(fn: (store: SqliteEventStore) => Promise<T>): Promise<T> {
  return inTempDir('bench-store-', async (dir) => {
    const store = new SqliteEventStore(join(dir, 'events.db'));
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  });
}

function withRawSqlite<T>(fn: (insert: (n: number) => void) => Promise<T>): Promise<T> {
  return inTempDir('bench-raw-', async (dir) => {
    const db = new Database(join(dir, 'raw.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(
      'CREATE TABLE events (position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, stream TEXT NOT NULL, data TEXT NOT NULL)',
    );
    const stmt = db.prepare('INSERT INTO events (id, stream, data) VALUES (?, ?, ?)');
    const insertMany = db.transaction((n: number) => {
      for (let i = 0; i < n; i++) {
        const e = anEvent();
        stmt.run(e.id, `s-${e.id}`, JSON.stringify(e));
      }
    });
    try {
      return await fn(insertMany);
    } finally {
      db.close();
    }
  });
}

interface Case {
  name: string;
  baseline: string;
  measure: () => Promise<number>;
  measureBaseline: () => Promise<number>;
}

const cases: Case[] = [
  {
    name: 'single appends, one writer',
    baseline: 'raw insert, 1 tx per insert',
    measure: () =>
      withStore((store) =>
        rate(1, async () => void (await store.append(`s-${randomUUID()}`, [anEvent()], 'no_stream'))),
      ),
    measureBaseline: () => withRawSqlite((insert) => rate(1, () => insert(1))),
  },
  {
    name: 'single appends, 64 concurrent writers (group commit)',
    baseline: 'raw insert, 1 tx per insert',
    measure: () =>
      withStore((store) =>
        rate(64, async () => {
          await Promise.all(
            Array.from({ length: 64 }, () => store.append(`s-${randomUUID()}`, [anEvent()], 'no_stream')),
          );
        }),
      ),
    measureBaseline: () => withRawSqlite((insert) => rate(1, () => insert(1))),
  },
  {
    name: '100-event batch appends',
    baseline: 'raw insert, 1 tx per 100 inserts',
    measure: () =>
      withStore((store) =>
        rate(
          100,
          async () =>
            void (await store.append(`s-${randomUUID()}`, Array.from({ length: 100 }, anEvent), 'no_stream')),
        ),
      ),
    measureBaseline: () => withRawSqlite((insert) => rate(100, () => insert(100))),
  },
];

async function main(): Promise<void> {
  console.log(`append rates, median of ${RUNS} runs of ${SECONDS} s each (events/s)\n`);
  console.log(['case', 'ledger', 'baseline', 'ratio', 'baseline is'].join(' | '));
  for (const c of cases) {
    const ledger: number[] = [];
    const baseline: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      ledger.push(await c.measure());
      baseline.push(await c.measureBaseline());
      process.stderr.write('.');
    }
    process.stderr.write('\n');
    const l = median(ledger);
    const b = median(baseline);
    console.log([c.name, l.toFixed(0), b.toFixed(0), (l / b).toFixed(2), c.baseline].join(' | '));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
