// Scenario 1: durable appends of the embedded event store, beside, in the same run and on the same disk:
// - the limit: raw better-sqlite3 with the same durability (WAL, synchronous=FULL), one transaction per insert
//   and one transaction per 100 inserts (the practical limit: what group commit can at best reach);
// - a peer: the Emmett SQLite event store (@event-driven-io/emmett-sqlite, node-sqlite3, WAL, its default
//   synchronous, which is FULL), used here only.
// Writers are closed loops: each appends, waits for the acknowledgement, appends again.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getSQLiteEventStore, sqliteConnection } from '@event-driven-io/emmett-sqlite';
import type { NewEvent } from '@ledger/domain';
import { SqliteEventStore } from '@ledger/event-store';
import { inTempDir, median, metadata, progress } from './bench-support';
import type { Row } from './report';

export interface AppendSettings {
  seconds: number;
  runs: number;
}

function anEvent(): NewEvent {
  return {
    id: randomUUID(),
    type: 'SubsidyPaid',
    schemaVersion: 1,
    data: {
      programme: 'tro-cap-xa-hoi',
      beneficiaryRef: 'b-' + randomUUID().replace(/-/g, ''),
      period: '2026-11',
      amountVnd: 500000,
      method: 'bank',
      commune: 'BA-PHUOC-DAI',
    },
    metadata: metadata('BA-PHUOC-DAI', '2026-11-05T09:00:00+07:00'),
  };
}

interface Rate {
  eventsPerSecond: number;
  failures: number;
}

/** `writers` closed loops, each calling `step` (which stores `perStep` events) until the time is up. */
async function closedLoops(
  seconds: number,
  writers: number,
  perStep: number,
  step: (writer: number) => Promise<void> | void,
): Promise<Rate> {
  const end = Date.now() + seconds * 1000;
  let events = 0;
  let failures = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      while (Date.now() < end) {
        try {
          await step(writer);
          events += perStep;
        } catch {
          failures++;
        }
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return { eventsPerSecond: events / elapsed, failures };
}

function ledger(seconds: number, writers: number, batch: number): Promise<Rate> {
  return inTempDir('bench-ledger-', async (dir) => {
    const store = new SqliteEventStore(join(dir, 'events.db'));
    try {
      return await closedLoops(seconds, writers, batch, async () => {
        const events = Array.from({ length: batch }, anEvent);
        await store.append(`subsidy-payment-${randomUUID()}`, events, 'no_stream');
      });
    } finally {
      await store.close();
    }
  });
}

/** Raw inserts of the same rows (id, stream, JSON), `perTx` per transaction, one writer (sqlite has one). */
function raw(seconds: number, perTx: number): Promise<Rate> {
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
        stmt.run(e.id, `subsidy-payment-${e.id}`, JSON.stringify(e));
      }
    });
    try {
      return await closedLoops(seconds, 1, perTx, () => insertMany(perTx));
    } finally {
      db.close();
    }
  });
}

/**
 * Emmett's SQLite store opens a connection per call and closes it after, on one handle shared by the store
 * object, so concurrent calls on one object close each other's connection; separate objects per writer
 * meet at sqlite's write lock with node-sqlite3's 1 s busy timeout and mostly fail (SQLITE_BUSY). It has no
 * group commit: used correctly, concurrent writers take turns on one store object, which is what is
 * measured here.
 */
function emmett(seconds: number, writers: number, batch: number): Promise<Rate> {
  return inTempDir('bench-emmett-', async (dir) => {
    const store = getSQLiteEventStore({ fileName: join(dir, 'emmett.db') });
    let turn: Promise<unknown> = Promise.resolve();
    const append = (): Promise<unknown> => {
      const events = Array.from({ length: batch }, () => {
        const e = anEvent();
        return { type: e.type, data: e.data as Record<string, unknown>, metadata: e.metadata };
      });
      const mine = turn.then(() =>
        store.appendToStream(`subsidy-${randomUUID()}`, events, {
          expectedStreamVersion: STREAM_DOES_NOT_EXIST,
        }),
      );
      turn = mine.catch(() => undefined);
      return mine;
    };
    await append(); // creates the schema
    return closedLoops(seconds, writers, batch, async () => void (await append()));
  });
}

/** PRAGMA synchronous of a connection as Emmett opens it (2 = FULL), to state the durability compared. */
export function emmettSynchronous(): Promise<number> {
  return inTempDir('bench-emmett-', async (dir) => {
    const connection = sqliteConnection({ fileName: join(dir, 'probe.db') });
    try {
      const row = await connection.querySingle<{ synchronous: number }>('PRAGMA synchronous');
      return row?.synchronous ?? -1;
    } finally {
      connection.close();
    }
  });
}

async function medianOf(
  runs: number,
  measure: () => Promise<Rate>,
): Promise<{ value: number; failures: number; samples: number[] }> {
  const samples: number[] = [];
  let failures = 0;
  for (let run = 0; run < runs; run++) {
    const rate = await measure();
    samples.push(rate.eventsPerSecond);
    failures += rate.failures;
  }
  return { value: median(samples), failures, samples };
}

export async function appendScenario(settings: AppendSettings): Promise<Row[]> {
  const { seconds, runs } = settings;
  progress(`append: ${runs} runs of ${seconds} s per case`);
  // Baselines first and interleaved with the cases by run would be fairer on a noisy disk; medians of
  // several runs each, measured in this same process and run, on the same disk.
  const rawSingle = await medianOf(runs, () => raw(seconds, 1));
  const rawBatched = await medianOf(runs, () => raw(seconds, 100));
  progress(
    `raw better-sqlite3: ${rawSingle.value.toFixed(0)}/s (1 tx per insert), ${rawBatched.value.toFixed(0)}/s (1 tx per 100)`,
  );
  const emmettSync = await emmettSynchronous();
  const rows: Row[] = [];
  const cases: Array<{
    name: string;
    writers: number;
    batch: number;
    limit: 'single' | 'batched';
    target?: number;
  }> = [
    { name: 'single-event appends, 1 writer', writers: 1, batch: 1, limit: 'single' },
    { name: 'single-event appends, 16 writers', writers: 16, batch: 1, limit: 'batched' },
    { name: 'single-event appends, 64 writers', writers: 64, batch: 1, limit: 'batched', target: 0.5 },
    { name: '100-event batch appends, 1 writer', writers: 1, batch: 100, limit: 'batched' },
  ];
  for (const c of cases) {
    const ours = await medianOf(runs, () => ledger(seconds, c.writers, c.batch));
    // The peer's own failures (node-sqlite3 now and then rejects a commit with SQLITE_BUSY from inside
    // Emmett) are noted, not allowed to end the suite.
    let peerError: string | undefined;
    const peer = await medianOf(runs, () => emmett(seconds, c.writers, c.batch)).catch((error: unknown) => {
      peerError = error instanceof Error ? error.message : String(error);
      return undefined;
    });
    const limit = c.limit === 'single' ? rawSingle : rawBatched;
    const limitName =
      c.limit === 'single'
        ? 'raw better-sqlite3, 1 tx per insert'
        : 'raw better-sqlite3, 1 tx per 100 inserts';
    const ratio = ours.value / limit.value;
    rows.push({
      scenario: 'append',
      case: c.name,
      unit: 'events/s',
      value: ours.value,
      samples: ours.samples,
      limit: { name: limitName, value: limit.value },
      ratio,
      ...(peer
        ? { peer: { name: 'Emmett SQLite 0.38.5', value: peer.value }, peerRatio: ours.value / peer.value }
        : {}),
      ...(c.target !== undefined
        ? { target: `>= ${c.target} x raw batched insert rate`, met: ratio >= c.target }
        : {}),
      notes: [
        ...(c.writers === 1 && c.batch === 1
          ? [
              `durability compared: ours and raw synchronous=FULL (WAL); Emmett's connections report synchronous=${emmettSync} (2 = FULL)`,
            ]
          : []),
        ...(ours.failures ? [`ledger: ${ours.failures} failed appends`] : []),
        ...(peer?.failures ? [`Emmett: ${peer.failures} failed appends`] : []),
        ...(peerError ? [`Emmett: the run failed (${peerError})`] : []),
      ],
    });
    progress(`${c.name}: ${ours.value.toFixed(0)}/s; Emmett ${peer ? peer.value.toFixed(0) : peerError}/s`);
  }
  return rows;
}
