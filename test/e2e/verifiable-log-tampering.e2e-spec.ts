// What `ledger-cli verify` does about the verifiable log, on a real embedded store tampered with after a
// head was signed: an edited, removed or reordered event fails, naming the first bad position.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { hashEvent, openSqliteEventStore, verifyEventStore, type EventStore } from '@ledger/event-store';
import { auditLog, readLogPublicKey, readTreeHeads, recordedLeaves, type AuditedEvent } from '@ledger/ledger';
import { openSqliteReadStore, SQLITE_READ_STORE_FILE } from '@ledger/read-store';
import { housingCaseAt, untilProjected } from './support/ledger-client';
import { startTestLedger } from './support/test-app';

async function* storedEvents(store: EventStore): AsyncIterable<AuditedEvent> {
  for (const e of await store.readAll({ fromPosition: 1, maxCount: 1000 }))
    yield { id: e.id, position: e.position, hash: e.hash };
}

async function audit(dataDir: string) {
  const events = openSqliteEventStore(join(dataDir, 'events.db'));
  const read = openSqliteReadStore(join(dataDir, SQLITE_READ_STORE_FILE));
  try {
    return await auditLog({
      events: storedEvents(events),
      heads: await readTreeHeads(read),
      publicKey: readLogPublicKey(undefined, dataDir)!,
      recordedLeaves: recordedLeaves(read),
    });
  } finally {
    await read.close();
    await events.close();
  }
}

/** A copy of the store with the events table changed by hand, its immutability triggers dropped. */
function tampered(original: string, change: (db: Database.Database) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-tampered-'));
  cpSync(original, dir, { recursive: true });
  const db = new Database(join(dir, 'events.db'));
  for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as {
    name: string;
  }[])
    db.exec(`DROP TRIGGER "${name}"`);
  change(db);
  db.close();
  return dir;
}

describe('verify against signed heads on a tampered store (e2e)', () => {
  let dataDir: string;
  const dirs: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-vl-'));
    const ledger = await startTestLedger({}, dataDir);
    await housingCaseAt(ledger, 'completed', '058200000021');
    await housingCaseAt(ledger, 'funded', '058200000022');
    await untilProjected(ledger);
    await ledger.http().post('/ledger/heads').send({}).expect(201);
    await housingCaseAt(ledger, 'registered', '058200000023');
    await untilProjected(ledger);
    await ledger.app.close();
  });
  afterAll(() => {
    for (const dir of [dataDir, ...dirs]) rmSync(dir, { recursive: true, force: true });
  });

  it('passes the store as it is (an event newer than the head included)', async () => {
    const report = await audit(dataDir);
    expect(report).toMatchObject({ ok: true, problems: [], headsChecked: 1 });
  });

  it('names an edited event', async () => {
    const dir = tampered(dataDir, (db) =>
      db.prepare('UPDATE events SET hash = ? WHERE position = 3').run('ab'.repeat(32)),
    );
    dirs.push(dir);
    const report = await audit(dir);
    expect(report.ok).toBe(false);
    expect(report.firstBadPosition).toBe(3);
  });

  it('names a removed event', async () => {
    const dir = tampered(dataDir, (db) => db.prepare('DELETE FROM events WHERE position = 4').run());
    dirs.push(dir);
    expect((await audit(dir)).firstBadPosition).toBe(4);
  });

  it('names the first of two reordered events', async () => {
    const dir = tampered(dataDir, (db) => {
      const swap = db.transaction(() => {
        db.prepare('UPDATE events SET position = 100 WHERE position = 2').run();
        db.prepare('UPDATE events SET position = 2 WHERE position = 5').run();
        db.prepare('UPDATE events SET position = 5 WHERE position = 100').run();
      });
      swap();
    });
    dirs.push(dir);
    expect((await audit(dir)).firstBadPosition).toBe(2);
  });

  it('names the first missing event when the newest signed ones were cut off', async () => {
    const dir = tampered(dataDir, (db) => db.prepare('DELETE FROM events WHERE position >= 6').run());
    dirs.push(dir);
    const report = await audit(dir);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'events_missing', position: 6 })]);
  });

  it('names an event newer than every head that was edited with its hash and chain recomputed', async () => {
    const dir = tampered(dataDir, (db) => {
      const row = db.prepare('SELECT * FROM events ORDER BY position DESC LIMIT 1').get() as Record<
        string,
        string | number
      >;
      const data = JSON.parse(row.data as string) as Record<string, unknown>;
      const event = {
        id: row.id as string,
        type: row.type as string,
        schemaVersion: row.schema_version as number,
        stream: row.stream as string,
        revision: row.revision as number,
        recordedAt: row.recorded_at as string,
        metadata: JSON.parse(row.metadata as string) as never,
        data: { ...data, category: data.category === 'merit' ? 'poor' : 'merit' } as never,
        prevHash: (row.prev_hash as string | null) ?? null,
      };
      const hash = hashEvent(event);
      db.prepare('UPDATE events SET data = ?, hash = ? WHERE position = ?').run(
        JSON.stringify(event.data),
        hash,
        row.position,
      );
    });
    dirs.push(dir);
    const store = openSqliteEventStore(join(dir, 'events.db'));
    const last = (await store.readAll({ fromPosition: 1, maxCount: 1000 })).at(-1)!;
    // The chains alone cannot see it: the edited event is its stream's newest, with its hash recomputed.
    expect((await verifyEventStore(store)).ok).toBe(true);
    await store.close();
    const report = await audit(dir);
    expect(report.ok).toBe(false);
    expect(report.firstBadPosition).toBe(last.position);
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'leaf_mismatch', position: last.position }),
    ]);
  });
});
