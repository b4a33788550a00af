// The file side of a restore: the target must be empty, everything is written into a staging folder beside
// it (so a failed restore leaves nothing half restored in the data directory), then the staging folder takes
// the data directory's place in one rename.
import BetterSqlite3 from 'better-sqlite3';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PERSONAL_DATA_ERASED } from '@ledger/domain';
import type { ReadStoreWriter } from '@ledger/read-store';
import { SqlitePersonalKeyStore } from '../personal-data/sqlite-personal-key-store';
import {
  SIGNED_TREE_HEADS,
  SIGNED_TREE_HEADS_PROJECTION,
  type StoredTreeHead,
} from '../verifiable-log/tree-heads';
import { TREE_HEADS_FILE, type BackupManifest } from './backup-manifest';
import { DATA_DIR_STORES, EVENT_STORE_FILE, storeAt } from './data-dir-stores';
import type { SecretFile } from './secrets-box';

export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

/** Refuses a data directory that exists and holds anything. */
export function checkRestoreTarget(dataDir: string): void {
  if (!existsSync(dataDir)) return;
  if (!statSync(dataDir).isDirectory()) throw new RestoreRefusedError(`${dataDir} is not a folder`);
  const present = readdirSync(dataDir);
  if (present.length > 0)
    throw new RestoreRefusedError(
      `${dataDir} is not empty (${present.slice(0, 5).join(', ')}${present.length > 5 ? ', ...' : ''}): ` +
        'restore only into an empty or new data directory, never over a ledger',
    );
}

export function stagingDirFor(dataDir: string): string {
  return join(dirname(dataDir), `.${basename(dataDir)}.restoring-${process.pid}`);
}

/** Copies the backup's files and writes the secrets into a new staging folder. */
export function stageFiles(
  backupDir: string,
  manifest: BackupManifest,
  secrets: SecretFile[],
  staging: string,
): void {
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  copyFileSync(join(backupDir, EVENT_STORE_FILE), join(staging, EVENT_STORE_FILE));
  const readStore = DATA_DIR_STORES.find((s) => s.rebuildable)!;
  if (manifest.readStoreIncluded)
    copyFileSync(join(backupDir, readStore.path), join(staging, readStore.path));
  for (const secret of secrets) {
    if (!storeAt(secret.path)?.secret)
      throw new RestoreRefusedError(
        `the secrets file holds ${secret.path}, which is no secret store of the ledger`,
      );
    const path = join(staging, secret.path);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, secret.data, { mode: 0o600 });
    chmodSync(path, 0o600);
  }
}

/** The staged event store's head must be the manifest's. */
export function checkStagedHead(staging: string, manifest: BackupManifest): void {
  const db = new BetterSqlite3(join(staging, EVENT_STORE_FILE), { readonly: true });
  try {
    const head = db.prepare('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1').get() as
      { position: number; hash: string } | undefined;
    if (
      (head?.position ?? 0) !== manifest.eventStore.headPosition ||
      (head?.hash ?? null) !== manifest.eventStore.headHash
    )
      throw new RestoreRefusedError(
        `the event store's head is ${head?.position ?? 0} (${head?.hash ?? 'none'}), the manifest says ` +
          `${manifest.eventStore.headPosition} (${manifest.eventStore.headHash ?? 'none'})`,
      );
  } finally {
    db.close();
  }
}

/** Persons whose erasure is on the record of the staged event store. */
export function erasedOnRecord(staging: string): Set<string> {
  const db = new BetterSqlite3(join(staging, EVENT_STORE_FILE), { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT json_extract(data, '$.personRef') AS ref FROM events WHERE type = ?`)
      .all(PERSONAL_DATA_ERASED) as Array<{ ref: string | null }>;
    return new Set(rows.map((r) => r.ref).filter((ref): ref is string => typeof ref === 'string'));
  } finally {
    db.close();
  }
}

/** Deletes the staged personal-data key of each person; returns how many keys were there to delete. */
export async function deleteKeys(
  staging: string,
  personalKeysPath: string,
  refs: Iterable<string>,
): Promise<number> {
  const file = join(staging, personalKeysPath);
  if (!existsSync(file)) return 0;
  const keys = new SqlitePersonalKeyStore(file);
  try {
    let deleted = 0;
    for (const ref of refs) if (await keys.erase(ref)) deleted += 1;
    return deleted;
  } finally {
    await keys.close();
  }
}

export function readBackupTreeHeads(backupDir: string): StoredTreeHead[] {
  return JSON.parse(readFileSync(join(backupDir, TREE_HEADS_FILE), 'utf8')) as StoredTreeHead[];
}

/** Puts the backup's signed heads into a fresh read store (they are no projection: nothing rebuilds them). */
export async function importTreeHeads(
  writer: ReadStoreWriter,
  heads: readonly StoredTreeHead[],
): Promise<void> {
  if (heads.length === 0 || (await writer.activeGeneration(SIGNED_TREE_HEADS_PROJECTION))) return;
  const generation = await writer.beginRebuild(SIGNED_TREE_HEADS_PROJECTION, 1);
  await writer.ensureIndexes(SIGNED_TREE_HEADS, [['sequence']]);
  await writer.commit({
    projection: SIGNED_TREE_HEADS_PROJECTION,
    generation,
    expectedCheckpoint: 0,
    checkpoint: heads.length,
    writes: heads.map((head) => ({
      collection: SIGNED_TREE_HEADS,
      id: String(head.sequence).padStart(12, '0'),
      doc: head,
    })),
  });
  await writer.switchOver(SIGNED_TREE_HEADS_PROJECTION, generation);
}

/** The staging folder takes the data directory's place (an empty data directory is removed first). */
export function moveIntoPlace(staging: string, dataDir: string): void {
  checkRestoreTarget(dataDir);
  if (existsSync(dataDir)) rmdirSync(dataDir);
  renameSync(staging, dataDir);
}
