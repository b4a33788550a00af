// Personal keys in their own SQLite file, `<dataDir>/secrets/personal-keys.db` (directory 0700, file 0600), apart
// from events.db and read.db. synchronous=FULL: an acknowledged key (and an acknowledged erasure) is on disk.
// secure_delete and a WAL truncated after each erasure make sure the erased key's bytes do not linger in the file.
import type { Database, Statement } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { configureWal, migrateSchema, openSqliteFile } from '@ledger/store-support';
import { createSecretFile, secretFile } from '../secrets/data-dir-secret';
import {
  checkPersonRef,
  PERSONAL_KEY_BYTES,
  PersonalKeysUnavailableError,
  type PersonalKeyStore,
} from './personal-key-store.port';

export const PERSONAL_KEYS_FILE = 'personal-keys.db';

export function personalKeysFile(dataDir: string): string {
  return secretFile(dataDir, PERSONAL_KEYS_FILE);
}

const MIGRATIONS = [
  `CREATE TABLE personal_keys (
     person TEXT PRIMARY KEY,
     key BLOB NOT NULL,
     created_at TEXT NOT NULL
   ) WITHOUT ROWID`,
];

interface Prepared {
  insert: Statement<[string, Buffer, string]>;
  select: Statement<[string], { key: Buffer }>;
  remove: Statement<[string]>;
}

const unavailable = (message: string) => new PersonalKeysUnavailableError(message);

export class SqlitePersonalKeyStore implements PersonalKeyStore {
  private readonly db: Database;
  private readonly statements: Prepared;
  private closed = false;

  constructor(
    readonly path: string,
    options: { busyTimeoutMs?: number } = {},
  ) {
    try {
      createSecretFile(path);
      const opened = openSqliteFile(path, (db, inMemory) => {
        db.pragma('secure_delete = ON');
        configureWal(
          db,
          { busyTimeoutMs: options.busyTimeoutMs ?? 5000, synchronous: 'FULL', inMemory },
          unavailable,
        );
        migrateSchema(db, MIGRATIONS, 'personal key store', unavailable);
        return {
          insert: db.prepare<[string, Buffer, string]>(
            'INSERT INTO personal_keys (person, key, created_at) VALUES (?, ?, ?) ON CONFLICT(person) DO NOTHING',
          ),
          select: db.prepare<[string], { key: Buffer }>('SELECT key FROM personal_keys WHERE person = ?'),
          remove: db.prepare<[string]>('DELETE FROM personal_keys WHERE person = ?'),
        };
      });
      this.db = opened.db;
      this.statements = opened.prepared;
    } catch (error) {
      throw this.mapped(error, 'opening');
    }
  }

  keyFor(personRef: string): Promise<Buffer> {
    return this.run('keyFor', () => {
      checkPersonRef(personRef);
      return this.db
        .transaction(() => {
          this.statements.insert.run(personRef, randomBytes(PERSONAL_KEY_BYTES), new Date().toISOString());
          return this.statements.select.get(personRef)!.key;
        })
        .immediate();
    });
  }

  find(personRef: string): Promise<Buffer | null> {
    return this.run('find', () => {
      checkPersonRef(personRef);
      return this.statements.select.get(personRef)?.key ?? null;
    });
  }

  erase(personRef: string): Promise<boolean> {
    return this.run('erase', () => {
      checkPersonRef(personRef);
      const erased = this.statements.remove.run(personRef).changes > 0;
      // The key's old page may still sit in the WAL: copy the overwritten page back and empty the WAL.
      if (erased) this.db.pragma('wal_checkpoint(TRUNCATE)');
      return erased;
    });
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.db.close();
    }
    return Promise.resolve();
  }

  /** Nest calls this on shutdown (the store is a provider's value). */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  private run<T>(action: string, work: () => T): Promise<T> {
    if (this.closed) return Promise.reject(unavailable(`personal key store is closed (${action})`));
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(this.mapped(error, action));
    }
  }

  private mapped(error: unknown, action: string): Error {
    if (error instanceof PersonalKeysUnavailableError) return error;
    // better-sqlite3's SqliteError: busy, locked, disk, I/O. Recognized by shape (see sqlite-errors.ts).
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) {
      return new PersonalKeysUnavailableError(
        `personal key store failed during ${action}: ${code}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}
