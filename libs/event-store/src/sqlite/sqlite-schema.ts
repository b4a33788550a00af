// Connection settings and schema of the sqlite event store. The schema version lives in `PRAGMA user_version`;
// a later version appends a migration to MIGRATIONS and never edits an earlier one.
import type Database from 'better-sqlite3';
import { StoreUnavailableError } from '../event-store.errors';

const MIGRATIONS: readonly string[] = [
  // 1: events are immutable; positions are assigned max+1 by the writer so they are contiguous from 1.
  `
  CREATE TABLE events (
    position        INTEGER PRIMARY KEY,
    id              TEXT    NOT NULL UNIQUE,
    stream          TEXT    NOT NULL,
    revision        INTEGER NOT NULL,
    type            TEXT    NOT NULL,
    schema_version  INTEGER NOT NULL,
    recorded_at     TEXT    NOT NULL,
    metadata        TEXT    NOT NULL,
    data            TEXT    NOT NULL,
    prev_hash       TEXT,
    hash            TEXT    NOT NULL,
    payload_digest  TEXT    NOT NULL,
    UNIQUE (stream, revision)
  ) STRICT;

  CREATE TABLE streams (
    stream          TEXT    PRIMARY KEY,
    last_revision   INTEGER NOT NULL,
    last_hash       TEXT    NOT NULL
  ) STRICT, WITHOUT ROWID;

  -- Guards against our own bugs and casual edits, not against someone with the file: verify() is for that.
  CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
  CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export interface ConnectionSettings {
  busyTimeoutMs: number;
}

/** WAL, and fsync of the WAL on every commit: an append is acknowledged only once it is on disk. */
export function configureConnection(
  db: Database.Database,
  settings: ConnectionSettings,
  inMemory: boolean,
): void {
  db.pragma(`busy_timeout = ${Math.trunc(settings.busyTimeoutMs)}`);
  const mode = String(db.pragma('journal_mode = WAL', { simple: true })).toLowerCase();
  if (mode !== 'wal' && !inMemory) {
    throw new StoreUnavailableError(`cannot switch ${db.name} to WAL (journal_mode is ${mode})`);
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

export function migrate(db: Database.Database): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > SCHEMA_VERSION) {
    throw new StoreUnavailableError(
      `${db.name} has event store schema version ${version}; this build knows up to ${SCHEMA_VERSION}`,
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
