// Prepared statements of the sqlite read store that do not depend on a query's shape.
import type Database from 'better-sqlite3';

export type GenerationState = 'building' | 'active' | 'dropped';

export interface GenerationRow {
  id: number;
  projection: string;
  version: number;
  state: GenerationState;
  checkpoint: number;
}

const GENERATION_COLUMNS = 'id, projection, version, state, checkpoint';

/**
 * The statements of a bulk load, by name: prepared on the store's connection and on the bulk writer's
 * (sqlite-bulk-writer.ts), so that both write a chunk of a rebuild with the same SQL.
 */
export const BULK_LOAD_SQL = {
  generation: `SELECT ${GENERATION_COLUMNS} FROM generations WHERE id = ?`,
  claimCollection: 'INSERT INTO collections (name, projection) VALUES (?, ?) ON CONFLICT (name) DO NOTHING',
  collectionOwner: 'SELECT projection FROM collections WHERE name = ?',
  upsert: `INSERT INTO documents (generation, collection, id, doc) VALUES (?, ?, ?, ?)
       ON CONFLICT (generation, collection, id) DO UPDATE SET doc = excluded.doc`,
  remove: 'DELETE FROM documents WHERE generation = ? AND collection = ? AND id = ?',
  setCheckpoint: 'UPDATE generations SET checkpoint = ? WHERE id = ?',
} as const;

export function prepareStatements(db: Database.Database) {
  return {
    getActive: db.prepare<[string, string], { doc: string }>(
      `SELECT d.doc FROM collections c
         JOIN generations g ON g.projection = c.projection AND g.state = 'active'
         JOIN documents d ON d.generation = g.id AND d.collection = c.name
       WHERE c.name = ? AND d.id = ?`,
    ),
    getInGeneration: db.prepare<[number, string, string], { doc: string }>(
      'SELECT doc FROM documents WHERE generation = ? AND collection = ? AND id = ?',
    ),
    upsert: db.prepare<[number, string, string, string], void>(BULK_LOAD_SQL.upsert),
    remove: db.prepare<[number, string, string], void>(BULK_LOAD_SQL.remove),
    claimCollection: db.prepare<[string, string], void>(BULK_LOAD_SQL.claimCollection),
    collectionOwner: db.prepare<[string], { projection: string }>(BULK_LOAD_SQL.collectionOwner),
    generation: db.prepare<[number], GenerationRow>(BULK_LOAD_SQL.generation),
    activeGeneration: db.prepare<[string], GenerationRow>(
      `SELECT ${GENERATION_COLUMNS} FROM generations WHERE projection = ? AND state = 'active'`,
    ),
    setCheckpoint: db.prepare<[number, number], void>(BULK_LOAD_SQL.setCheckpoint),
    insertGeneration: db.prepare<[string, number], void>(
      `INSERT INTO generations (projection, version, state, checkpoint) VALUES (?, ?, 'building', 0)`,
    ),
    dropBuilding: db.prepare<[string], void>(
      `UPDATE generations SET state = 'dropped' WHERE projection = ? AND state = 'building'`,
    ),
    dropActive: db.prepare<[string], void>(
      `UPDATE generations SET state = 'dropped' WHERE projection = ? AND state = 'active'`,
    ),
    setState: db.prepare<[GenerationState, number], void>('UPDATE generations SET state = ? WHERE id = ?'),
    dropped: db.prepare<[], { id: number }>(`SELECT id FROM generations WHERE state = 'dropped' LIMIT 1`),
    purgeChunk: db.prepare<[number, number], void>(
      'DELETE FROM documents WHERE rowid IN (SELECT rowid FROM documents WHERE generation = ? LIMIT ?)',
    ),
    /** Moves when another connection commits (data_version) or this one changes a row (total_changes). */
    dataStamp: db.prepare<[], { version: number; changes: number }>(
      'SELECT data_version AS version, total_changes() AS changes FROM pragma_data_version',
    ),
    forgetGeneration: db.prepare<[number], void>(
      `DELETE FROM generations WHERE id = ? AND state = 'dropped'`,
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
