// The credential store in its own SQLite file, `<dataDir>/secrets/credentials.db` (directory 0700, file
// 0600), beside personal-keys.db. synchronous=FULL: an acknowledged password, session or revocation is on
// disk. Rotation and revocation run in IMMEDIATE transactions, so two uses of one refresh token racing each
// other cannot both win.
import type { Database } from 'better-sqlite3';
import { configureWal, migrateSchema, openSqliteFile } from '@ledger/store-support';
import { createSecretFile, secretFile } from '../secrets/data-dir-secret';
import {
  CredentialsUnavailableError,
  type CredentialStore,
  type LoginState,
  type RefreshTokenRecord,
  type RotateOutcome,
  type SessionRecord,
} from './credential-store.port';

export const CREDENTIALS_FILE = 'credentials.db';

export function credentialsFile(dataDir: string): string {
  return secretFile(dataDir, CREDENTIALS_FILE);
}

const MIGRATIONS = [
  `CREATE TABLE passwords (
     officer TEXT PRIMARY KEY,
     hash TEXT NOT NULL,
     set_at TEXT NOT NULL
   ) WITHOUT ROWID;
   CREATE TABLE login_failures (
     officer TEXT PRIMARY KEY,
     failures INTEGER NOT NULL,
     locked_until TEXT
   ) WITHOUT ROWID;
   CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     family TEXT NOT NULL,
     officer TEXT NOT NULL,
     identity TEXT NOT NULL,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     address TEXT NOT NULL,
     user_agent TEXT NOT NULL,
     revoked_at TEXT,
     revoked_reason TEXT
   );
   CREATE INDEX sessions_by_family ON sessions (family);
   CREATE INDEX sessions_by_officer ON sessions (officer);
   CREATE TABLE refresh_tokens (
     hash TEXT PRIMARY KEY,
     session_id TEXT NOT NULL REFERENCES sessions (id),
     issued_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     used_at TEXT
   ) WITHOUT ROWID;
   CREATE INDEX refresh_tokens_by_session ON refresh_tokens (session_id);`,
];

interface SessionRow {
  id: string;
  family: string;
  officer: string;
  identity: string;
  created_at: string;
  expires_at: string;
  address: string;
  user_agent: string;
  revoked_at: string | null;
  revoked_reason: string | null;
}

interface TokenRow {
  hash: string;
  session_id: string;
  expires_at: string;
  used_at: string | null;
}

const toSession = (row: SessionRow): SessionRecord => ({
  id: row.id,
  family: row.family,
  officer: row.officer,
  identity: JSON.parse(row.identity) as SessionRecord['identity'],
  createdAt: new Date(row.created_at),
  expiresAt: new Date(row.expires_at),
  address: row.address,
  userAgent: row.user_agent,
  revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
  revokedReason: row.revoked_reason,
});

const unavailable = (message: string) => new CredentialsUnavailableError(message);

export class SqliteCredentialStore implements CredentialStore {
  private readonly db: Database;
  private closed = false;

  constructor(
    readonly path: string,
    options: { busyTimeoutMs?: number } = {},
  ) {
    try {
      createSecretFile(path);
      this.db = openSqliteFile(path, (db, inMemory) => {
        db.pragma('secure_delete = ON');
        configureWal(
          db,
          { busyTimeoutMs: options.busyTimeoutMs ?? 5000, synchronous: 'FULL', inMemory },
          unavailable,
        );
        migrateSchema(db, MIGRATIONS, 'credential store', unavailable);
        return null;
      }).db;
    } catch (error) {
      throw this.mapped(error, 'opening');
    }
  }

  setPassword(officer: string, hash: string, now: Date): Promise<void> {
    return this.run('setPassword', () => {
      this.db
        .prepare(
          `INSERT INTO passwords (officer, hash, set_at) VALUES (?, ?, ?)
           ON CONFLICT(officer) DO UPDATE SET hash = excluded.hash, set_at = excluded.set_at`,
        )
        .run(officer, hash, now.toISOString());
    });
  }

  passwordHash(officer: string): Promise<string | null> {
    return this.run('passwordHash', () => {
      const row = this.db.prepare('SELECT hash FROM passwords WHERE officer = ?').get(officer) as
        { hash: string } | undefined;
      return row?.hash ?? null;
    });
  }

  officers(): Promise<string[]> {
    return this.run('officers', () =>
      (this.db.prepare('SELECT officer FROM passwords ORDER BY officer').all() as { officer: string }[]).map(
        (row) => row.officer,
      ),
    );
  }

  loginState(officer: string): Promise<LoginState> {
    return this.run('loginState', () => this.readLoginState(officer));
  }

  recordFailure(officer: string, now: Date, lockFor: (failures: number) => number): Promise<LoginState> {
    return this.run('recordFailure', () =>
      this.db
        .transaction(() => {
          const failures = this.readLoginState(officer).failures + 1;
          const seconds = lockFor(failures);
          const lockedUntil = seconds > 0 ? new Date(now.getTime() + seconds * 1000) : null;
          this.db
            .prepare(
              `INSERT INTO login_failures (officer, failures, locked_until) VALUES (?, ?, ?)
               ON CONFLICT(officer) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until`,
            )
            .run(officer, failures, lockedUntil?.toISOString() ?? null);
          return { failures, lockedUntil };
        })
        .immediate(),
    );
  }

  clearFailures(officer: string): Promise<void> {
    return this.run('clearFailures', () => {
      this.db.prepare('DELETE FROM login_failures WHERE officer = ?').run(officer);
    });
  }

  createSession(session: SessionRecord, first: Omit<RefreshTokenRecord, 'sessionId'>): Promise<void> {
    return this.run('createSession', () =>
      this.db
        .transaction(() => {
          this.db
            .prepare(
              `INSERT INTO sessions (id, family, officer, identity, created_at, expires_at, address, user_agent,
                 revoked_at, revoked_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              session.id,
              session.family,
              session.officer,
              JSON.stringify(session.identity),
              session.createdAt.toISOString(),
              session.expiresAt.toISOString(),
              session.address,
              session.userAgent,
              session.revokedAt?.toISOString() ?? null,
              session.revokedReason,
            );
          this.insertToken({ ...first, sessionId: session.id });
        })
        .immediate(),
    );
  }

  session(id: string): Promise<SessionRecord | null> {
    return this.run('session', () => this.readSession(id));
  }

  sessionOfToken(hash: string): Promise<SessionRecord | null> {
    return this.run('sessionOfToken', () => {
      const token = this.readToken(hash);
      return token ? this.readSession(token.session_id) : null;
    });
  }

  rotate(hash: string, next: Omit<RefreshTokenRecord, 'sessionId'>, now: Date): Promise<RotateOutcome> {
    return this.run('rotate', () =>
      this.db
        .transaction((): RotateOutcome => {
          const token = this.readToken(hash);
          const session = token ? this.readSession(token.session_id) : null;
          if (!token || !session) return { kind: 'unknown' };
          if (session.revokedAt) return { kind: 'revoked', session };
          if (token.used_at !== null) {
            this.revoke('family = ?', session.family, 'refresh token used twice', now);
            return { kind: 'reused', session: this.readSession(session.id)! };
          }
          if (new Date(token.expires_at) <= now || session.expiresAt <= now)
            return { kind: 'expired', session };
          this.db
            .prepare('UPDATE refresh_tokens SET used_at = ? WHERE hash = ?')
            .run(now.toISOString(), hash);
          this.insertToken({ ...next, sessionId: session.id });
          return { kind: 'rotated', session };
        })
        .immediate(),
    );
  }

  revokeFamily(family: string, reason: string, now: Date): Promise<number> {
    return this.run('revokeFamily', () => this.revoke('family = ?', family, reason, now));
  }

  revokeSessionsOf(officer: string, reason: string, now: Date): Promise<number> {
    return this.run('revokeSessionsOf', () => this.revoke('officer = ?', officer, reason, now));
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.db.close();
    }
    return Promise.resolve();
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  private revoke(where: 'family = ?' | 'officer = ?', value: string, reason: string, now: Date): number {
    return this.db
      .prepare(`UPDATE sessions SET revoked_at = ?, revoked_reason = ? WHERE ${where} AND revoked_at IS NULL`)
      .run(now.toISOString(), reason, value).changes;
  }

  private insertToken(token: RefreshTokenRecord): void {
    this.db
      .prepare('INSERT INTO refresh_tokens (hash, session_id, issued_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(token.hash, token.sessionId, token.issuedAt.toISOString(), token.expiresAt.toISOString());
  }

  private readToken(hash: string): TokenRow | undefined {
    return this.db
      .prepare('SELECT hash, session_id, expires_at, used_at FROM refresh_tokens WHERE hash = ?')
      .get(hash) as TokenRow | undefined;
  }

  private readSession(id: string): SessionRecord | null {
    const row = this.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
    return row ? toSession(row) : null;
  }

  private readLoginState(officer: string): LoginState {
    const row = this.db
      .prepare('SELECT failures, locked_until FROM login_failures WHERE officer = ?')
      .get(officer) as { failures: number; locked_until: string | null } | undefined;
    return {
      failures: row?.failures ?? 0,
      lockedUntil: row?.locked_until ? new Date(row.locked_until) : null,
    };
  }

  private run<T>(action: string, work: () => T): Promise<T> {
    if (this.closed) return Promise.reject(unavailable(`credential store is closed (${action})`));
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(this.mapped(error, action));
    }
  }

  private mapped(error: unknown, action: string): Error {
    if (error instanceof CredentialsUnavailableError) return error;
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) {
      return new CredentialsUnavailableError(
        `credential store failed during ${action}: ${code}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}
