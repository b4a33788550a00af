// What the embedded stores (events.db, read.db) share about a better-sqlite3 connection: WAL, a busy
// timeout, the synchronous level each store's durability needs, and append-only schema migrations kept in
// `PRAGMA user_version`. Each store passes its own error type, so no driver detail leaks past it.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface WalSettings {
  busyTimeoutMs: number;
  /** FULL: fsync on every commit (the event log). NORMAL: may lose the last commits on power loss. */
  synchronous: 'FULL' | 'NORMAL';
  /** ':memory:' databases cannot use WAL. */
  inMemory: boolean;
}

export type StoreErrorFactory = (message: string) => Error;

export function configureWal(db: Database, settings: WalSettings, unavailable: StoreErrorFactory): void {
  db.pragma(`busy_timeout = ${Math.trunc(settings.busyTimeoutMs)}`);
  const mode = String(db.pragma('journal_mode = WAL', { simple: true })).toLowerCase();
  if (mode !== 'wal' && !settings.inMemory) {
    throw unavailable(`cannot switch ${db.name} to WAL (journal_mode is ${mode})`);
  }
  db.pragma(`synchronous = ${settings.synchronous}`);
}

/**
 * Brings the schema to migrations.length. A later version appends a migration and never edits an earlier
 * one; a file written by a newer build is refused rather than misread.
 */
export function migrateSchema(
  db: Database,
  migrations: readonly string[],
  label: string,
  unavailable: StoreErrorFactory,
): void {
  const target = migrations.length;
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > target) {
    throw unavailable(`${db.name} has ${label} schema version ${version}; this build knows up to ${target}`);
  }
  if (version === target) return;
  db.transaction(() => {
    // Re-read under the write lock: another process may have migrated meanwhile.
    const current = Number(db.pragma('user_version', { simple: true }));
    for (let next = current; next < target; next++) {
      db.exec(migrations[next]);
      db.pragma(`user_version = ${next + 1}`);
    }
  }).immediate();
}

/**
 * Opens (creating the directory and file when missing) the database at `path` and runs `setup` on it
 * (settings, migrations, prepared statements); a failure closes the file again and rethrows, for the
 * store to map to its own error.
 */
export function openSqliteFile<T>(
  path: string,
  setup: (db: Database, inMemory: boolean) => T,
): { db: Database; prepared: T } {
  const inMemory = path === ':memory:';
  let db: Database | undefined;
  try {
    if (!inMemory) mkdirSync(dirname(resolve(path)), { recursive: true });
    db = new BetterSqlite3(path);
    return { db, prepared: setup(db, inMemory) };
  } catch (error) {
    db?.close();
    throw error;
  }
}
