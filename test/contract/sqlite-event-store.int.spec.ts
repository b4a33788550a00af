import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { RecordedEvent } from '@ledger/domain';
import {
  EventStoreArgumentError,
  hashEvent,
  SqliteEventStore,
  StoreUnavailableError,
  StreamNotFoundError,
  verifyEventStore,
  WrongExpectedRevisionError,
  type AppendResult,
  type SqliteEventStoreOptions,
} from '@ledger/event-store';
import { eventStoreContract } from './event-store.contract';
import { anEvent, withTimeout } from './event-store.fixtures';

const tempDirs: string[] = [];
function tempFile(name = 'events.db'): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-event-store-'));
  tempDirs.push(dir);
  return join(dir, 'data', name);
}
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

eventStoreContract('SqliteEventStore', async () => {
  const store = new SqliteEventStore(tempFile());
  return { store, cleanup: () => store.close() };
});

describe('SqliteEventStore', () => {
  const open: SqliteEventStore[] = [];
  const openStore = (path: string, options?: SqliteEventStoreOptions): SqliteEventStore => {
    const store = new SqliteEventStore(path, options);
    open.push(store);
    return store;
  };
  /** A second connection to the file, as an operator (or an attacker) with sqlite3 would have. */
  const raw = (path: string): Database.Database => new Database(path);
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });

  describe('file and settings', () => {
    it('creates the directory, the file and the schema when missing', async () => {
      const path = tempFile();
      const store = openStore(path);
      expect(existsSync(path)).toBe(true);
      expect(await store.headPosition()).toBe(0);
    });

    it('runs in WAL mode with synchronous=FULL (2)', () => {
      const path = tempFile();
      const store = openStore(path, { busyTimeoutMs: 1234 });
      expect(store.diagnostics()).toMatchObject({
        journalMode: 'wal',
        synchronous: 2,
        busyTimeoutMs: 1234,
        schemaVersion: 2,
      });
      const db = raw(path);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(2);
      db.close();
    });

    it('opens a file of schema version 1 (with its streams table) and goes on with its streams', async () => {
      const path = tempFile();
      const first = openStore(path);
      const before = await first.append('case-1', [anEvent(), anEvent()], 'no_stream');
      await first.close();
      // As version 1 left it: the same events, and each stream's last revision and hash in a table of its own.
      const db = raw(path);
      db.exec(`CREATE TABLE streams (stream TEXT PRIMARY KEY, last_revision INTEGER NOT NULL,
        last_hash TEXT NOT NULL) STRICT, WITHOUT ROWID`);
      const tip = db.prepare('SELECT revision, hash FROM events ORDER BY position DESC LIMIT 1').get() as {
        revision: number;
        hash: string;
      };
      db.prepare('INSERT INTO streams VALUES (?, ?, ?)').run('case-1', tip.revision, tip.hash);
      db.pragma('user_version = 1');
      db.close();

      const store = openStore(path);
      expect(store.diagnostics().schemaVersion).toBe(2);
      await expect(store.append('case-1', [anEvent()], before.nextExpectedRevision - 1)).rejects.toThrow(
        WrongExpectedRevisionError,
      );
      const after = await store.append('case-1', [anEvent()], before.nextExpectedRevision);
      expect(after.events[0].revision).toBe(2);
      const stream = await store.readStream('case-1');
      expect(stream[2].prevHash).toBe(stream[1].hash);
      expect((await verifyEventStore(store)).ok).toBe(true);
      const check = raw(path);
      expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'streams'").get()).toBeUndefined();
      check.close();
    });

    it('refuses a file written by a newer schema version', async () => {
      const path = tempFile();
      await openStore(path).close();
      const db = raw(path);
      db.pragma('user_version = 99');
      db.close();
      expect(() => new SqliteEventStore(path)).toThrow(StoreUnavailableError);
    });

    it('refuses to update or delete a stored event', async () => {
      const path = tempFile();
      const store = openStore(path);
      await store.append('s', [anEvent()], 'no_stream');
      const db = raw(path);
      expect(() => db.prepare("UPDATE events SET data = '{}'").run()).toThrow(/immutable/);
      expect(() => db.prepare('DELETE FROM events').run()).toThrow(/immutable/);
      db.close();
    });

    it('takes recordedAt from the injected clock', async () => {
      const store = openStore(tempFile(), { clock: () => new Date('2030-01-02T03:04:05.678Z') });
      await store.append('s', [anEvent()], 'no_stream');
      expect((await store.readStream('s'))[0].recordedAt).toBe('2030-01-02T03:04:05.678Z');
    });
  });

  describe('durability', () => {
    it('keeps every acknowledged event across close and reopen', async () => {
      const path = tempFile();
      const store = openStore(path);
      const acknowledged: AppendResult[] = [];
      for (let round = 0; round < 10; round++) {
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => store.append(`stream-${i}`, [anEvent(), anEvent()], 'any')),
        );
        acknowledged.push(...results);
      }
      await store.close();

      const reopened = openStore(path);
      const all = await reopened.readAll({ maxCount: 10_000 });
      expect(all).toHaveLength(400);
      const byId = new Map(all.map((e) => [e.id, e]));
      for (const ref of acknowledged.flatMap((r) => r.events)) {
        expect(byId.get(ref.id)).toMatchObject({ revision: ref.revision, position: ref.position });
      }
      expect((await verifyEventStore(reopened)).ok).toBe(true);
      const next = await reopened.append('stream-0', [anEvent()], 19);
      expect(next.events[0].position).toBe(401);
    });

    it('keeps every acknowledged event when the writing process is killed with SIGKILL', async () => {
      const path = tempFile();
      const acked = await runWriterAndKill(path, 300);
      expect(acked.length).toBeGreaterThanOrEqual(300);

      const store = openStore(path);
      for (const { id, position } of acked) expect((await store.getEvent(id))?.position).toBe(position);
      const report = await verifyEventStore(store);
      expect(report.ok).toBe(true);
      expect(report.eventsChecked).toBeGreaterThanOrEqual(acked.length);
    }, 30_000);
  });

  describe('group commit', () => {
    it('evaluates the appends of one batch in order, each against the ones before it', async () => {
      const store = openStore(tempFile());
      const first = anEvent();
      const [a, b, c, d] = await Promise.allSettled([
        store.append('s', [first], 'no_stream'),
        store.append('s', [anEvent()], 'no_stream'),
        store.append('s', [anEvent()], 0),
        store.append('s', [first], 'no_stream'),
      ]);
      expect(a).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0, replayed: false } });
      expect(b.status).toBe('rejected');
      expect((b as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect((b as PromiseRejectedResult).reason).toMatchObject({ actual: 0 });
      expect(c).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1 } });
      expect(d).toMatchObject({
        status: 'fulfilled',
        value: { ...(a as PromiseFulfilledResult<AppendResult>).value, replayed: true },
      });
      expect(await store.headPosition()).toBe(2);
    });

    it('spreads more appends than maxBatchSize over several transactions', async () => {
      const store = openStore(tempFile(), { maxBatchSize: 3 });
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => store.append(`s-${i}`, [anEvent()], 'no_stream')),
      );
      expect(results.map((r) => r.events[0].position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });

    it('when the transaction fails, rejects every append of the batch and stores none of it', async () => {
      const path = tempFile();
      const store = openStore(path);
      await store.append('before', [anEvent()], 'no_stream');
      const db = raw(path);
      db.exec(`CREATE TRIGGER boom BEFORE INSERT ON events WHEN NEW.type = 'Boom'
               BEGIN SELECT RAISE(ABORT, 'disk said no'); END`);

      const attempts = await Promise.allSettled([
        store.append('a', [anEvent(), anEvent()], 'no_stream'),
        store.append('before', [anEvent()], 0),
        store.append('b', [anEvent({ type: 'Boom' })], 'no_stream'),
        store.append('c', [anEvent()], 'no_stream'),
      ]);
      expect(attempts.map((a) => a.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
      expect(await store.headPosition()).toBe(1);
      for (const stream of ['a', 'b', 'c'])
        await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
      expect(await store.readStream('before')).toHaveLength(1);

      db.exec('DROP TRIGGER boom');
      db.close();
      // The streams table was rolled back too: the same expectations hold again.
      await store.append('a', [anEvent()], 'no_stream');
      await store.append('before', [anEvent()], 0);
      expect((await verifyEventStore(store)).ok).toBe(true);
    });

    it('maps a locked file to StoreUnavailableError for every append of the batch', async () => {
      const path = tempFile();
      const store = openStore(path, { busyTimeoutMs: 50 });
      await store.append('s', [anEvent()], 'no_stream');
      const db = raw(path);
      db.exec('BEGIN IMMEDIATE');
      const attempts = await Promise.allSettled([
        store.append('s', [anEvent()], 0),
        store.append('t', [anEvent()], 'no_stream'),
      ]);
      db.exec('ROLLBACK');
      db.close();
      for (const attempt of attempts) {
        expect(attempt.status).toBe('rejected');
        expect((attempt as PromiseRejectedResult).reason).toBeInstanceOf(StoreUnavailableError);
      }
      expect(await store.headPosition()).toBe(1);
      expect((await store.append('s', [anEvent()], 0)).events[0].position).toBe(2);
    });

    it('stores the event as it was when append was called', async () => {
      const store = openStore(tempFile());
      const event = anEvent({ data: { amount: 1 } });
      const pending = store.append('s', [event], 'no_stream');
      (event.data as { amount: number }).amount = 2;
      event.metadata.orgUnit = 'CHANGED';
      await pending;
      const [stored] = await store.readStream('s');
      expect(stored.data).toEqual({ amount: 1 });
      expect(stored.metadata.orgUnit).toBe('PHUOC-DAI');
      expect(hashEvent(stored)).toBe(stored.hash);
    });

    it('refuses an event that is not plain JSON, naming the field, and appends nothing', async () => {
      const store = openStore(tempFile());
      const error = await store
        .append('s', [anEvent(), anEvent({ data: { amount: NaN } })], 'no_stream')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventStoreArgumentError);
      expect((error as Error).message).toContain('events[1].data.amount');
      await expect(store.append('s', [anEvent({ schemaVersion: 0 })], 'any')).rejects.toBeInstanceOf(
        EventStoreArgumentError,
      );
      await expect(store.append('', [anEvent()], 'any')).rejects.toBeInstanceOf(EventStoreArgumentError);
      const twice = anEvent();
      await expect(store.append('s', [twice, twice], 'any')).rejects.toBeInstanceOf(EventStoreArgumentError);
      expect(await store.headPosition()).toBe(0);
    });
  });

  describe('close', () => {
    it('commits appends still queued, then refuses every call with StoreUnavailableError', async () => {
      const path = tempFile();
      const store = new SqliteEventStore(path);
      const pending = store.append('s', [anEvent()], 'no_stream');
      await store.close();
      await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0 });

      await expect(store.append('s', [anEvent()], 0)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.readStream('s')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.readAll()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.getEvent('x')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.headPosition()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(
        store.subscribe({ fromPosition: 1 })[Symbol.asyncIterator]().next(),
      ).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.close()).resolves.toBeUndefined();

      const reopened = openStore(path);
      expect(await reopened.headPosition()).toBe(1);
    });

    it('ends live subscriptions', async () => {
      const store = new SqliteEventStore(tempFile());
      await store.append('s', [anEvent()], 'no_stream');
      const received: RecordedEvent[] = [];
      const done = (async () => {
        for await (const event of store.subscribe({ fromPosition: 1 })) received.push(event);
      })();
      await withTimeout(
        until(() => received.length === 1),
        2000,
        'catch-up',
      );
      await store.close();
      await withTimeout(done, 2000, 'the subscription to end');
      expect(received).toHaveLength(1);
    });
  });

  describe('two instances on one file (as two processes would be)', () => {
    it('a subscription of one sees the appends of the other by polling, and positions stay contiguous', async () => {
      const path = tempFile();
      const writer = openStore(path);
      const reader = openStore(path, { pollIntervalMs: 50 });
      const controller = new AbortController();
      const received: RecordedEvent[] = [];
      const done = (async () => {
        for await (const event of reader.subscribe({ fromPosition: 1, signal: controller.signal }))
          received.push(event);
      })();

      await writer.append('w', [anEvent(), anEvent()], 'no_stream');
      await withTimeout(
        until(() => received.length === 2),
        3000,
        'the writer’s events',
      );
      await reader.append('r', [anEvent()], 'no_stream');
      await writer.append('w', [anEvent()], 1);
      await withTimeout(
        until(() => received.length === 4),
        3000,
        'all four events',
      );
      controller.abort();
      await done;

      expect(received.map((e) => [e.stream, e.position])).toEqual([
        ['w', 1],
        ['w', 2],
        ['r', 3],
        ['w', 4],
      ]);
      await expect(reader.append('w', [anEvent()], 1)).rejects.toMatchObject({ actual: 2 });
      expect((await verifyEventStore(reader)).ok).toBe(true);
    });
  });

  describe('verify finds tampering', () => {
    /** Three streams interleaved: a@1 b@2 a@3 c@4 a@5 b@6, then the store is closed for the raw edit. */
    async function seeded(): Promise<{ path: string; events: RecordedEvent[] }> {
      const path = tempFile();
      const store = new SqliteEventStore(path);
      await store.append('a', [anEvent()], 'no_stream');
      await store.append('b', [anEvent()], 'no_stream');
      await store.append('a', [anEvent()], 0);
      await store.append('c', [anEvent()], 'no_stream');
      await store.append('a', [anEvent()], 1);
      await store.append('b', [anEvent()], 0);
      const events = await store.readAll();
      await store.close();
      return { path, events };
    }

    function tamper(path: string, edit: string | ((db: Database.Database) => void)): void {
      const db = raw(path);
      db.exec('DROP TRIGGER events_are_never_updated; DROP TRIGGER events_are_never_deleted;');
      if (typeof edit === 'string') db.exec(edit);
      else edit(db);
      db.close();
    }

    const verifyFile = async (path: string) => verifyEventStore(openStore(path));

    it('an edited data field: hash_mismatch at that position', async () => {
      const { path } = await seeded();
      tamper(path, `UPDATE events SET data = json_set(data, '$.value', 1) WHERE position = 3`);
      const report = await verifyFile(path);
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([
        expect.objectContaining({ position: 3, stream: 'a', kind: 'hash_mismatch' }),
      ]);
      expect(report.firstProblem).toMatchObject({ position: 3, kind: 'hash_mismatch' });
    });

    it('an edited event whose hash was recomputed: broken_chain at the next event of its stream', async () => {
      const { path, events } = await seeded();
      const edited = { ...events[2], data: { value: 1 } };
      const forged = hashEvent(edited);
      tamper(path, `UPDATE events SET data = '{"value":1}', hash = '${forged}' WHERE position = 3`);
      const report = await verifyFile(path);
      expect(report.problems).toEqual([
        expect.objectContaining({ position: 5, stream: 'a', kind: 'broken_chain' }),
      ]);
    });

    it('a deleted middle event: position_gap and broken_chain', async () => {
      const { path } = await seeded();
      tamper(path, 'DELETE FROM events WHERE position = 3');
      const report = await verifyFile(path);
      const kinds = report.problems.map((p) => [p.position, p.kind]);
      expect(kinds).toEqual(
        expect.arrayContaining([
          [4, 'position_gap'],
          [5, 'revision_gap'],
          [5, 'broken_chain'],
        ]),
      );
      expect(report.firstProblem).toMatchObject({ position: 4, kind: 'position_gap' });
      expect(report.eventsChecked).toBe(5);
    });

    it('data swapped between two events: hash_mismatch at both', async () => {
      const { path } = await seeded();
      tamper(path, (db) => {
        const dataAt = (position: number) =>
          db.prepare<[number], { data: string }>('SELECT data FROM events WHERE position = ?').get(position)
            ?.data;
        const [two, four] = [dataAt(2), dataAt(4)];
        expect(two).not.toBe(four);
        db.prepare('UPDATE events SET data = ? WHERE position = ?').run(four, 2);
        db.prepare('UPDATE events SET data = ? WHERE position = ?').run(two, 4);
      });
      const report = await verifyFile(path);
      expect(report.problems.map((p) => [p.position, p.kind])).toEqual([
        [2, 'hash_mismatch'],
        [4, 'hash_mismatch'],
      ]);
    });

    it('two events of one stream reordered: revision_gap and broken_chain', async () => {
      const { path } = await seeded();
      tamper(
        path,
        `UPDATE events SET position = -1 WHERE position = 1;
         UPDATE events SET position = 1 WHERE position = 3;
         UPDATE events SET position = 3 WHERE position = -1;`,
      );
      const report = await verifyFile(path);
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ position: 1, kind: 'revision_gap' }),
          expect.objectContaining({ position: 1, kind: 'broken_chain' }),
          expect.objectContaining({ position: 3, kind: 'broken_chain' }),
        ]),
      );
    });
  });
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

/**
 * Runs a writer in another node process (the adapter's TypeScript compiled on the fly), reads the appends it
 * acknowledges on stdout, and kills it with SIGKILL once `count` are acknowledged, mid-write.
 */
async function runWriterAndKill(path: string, count: number): Promise<{ id: string; position: number }[]> {
  const root = join(__dirname, '..', '..');
  const script = join(tempDirs[tempDirs.length - 1], 'writer.js');
  writeFileSync(
    script,
    `
    const fs = require('node:fs');
    const crypto = require('node:crypto');
    const ts = require(${JSON.stringify(require.resolve('typescript'))});
    require.extensions['.ts'] = (module, filename) => {
      const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
        fileName: filename,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      });
      module._compile(outputText, filename);
    };
    // The path aliases of tsconfig.json: @ledger/<lib> is libs/<lib>/src.
    const Module = require('node:module');
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) {
      const lib = request.startsWith('@ledger/') ? request.slice('@ledger/'.length) : null;
      const target = lib ? ${JSON.stringify(join(root, 'libs'))} + '/' + lib + '/src/index.ts' : request;
      return resolve.call(this, target, ...rest);
    };
    const { SqliteEventStore } = require(${JSON.stringify(join(root, 'libs/event-store/src/sqlite/sqlite-event-store.ts'))});
    const store = new SqliteEventStore(process.argv[2]);
    const event = () => ({
      id: crypto.randomUUID(), type: 'Written', schemaVersion: 1, data: { at: Date.now() },
      metadata: { occurredAt: new Date().toISOString(), actor: { officer: 'o', agency: 'a', role: 'r' }, orgUnit: 'u',
        commandId: 'c', correlationId: 'c', causationId: 'c', evidence: [] },
    });
    (async () => {
      for (let round = 0; ; round++) {
        await Promise.all(Array.from({ length: 16 }, (_, i) =>
          store.append('writer-' + i, [event()], 'any').then((r) =>
            process.stdout.write(r.events.map((e) => 'ack ' + e.id + ' ' + e.position + '\\n').join('')))));
      }
    })();
    `,
  );
  const child = spawn(process.execPath, [script, path], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acked: { id: string; position: number }[] = [];
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
          const [, id, position] = line.split(' ');
          acked.push({ id, position: Number(position) });
        }
        if (acked.length >= count) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code) => reject(new Error(`writer exited early (${String(code)}): ${stderr}`)));
    }),
    20_000,
    'the writer',
  );
  await exited;
  return acked;
}
