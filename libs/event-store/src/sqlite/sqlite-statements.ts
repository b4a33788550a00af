// Prepared statements of the sqlite event store and the mapping of a stored row back to a RecordedEvent.
import type Database from 'better-sqlite3';
import type { EventMetadata, RecordedEvent } from '@ledger/domain';

export interface EventRow {
  position: number;
  id: string;
  stream: string;
  revision: number;
  type: string;
  schema_version: number;
  recorded_at: string;
  metadata: string;
  data: string;
  prev_hash: string | null;
  hash: string;
  payload_digest: string;
}

export type StoredIdentity = Pick<EventRow, 'stream' | 'revision' | 'position' | 'payload_digest'>;

export interface StreamRow {
  last_revision: number;
  last_hash: string;
}

const EVENT_COLUMNS =
  'position, id, stream, revision, type, schema_version, recorded_at, metadata, data, prev_hash, hash, payload_digest';

export function prepareStatements(db: Database.Database) {
  return {
    head: db.prepare<[], { head: number }>('SELECT COALESCE(MAX(position), 0) AS head FROM events'),
    streamState: db.prepare<[string], StreamRow>(
      'SELECT revision AS last_revision, hash AS last_hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
    ),
    identityById: db.prepare<[string], StoredIdentity>(
      'SELECT stream, revision, position, payload_digest FROM events WHERE id = ?',
    ),
    insertEvent: db.prepare<[EventRow], void>(
      `INSERT INTO events (${EVENT_COLUMNS}) VALUES (@position, @id, @stream, @revision, @type, @schema_version,
        @recorded_at, @metadata, @data, @prev_hash, @hash, @payload_digest)`,
    ),
    byStream: db.prepare<[string], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? ORDER BY revision`,
    ),
    fromPosition: db.prepare<[number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ?`,
    ),
    byId: db.prepare<[string], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = ?`),
    // Positions as one JSON array: one statement for any number of them, each found through the key.
    byPositions: db.prepare<[string], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position IN (SELECT value FROM json_each(?))`,
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    schemaVersion: row.schema_version,
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    recordedAt: row.recorded_at,
    metadata: JSON.parse(row.metadata) as EventMetadata,
    data: JSON.parse(row.data) as unknown,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
