// Connection settings and schema of the sqlite read store. The schema version lives in `PRAGMA user_version`;
// a later version appends a migration to MIGRATIONS and never edits an earlier one.
import type Database from 'better-sqlite3';
import { ReadStoreUnavailableError } from '../read-store.errors';

const MIGRATIONS: readonly string[] = [
  // 1: AUTOINCREMENT so that a generation id is never reused: a runner still holding a dropped generation's
  // id must get GenerationNotFoundError, never write into a newer generation that happens to get the number.
  `
  CREATE TABLE generations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    projection  TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    state       TEXT    NOT NULL CHECK (state IN ('building', 'active', 'dropped')),
    checkpoint  INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE UNIQUE INDEX one_active_generation_per_projection ON generations (projection) WHERE state = 'active';

  -- Which projection writes a collection: readers of a collection see that projection's active generation.
  CREATE TABLE collections (
    name        TEXT PRIMARY KEY,
    projection  TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;

  -- A rowid table (documents can be large); expression indexes made by ensureIndexes are partial indexes
  -- on one collection: (generation, json_extract(doc, field)..., id) WHERE collection = '<name>'.
  CREATE TABLE documents (
    generation  INTEGER NOT NULL,
    collection  TEXT    NOT NULL,
    id          TEXT    NOT NULL,
    doc         TEXT    NOT NULL,
    UNIQUE (generation, collection, id)
  ) STRICT;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export interface ConnectionSettings {
  busyTimeoutMs: number;
}

/**
 * WAL, so readers in other processes (the API while the projector writes) are never blocked by a commit.
 * synchronous=NORMAL, not FULL: a power cut may lose the last commits, but each commit is atomic and carries
 * its checkpoint, so the store stays consistent and the runner re-applies the lost events from the event
 * log, which alone must be durable. Everything here can be rebuilt from the events.
 */
export function configureConnection(
  db: Database.Database,
  settings: ConnectionSettings,
  inMemory: boolean,
): void {
  db.pragma(`busy_timeout = ${Math.trunc(settings.busyTimeoutMs)}`);
  const mode = String(db.pragma('journal_mode = WAL', { simple: true })).toLowerCase();
  if (mode !== 'wal' && !inMemory) {
    throw new ReadStoreUnavailableError(`cannot switch ${db.name} to WAL (journal_mode is ${mode})`);
  }
  db.pragma('synchronous = NORMAL');
}

export function migrate(db: Database.Database): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > SCHEMA_VERSION) {
    throw new ReadStoreUnavailableError(
      `${db.name} has read store schema version ${version}; this build knows up to ${SCHEMA_VERSION}`,
    );
  }
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    // Re-read under the write lock: another process may have migrated meanwhile.
    const current = Number(db.pragma('user_version', { simple: true }));
    for (let next = current; next < SCHEMA_VERSION; next++) {
      db.exec(MIGRATIONS[next]);
      db.pragma(`user_version = ${next + 1}`);
    }
  }).immediate();
}
