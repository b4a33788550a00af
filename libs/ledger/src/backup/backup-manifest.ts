// The manifest of a backup folder, written last (so a backup cut short has none), and the offline check of
// a folder against it: every file present with its size and sha256, nothing missing, nothing extra.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredTreeHead } from '../verifiable-log/tree-heads';

export const BACKUP_FORMAT = 'policy-ledger-backup/1';
export const MANIFEST_FILE = 'manifest.json';
export const SECRETS_FILE = 'secrets.enc';
export const TREE_HEADS_FILE = 'signed-tree-heads.json';

export interface BackupFileEntry {
  /** Name inside the backup folder. */
  name: string;
  bytes: number;
  sha256: string;
  /** What it holds. */
  holds: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  /** When the event store's snapshot was taken (UTC). */
  takenAt: string;
  finishedAt: string;
  sourceDataDir: string;
  eventStore: { headPosition: number; headHash: string | null; streams: number; erasures: number };
  signedTreeHeads: { count: number; latest: StoredTreeHead | null };
  /** The tree-head signing key's public half (SPKI PEM), to check the heads offline. */
  logPublicKey: string | null;
  readStoreIncluded: boolean;
  /**
   * Data-directory paths sealed in the secrets file, and how it is sealed: with a passphrase (kdf scrypt) or to
   * the public key whose SHA-256 fingerprint is `sealedTo`.
   */
  secrets: {
    file: typeof SECRETS_FILE;
    paths: string[];
    kdf?: 'scrypt';
    sealedTo?: string;
    cipher: 'aes-256-gcm';
  };
  files: BackupFileEntry[];
}

export class BackupInvalidError extends Error {
  constructor(readonly problems: string[]) {
    super(`not a usable backup:\n  - ${problems.join('\n  - ')}`);
    this.name = 'BackupInvalidError';
  }
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function fileEntry(dir: string, name: string, holds: string): Promise<BackupFileEntry> {
  const path = join(dir, name);
  return { name, bytes: statSync(path).size, sha256: await sha256OfFile(path), holds };
}

/** Reads the manifest and checks every file against it; throws BackupInvalidError naming each problem. */
export async function checkBackupFiles(
  dir: string,
  onFile?: (name: string) => void,
): Promise<BackupManifest> {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new BackupInvalidError([`${dir} is not a folder`]);
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath))
    throw new BackupInvalidError([
      `${MANIFEST_FILE} is missing: the backup was cut short (the manifest is written last) or this is not a backup folder`,
    ]);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BackupManifest;
  } catch (error) {
    throw new BackupInvalidError([`${MANIFEST_FILE} is not JSON: ${(error as Error).message}`]);
  }
  if (manifest.format !== BACKUP_FORMAT || !Array.isArray(manifest.files))
    throw new BackupInvalidError([`${MANIFEST_FILE} is not a manifest of format ${BACKUP_FORMAT}`]);
  const problems: string[] = [];
  for (const entry of manifest.files) {
    onFile?.(entry.name);
    const path = join(dir, entry.name);
    if (entry.name.includes('/') || entry.name.startsWith('.')) {
      problems.push(`${entry.name}: not a plain file name`);
      continue;
    }
    if (!existsSync(path)) {
      problems.push(`${entry.name} is missing`);
      continue;
    }
    const bytes = statSync(path).size;
    if (bytes !== entry.bytes) {
      problems.push(
        `${entry.name} has ${bytes} bytes, the manifest says ${entry.bytes} (cut short or edited)`,
      );
      continue;
    }
    if ((await sha256OfFile(path)) !== entry.sha256)
      problems.push(`${entry.name} does not match its sha256 in the manifest (edited or damaged)`);
  }
  const listed = new Set([MANIFEST_FILE, ...manifest.files.map((f) => f.name)]);
  for (const name of readdirSync(dir))
    if (!listed.has(name)) problems.push(`${name} is in the folder but not in the manifest`);
  for (const required of ['events.db', SECRETS_FILE, TREE_HEADS_FILE])
    if (!manifest.files.some((f) => f.name === required)) problems.push(`the manifest lists no ${required}`);
  if (problems.length > 0) throw new BackupInvalidError(problems);
  return manifest;
}
