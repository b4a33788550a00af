// Backup and restore: the plan seeded by the real API (which signs a tree head), synthetic recorded actions
// appended up to each size, then the built CLI as an operator runs it, each command in its own process and
// timed from start to exit: `backup --out` (online backup of the event store, secrets sealed), `backup
// --verify` (offline check of every event and signed head), a backup with the read store, and `restore` of
// each: with the read store the projections catch up from their checkpoints, without it every projection is
// rebuilt from position 0; both run verify. The backup's limit is a plain copy of the same events.db file.
import { spawnSync } from 'node:child_process';
import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { inTempDir, progress, startServer } from './bench-support';
import type { Row } from './report';
import { ledgerEnv, ledgerMain } from './scenario-http';
import { fillTo } from './workload';

export interface BackupSettings {
  sizes: number[];
}

const cliMain = (): string => join(__dirname, '..', 'apps', 'ledger-cli', 'src', 'main.js');
const PASSPHRASE = 'bench passphrase, not for production';

const label = (n: number): string =>
  n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : `${n}`;

/** Runs the CLI on `dataDir`; seconds from start to exit (it must exit 0). */
function timedCli(dataDir: string, args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [cliMain(), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...ledgerEnv(dataDir), LEDGER_BACKUP_PASSPHRASE: PASSPHRASE },
    maxBuffer: 64 * 1024 * 1024,
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0)
    throw new Error(
      `cli ${args.join(' ')} exited ${result.status}:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`,
    );
  return elapsed;
}

export async function backupScenario(settings: BackupSettings): Promise<Row[]> {
  return inTempDir('bench-backup-', async (root) => {
    const dataDir = join(root, 'data');
    progress('backup: seeding the plan through the API');
    const server = await startServer(ledgerMain(), [], ledgerEnv(dataDir));
    await server.stop();
    const rows: Row[] = [];
    for (const size of settings.sizes) {
      const store = new SqliteEventStore(join(dataDir, 'events.db'));
      let head: number;
      try {
        head = await fillTo(store, size, `appending to ${label(size)}`);
      } finally {
        await store.close();
      }
      const eventsBytes = statSync(join(dataDir, 'events.db')).size;
      const copyStarted = process.hrtime.bigint();
      copyFileSync(join(dataDir, 'events.db'), join(root, `copy-${size}.db`));
      const copySeconds = Number(process.hrtime.bigint() - copyStarted) / 1e9;

      // The API's projections follow the log; bring the read store to the head as they would have.
      progress(`${label(size)} events (head ${head}): rebuild, so that the read store is at the head`);
      const rebuild = timedCli(dataDir, ['rebuild']);
      const backupDir = join(root, `backup-${size}`);
      progress(`${label(size)} events (head ${head}): backup`);
      const backup = timedCli(dataDir, ['backup', '--out', backupDir]);
      progress(`backup ${backup.toFixed(1)} s; backup --verify`);
      const check = timedCli(dataDir, ['backup', '--verify', backupDir]);
      progress(`backup --verify ${check.toFixed(1)} s; backup --with-read-store`);
      const withReadDir = join(root, `backup-read-${size}`);
      const backupWithRead = timedCli(dataDir, ['backup', '--out', withReadDir, '--with-read-store']);
      progress(`backup --with-read-store ${backupWithRead.toFixed(1)} s; restore from it (catch-up)`);
      const restoreCaughtUp = timedCli(join(root, `restored-read-${size}`), [
        'restore',
        '--from',
        withReadDir,
      ]);
      progress(`restore (catch-up) ${restoreCaughtUp.toFixed(1)} s; restore with a rebuild`);
      const restore = timedCli(join(root, `restored-${size}`), ['restore', '--from', backupDir]);
      progress(`restore (rebuild) ${restore.toFixed(1)} s`);
      const mib = (eventsBytes / 2 ** 20).toFixed(0);
      rows.push(
        {
          scenario: 'backup',
          case: `backup --out (online, secrets sealed), ${label(size)} events, events.db ${mib} MiB`,
          unit: 's',
          value: backup,
          limit: { name: 'plain copy of events.db', value: copySeconds },
          ratio: copySeconds / backup,
          notes: ['wall time of the CLI process, node start-up included'],
        },
        {
          scenario: 'backup',
          case: `backup --verify (offline: files, events, signed heads), ${label(size)} events`,
          unit: 's',
          value: check,
        },
        {
          scenario: 'backup',
          case: `backup --out --with-read-store, ${label(size)} events`,
          unit: 's',
          value: backupWithRead,
        },
        {
          scenario: 'backup',
          case: `restore of a backup with the read store (checks, projections caught up, verify), ${label(size)} events`,
          unit: 's',
          value: restoreCaughtUp,
        },
        {
          scenario: 'backup',
          case: `restore of a backup without it (checks, every projection rebuilt, verify), ${label(size)} events`,
          unit: 's',
          value: restore,
          limit: { name: '`cli rebuild` of the same data directory', value: rebuild },
          ratio: rebuild / restore,
          notes: ['dominated by the rebuild of the projections'],
        },
      );
    }
    return rows;
  });
}
