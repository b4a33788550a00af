// The disaster drill: the built API runs as a child process under a write load from several clients; a
// backup is taken while it writes; the load goes on; a person is erased; the API is killed with SIGKILL and
// its data directory is lost; the backup is restored. Then: every event acknowledged at a position up to the
// backup's head is there exactly once (and nothing is there twice), every person erased (before or after the
// backup) stays erased, verify passes, and the projections of the restarted API equal a rebuild from zero.
// Before that, the restores that must be refused: a backup cut short, a file of it edited, a wrong
// passphrase; each says why and leaves nothing behind.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildApps, root, runCli } from '../cli/support/built-cli';
import { admin, inspector, officer } from '../e2e/support/tokens';
import { activeDocuments, kill, storedIdCounts, startApi } from './support/child-ledger';

const PASSPHRASE = 'drill passphrase: núi Tà Năng';
const REASON = 'Đơn yêu cầu xoá dữ liệu cá nhân, hồ sơ số 21/BVDL';
const CLIENTS = 3;
const json = { 'Content-Type': 'application/json' };

interface Load {
  /** Acknowledged event id -> its position. */
  acked: Map<string, number>;
  attempted: Set<string>;
  citizen: number;
}

/** One client registering housing cases until told to stop or its server dies. */
async function client(url: string, load: Load, stop: { now: boolean }): Promise<void> {
  while (!stop.now) {
    const id = randomUUID();
    load.attempted.add(id);
    let res: Response;
    try {
      res = await fetch(`${url}/housing-cases`, {
        method: 'POST',
        headers: { ...json, ...officer() },
        body: JSON.stringify({
          id,
          householdHeadCitizenId: String(++load.citizen).padStart(12, '0'),
          commune: 'KH-BAC-AI-DONG',
          category: 'poor',
          occurredAt: '2026-03-02T09:00:00+07:00',
        }),
      });
    } catch {
      return; // killed mid-request: unacknowledged
    }
    if (res.status !== 201) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { eventIds: string[]; positions: number[] };
    body.eventIds.forEach((eventId, i) => load.acked.set(eventId, body.positions[i]));
  }
}

/** A person with a name and phone (so a personal-data key): their registration event and reference. */
async function registerPerson(url: string, citizenId: string): Promise<{ ref: string; eventId: string }> {
  const res = await fetch(`${url}/housing-cases`, {
    method: 'POST',
    headers: { ...json, ...officer() },
    body: JSON.stringify({
      householdHeadCitizenId: citizenId,
      householdHeadName: 'Pi Năng Thị Hoa',
      contactPhone: '0912345678',
      commune: 'KH-BAC-AI-DONG',
      category: 'poor',
      occurredAt: '2026-03-02T09:00:00+07:00',
    }),
  });
  expect(res.status).toBe(201);
  const eventId = ((await res.json()) as { eventIds: string[] }).eventIds[0];
  const event = await fetch(`${url}/events/${eventId}`, { headers: inspector() });
  return { ref: ((await event.json()) as { data: { householdRef: string } }).data.householdRef, eventId };
}

async function erase(url: string, ref: string): Promise<void> {
  const res = await fetch(`${url}/beneficiaries/${ref}/personal-data`, {
    method: 'DELETE',
    headers: { ...json, ...admin() },
    body: JSON.stringify({ reason: REASON }),
  });
  expect(res.status).toBe(200);
}

/** The built CLI without blocking this process's event loop (the load keeps running meanwhile). */
function cliAsync(build: string, dataDir: string, args: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [join(build, 'apps/ledger-cli/src/main.js'), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', LEDGER_DATA_DIR: dataDir, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function personalKeyCount(dataDir: string, refs: string[]): number {
  const db = new Database(join(dataDir, 'secrets/personal-keys.db'), { readonly: true });
  try {
    return refs.filter((ref) => db.prepare('SELECT 1 FROM personal_keys WHERE person = ?').get(ref)).length;
  } finally {
    db.close();
  }
}

function idsByPosition(dataDir: string): Map<number, string> {
  const db = new Database(join(dataDir, 'events.db'), { readonly: true });
  try {
    const rows = db.prepare('SELECT position, id FROM events').all() as Array<{
      position: number;
      id: string;
    }>;
    return new Map(rows.map((r) => [r.position, r.id]));
  } finally {
    db.close();
  }
}

function eventTypes(dataDir: string): Map<string, string> {
  const db = new Database(join(dataDir, 'events.db'), { readonly: true });
  try {
    const rows = db.prepare('SELECT id, type FROM events ORDER BY position').all() as Array<{
      id: string;
      type: string;
    }>;
    return new Map(rows.map((r) => [r.id, r.type]));
  } finally {
    db.close();
  }
}

describe('backup drill: backup under load, erasure, kill -9, lost disk, restore', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ledger-backup-drill-'));
  const build = join(scratch, 'build');
  const dataDir = join(scratch, 'data');
  const backupDir = join(scratch, 'backup');
  const erasureLog = join(scratch, 'erasure-log.jsonl');
  const passphraseFile = join(scratch, 'passphrase');
  const env = {
    LEDGER_ERASURE_LOG: erasureLog,
    LEDGER_TOKEN_SECRET: 'test-token-secret-of-at-least-32-bytes!!',
  };

  beforeAll(() => {
    buildApps(build);
    writeFileSync(passphraseFile, PASSPHRASE + '\n', { mode: 0o600 });
  }, 120_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** A restore that must be refused: exit 1, the reason in its message, no data directory, no staging left. */
  async function expectRefused(from: string, message: RegExp, passphrase = passphraseFile): Promise<void> {
    const target = join(scratch, `refused-${randomUUID()}`);
    const result = await cliAsync(
      build,
      target,
      ['restore', '--from', from, '--passphrase-file', passphrase],
      env,
    );
    expect(result.stderr).toMatch(message);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('nothing was restored');
    expect(existsSync(target)).toBe(false);
  }

  it('restores every acknowledged event once, keeps the erased erased, verifies and equals a rebuild', async () => {
    const load: Load = { acked: new Map(), attempted: new Set(), citizen: 58_600_000_000 };
    const api = await startApi(build, dataDir, env);
    const stop = { now: false };
    let clients: Promise<void>[] = [];
    let erasedBefore: { ref: string; eventId: string };
    let erasedAfter: { ref: string; eventId: string };
    try {
      erasedBefore = await registerPerson(api.url, '058200000091');
      erasedAfter = await registerPerson(api.url, '058200000092');
      await erase(api.url, erasedBefore.ref);
      clients = Array.from({ length: CLIENTS }, () => client(api.url, load, stop));
      await pause(400);
      expect(
        (
          await fetch(`${api.url}/ledger/heads`, {
            method: 'POST',
            headers: { ...json, ...admin() },
            body: '{}',
          })
        ).status,
      ).toBe(201);
      await pause(200);

      const backup = await cliAsync(
        build,
        dataDir,
        ['backup', '--out', backupDir, '--passphrase-file', passphraseFile],
        env,
      );
      expect({ status: backup.status, stderr: backup.stderr }).toEqual({ status: 0, stderr: '' });
      await pause(300);
      await erase(api.url, erasedAfter.ref);
      await pause(300);
    } finally {
      await kill(api); // SIGKILL, under load
      stop.now = true;
      await Promise.all(clients);
    }
    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8')) as {
      eventStore: { headPosition: number };
      signedTreeHeads: { count: number };
    };
    const head = manifest.eventStore.headPosition;
    const ackedInBackup = [...load.acked].filter(([, position]) => position <= head);
    expect(ackedInBackup.length).toBeGreaterThan(20);
    expect([...load.acked.values()].some((position) => position > head)).toBe(true); // the load went on
    expect(manifest.signedTreeHeads.count).toBeGreaterThan(0);

    // The refusals, each into a new directory that must stay absent, and the offline check of the backup.
    const copyOf = (name: string) => {
      const dir = join(scratch, name);
      cpSync(backupDir, dir, { recursive: true });
      return dir;
    };
    const cutShort = copyOf('cut-short');
    rmSync(join(cutShort, 'manifest.json'));
    const truncated = copyOf('truncated');
    truncateSync(join(truncated, 'events.db'), 8192);
    const edited = copyOf('edited');
    const bytes = readFileSync(join(edited, 'events.db'));
    bytes[bytes.length - 100] ^= 0xff;
    writeFileSync(join(edited, 'events.db'), bytes);
    const wrong = join(scratch, 'wrong-passphrase');
    writeFileSync(wrong, 'not the drill passphrase\n');
    const [offline] = await Promise.all([
      cliAsync(build, dataDir, ['backup', '--verify', backupDir, '--passphrase-file', passphraseFile], env),
      expectRefused(cutShort, /manifest\.json is missing: the backup was cut short/),
      expectRefused(truncated, /events\.db has 8192 bytes, the manifest says \d+ \(cut short or edited\)/),
      expectRefused(edited, /events\.db does not match its sha256 in the manifest/),
      expectRefused(backupDir, /wrong passphrase: secrets\.enc is intact/, wrong),
    ]);
    expect({ status: offline.status, ok: offline.stdout.includes('backup --verify: OK') }).toEqual({
      status: 0,
      ok: true,
    });
    expect(readdirSync(scratch).filter((name) => name.includes('.restoring-'))).toEqual([]);

    // The disk is lost; the backup comes back.
    rmSync(dataDir, { recursive: true, force: true });
    const restore = runCli(
      build,
      dataDir,
      ['restore', '--from', backupDir, '--passphrase-file', passphraseFile],
      env,
    );
    expect({ status: restore.status, stderr: restore.stderr }).toEqual({ status: 0, stderr: '' });
    expect(restore.stdout).toContain(`event store head ${head}`);
    expect(restore.stdout).toMatch(
      /erasure log .*: 2 entries, 1 erasures made after the backup erased again/,
    );
    expect(restore.stdout).toContain('verify: OK: every hash, chain link, revision and position checks out');

    const counts = storedIdCounts(dataDir);
    const byPosition = idsByPosition(dataDir);
    for (const [id, position] of ackedInBackup) {
      expect({ id, stored: counts.get(id) ?? 0, at: byPosition.get(position) }).toEqual({
        id,
        stored: 1,
        at: id,
      });
    }
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    // Nothing invented: every other event is one of the two persons' registrations or an erasure.
    const unsent = [...eventTypes(dataDir)].filter(
      ([id]) => !load.attempted.has(id) && id !== erasedBefore!.eventId && id !== erasedAfter!.eventId,
    );
    expect(unsent.map(([, type]) => type)).toEqual(['PersonalDataErased', 'PersonalDataErased']);
    expect(personalKeyCount(dataDir, [erasedBefore!.ref, erasedAfter!.ref])).toBe(0);

    const verify = runCli(build, dataDir, ['verify'], env);
    expect({ status: verify.status, stderr: verify.stderr }).toEqual({ status: 0, stderr: '' });

    // The restored ledger runs: the erased read as erased, and its projections equal a rebuild from zero.
    const restarted = await startApi(build, dataDir, env);
    try {
      for (const person of [erasedBefore!, erasedAfter!]) {
        const event = await fetch(`${restarted.url}/events/${person.eventId}`, { headers: inspector() });
        expect(((await event.json()) as { data: { personal: unknown } }).data.personal).toEqual({
          erased: true,
          person: person.ref,
        });
      }
    } finally {
      await kill(restarted, 'SIGTERM');
    }
    const resumed = activeDocuments(dataDir);
    expect(resumed.length).toBeGreaterThan(0);
    const rebuild = runCli(build, dataDir, ['rebuild'], env);
    expect({ status: rebuild.status, stderr: rebuild.stderr }).toEqual({ status: 0, stderr: '' });
    expect(activeDocuments(dataDir)).toEqual(resumed);
    console.log(
      `backup drill: head ${head}, ${ackedInBackup.length} acknowledged events in the backup of ${load.acked.size}, restored once each`,
    );
  }, 120_000);

  it('seals the secrets to a public key: only its private key opens them, a passphrase is told which key', async () => {
    const sealedData = join(scratch, 'sealed-data');
    const keys = join(scratch, 'keys');
    const sealedBackup = join(scratch, 'sealed-backup');
    const seed = runCli(build, sealedData, ['seed'], env);
    expect({ status: seed.status, stderr: seed.stderr }).toEqual({ status: 0, stderr: '' });

    const made = runCli(build, sealedData, ['backup-key', '--out', keys], env);
    expect(made.status).toBe(0);
    const fingerprint = made.stdout.trim();
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(runCli(build, sealedData, ['backup-key', '--out', keys], env).stderr).toMatch(
      /is never overwritten/,
    );
    const privateKey = join(keys, 'backup-key.pem');
    const publicKey = join(keys, 'backup-key.pub.pem');
    expect(
      runCli(build, sealedData, ['backup', '--out', sealedBackup, '--recipient', privateKey], env).stderr,
    ).toMatch(/holds a private key: give the public key/);

    const backup = runCli(
      build,
      sealedData,
      ['backup', '--out', sealedBackup, '--recipient', publicKey],
      env,
    );
    expect({ status: backup.status, stderr: backup.stderr }).toEqual({ status: 0, stderr: '' });
    expect(backup.stdout).toContain(`secrets sealed to the public key ${fingerprint}`);
    const manifest = JSON.parse(readFileSync(join(sealedBackup, 'manifest.json'), 'utf8')) as {
      secrets: { sealedTo?: string; kdf?: string };
    };
    expect(manifest.secrets).toMatchObject({ sealedTo: fingerprint });
    expect(manifest.secrets.kdf).toBeUndefined();

    const check = runCli(
      build,
      sealedData,
      ['backup', '--verify', sealedBackup, '--identity', privateKey],
      env,
    );
    expect({ status: check.status, ok: check.stdout.includes('secrets.enc opens') }).toEqual({
      status: 0,
      ok: true,
    });
    await expectRefused(
      sealedBackup,
      new RegExp(`sealed to the public key ${fingerprint}: give its private key`),
    );

    const target = join(scratch, 'sealed-restored');
    const restore = runCli(build, target, ['restore', '--from', sealedBackup, '--identity', privateKey], {
      LEDGER_TOKEN_SECRET: env.LEDGER_TOKEN_SECRET,
    });
    expect({ status: restore.status, stderr: restore.stderr }).toEqual({ status: 0, stderr: '' });
    expect(restore.stdout).toContain('verify: OK');
  }, 120_000);
});
