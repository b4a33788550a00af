// An online backup of the embedded ledger's data directory, safe while the api (another process) writes.
//
// Order matters. The read store (when asked for) and the signed tree heads are copied first, then the
// secrets, then the event store: so every head and projection checkpoint in the backup is covered by its
// events, and a person erased while the backup runs has their PersonalDataErased in the events even where
// their key is still in the secrets (restore deletes such keys).
//
// SQLite files go through SQLite's online backup API (better-sqlite3's db.backup()), from a connection that
// holds one read transaction for the whole copy: in WAL mode that pins a single snapshot, the api keeps
// appending meanwhile (readers never block the writer), and the copy never restarts because of those
// writes. The WAL only grows until the copy ends, then checkpoints as usual. Secret SQLite files are
// serialized in memory (db.serialize()) and sealed, never written anywhere in clear.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PERSONAL_DATA_ERASED } from '@ledger/domain';
import { openSqliteReadStore } from '@ledger/read-store';
import { readLogPublicKey } from '../verifiable-log/log-signing-key';
import { readTreeHeads, type StoredTreeHead } from '../verifiable-log/tree-heads';
import {
  BACKUP_FORMAT,
  fileEntry,
  MANIFEST_FILE,
  SECRETS_FILE,
  TREE_HEADS_FILE,
  type BackupFileEntry,
  type BackupManifest,
} from './backup-manifest';
import { DATA_DIR_STORES, EVENT_STORE_FILE, TRANSIENT_FILE, storeAt } from './data-dir-stores';
import { keyFingerprint, sealSecrets, type SecretFile, type SecretsSealer } from './secrets-box';

export interface BackupProgress {
  /** The file being copied. */
  file: string;
  pagesDone: number;
  pagesTotal: number;
}

export interface TakeBackupOptions {
  dataDir: string;
  outDir: string;
  /** A passphrase, or the public key of whoever will restore (the private key kept offline). */
  sealer: SecretsSealer;
  /** Copy the read store too (else restore rebuilds it from the events). */
  withReadStore: boolean;
  /** The signing key from configuration, when it is not in the data directory. */
  configuredSigningKey?: string;
  onProgress?: (progress: BackupProgress) => void;
  clock?: () => Date;
}

export class BackupRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefusedError';
  }
}

/** Every file under `dir`, as `/`-separated paths relative to it. */
function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, base);
    return [relative(base, path).split(sep).join('/')];
  });
}

function checkDataDir(dataDir: string): void {
  if (!existsSync(join(dataDir, EVENT_STORE_FILE)))
    throw new BackupRefusedError(`${dataDir} holds no ${EVENT_STORE_FILE}: nothing to back up`);
  const unlisted = filesUnder(dataDir).filter((path) => {
    const base = path.replace(TRANSIENT_FILE, '');
    return storeAt(base) === undefined;
  });
  if (unlisted.length > 0)
    throw new BackupRefusedError(
      `${dataDir} holds ${unlisted.join(', ')}, which the list of data-directory stores does not name ` +
        `(libs/ledger/src/backup/data-dir-stores.ts): a backup without it would not be whole. Add its entry there.`,
    );
}

function prepareOutDir(outDir: string): void {
  if (existsSync(outDir)) {
    if (!statSync(outDir).isDirectory()) throw new BackupRefusedError(`${outDir} is not a folder`);
    if (readdirSync(outDir).length > 0)
      throw new BackupRefusedError(`${outDir} is not empty: give a new folder for each backup`);
  }
  mkdirSync(outDir, { recursive: true, mode: 0o700 });
}

function openSource(path: string): Database {
  const db = new BetterSqlite3(path, { fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  return db;
}

/** Copies `source` into `target` from one snapshot; `snapshot` runs inside the same read transaction. */
async function onlineCopy<T>(
  source: string,
  target: string,
  onProgress: ((p: BackupProgress) => void) | undefined,
  snapshot: (db: Database) => T,
): Promise<T> {
  const db = openSource(source);
  let seen: T;
  try {
    db.exec('BEGIN');
    seen = snapshot(db); // the first read starts the snapshot the copy then reads
    const name = target.split(sep).pop()!;
    await db.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.({ file: name, pagesDone: totalPages - remainingPages, pagesTotal: totalPages });
        return 4096;
      },
    });
    db.exec('COMMIT');
  } finally {
    db.close();
  }
  // The copy carries the source's WAL flag; a backup file is better one self-contained file, opened
  // read-only without -wal or -shm beside it. Restore's stores switch it back to WAL on opening.
  const copy = new BetterSqlite3(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  return seen;
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function readSecrets(dataDir: string): SecretFile[] {
  const files: SecretFile[] = [];
  for (const store of DATA_DIR_STORES.filter((s) => s.secret)) {
    const path = join(dataDir, store.path);
    if (!existsSync(path)) continue;
    const mode = statSync(path).mode & 0o777;
    if (store.kind === 'file') {
      files.push({ path: store.path, mode, data: readFileSync(path) });
      continue;
    }
    const db = openSource(path);
    try {
      files.push({ path: store.path, mode, data: db.serialize() });
    } finally {
      db.close();
    }
  }
  return files;
}

async function signedHeads(readStoreFile: string): Promise<StoredTreeHead[]> {
  if (!existsSync(readStoreFile)) return [];
  const store = openSqliteReadStore(readStoreFile);
  try {
    return await readTreeHeads(store);
  } finally {
    await store.close();
  }
}

export async function takeBackup(options: TakeBackupOptions): Promise<BackupManifest> {
  const { dataDir, outDir } = options;
  const clock = options.clock ?? (() => new Date());
  checkDataDir(dataDir);
  prepareOutDir(outDir);
  const entries: BackupFileEntry[] = [];
  const holds = (path: string) => DATA_DIR_STORES.find((s) => s.path === path)!.holds;

  // 1. The signed heads, then the read store (optional): before the events, so the events cover them.
  const readStore = DATA_DIR_STORES.find((s) => s.rebuildable)!;
  const liveReadStore = join(dataDir, readStore.path);
  const heads = await signedHeads(liveReadStore);
  writeFileSync(join(outDir, TREE_HEADS_FILE), JSON.stringify(heads, null, 1) + '\n');
  const withReadStore = options.withReadStore && existsSync(liveReadStore);
  if (withReadStore)
    await onlineCopy(liveReadStore, join(outDir, readStore.path), options.onProgress, (db) =>
      db.prepare('SELECT count(*) FROM sqlite_master').get(),
    );

  // 2. The secrets, sealed.
  const secrets = readSecrets(dataDir);
  writeFileSync(join(outDir, SECRETS_FILE), sealSecrets(secrets, options.sealer), { mode: 0o600 });
  for (const secret of secrets) secret.data.fill(0);

  // 3. The event store, with its head read from the same snapshot.
  const takenAt = clock();
  const head = await onlineCopy(
    join(dataDir, EVENT_STORE_FILE),
    join(outDir, EVENT_STORE_FILE),
    options.onProgress,
    (db) =>
      db.prepare('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1').get() as
        { position: number; hash: string } | undefined,
  );
  const copy = new BetterSqlite3(join(outDir, EVENT_STORE_FILE), { readonly: true });
  let streams: number;
  let erasures: number;
  try {
    streams = (copy.prepare('SELECT count(DISTINCT stream) AS n FROM events').get() as { n: number }).n;
    erasures = (
      copy.prepare('SELECT count(*) AS n FROM events WHERE type = ?').get(PERSONAL_DATA_ERASED) as {
        n: number;
      }
    ).n;
  } finally {
    copy.close();
  }

  // 4. Checksums, then the manifest, written last and renamed into place.
  entries.push(await fileEntry(outDir, EVENT_STORE_FILE, holds(EVENT_STORE_FILE)));
  if (withReadStore) entries.push(await fileEntry(outDir, readStore.path, readStore.holds));
  entries.push(await fileEntry(outDir, TREE_HEADS_FILE, 'every signed tree head, oldest first'));
  entries.push(
    await fileEntry(
      outDir,
      SECRETS_FILE,
      `the secrets, encrypted (${'passphrase' in options.sealer ? 'scrypt' : 'public key'} + AES-256-GCM): keep it apart`,
    ),
  );
  for (const entry of entries) fsyncFile(join(outDir, entry.name));
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    takenAt: takenAt.toISOString(),
    finishedAt: clock().toISOString(),
    sourceDataDir: dataDir,
    eventStore: {
      headPosition: head?.position ?? 0,
      headHash: head?.hash ?? null,
      streams,
      erasures,
    },
    signedTreeHeads: { count: heads.length, latest: heads[heads.length - 1] ?? null },
    logPublicKey: readLogPublicKey(options.configuredSigningKey, dataDir),
    readStoreIncluded: withReadStore,
    secrets: {
      file: SECRETS_FILE,
      paths: secrets.map((s) => s.path),
      ...('passphrase' in options.sealer
        ? { kdf: 'scrypt' as const }
        : { sealedTo: keyFingerprint(options.sealer.recipient) }),
      cipher: 'aes-256-gcm',
    },
    files: entries,
  };
  const temporary = join(outDir, `.${MANIFEST_FILE}.partial`);
  writeFileSync(temporary, JSON.stringify(manifest, null, 2) + '\n');
  fsyncFile(temporary);
  renameSync(temporary, join(outDir, MANIFEST_FILE));
  fsyncFile(outDir);
  chmodSync(outDir, 0o700);
  return manifest;
}
