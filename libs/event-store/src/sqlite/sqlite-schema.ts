// Connection settings and schema of the sqlite event store. The schema version lives in `PRAGMA user_version`;
// a later version appends a migration to MIGRATIONS and never edits an earlier one.
import type Database from 'better-sqlite3';
import { configureWal, migrateSchema } from '@ledger/store-support';
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
  // 2: a stream's last revision and hash are read from its newest event through the (stream, revision) index.
  // The streams table held the same and cost an upsert into one more b-tree per append: without it, appends
  // from 64 writers go 1.3 to 1.5 times as fast (docs/benchmarks.md, "Append").
  `
  DROP TABLE streams;
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
  configureWal(db, { busyTimeoutMs: settings.busyTimeoutMs, synchronous: 'FULL', inMemory }, unavailable);
  db.pragma('foreign_keys = ON');
}

export function migrate(db: Database.Database): void {
  migrateSchema(db, MIGRATIONS, 'event store', unavailable);
}

function unavailable(message: string): Error {
  return new StoreUnavailableError(message);
}
