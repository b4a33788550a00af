// The credential store in MongoDB, for the production setup where api instances are stateless: collections
// credential_passwords, credential_login_failures, credential_sessions, credential_refresh_tokens. Every call
// runs under our own deadline; writes use majority write concern. A refresh token is spent by one
// conditional update (usedAt still null), so two uses racing each other cannot both win.
import { MongoClient, type Collection, type Db } from 'mongodb';
import { withDeadline } from '@ledger/store-support';
import {
  CredentialsUnavailableError,
  type CredentialStore,
  type LoginState,
  type RefreshTokenRecord,
  type RotateOutcome,
  type SessionRecord,
} from './credential-store.port';

interface PasswordDoc {
  _id: string;
  hash: string;
  setAt: Date;
}
interface FailureDoc {
  _id: string;
  failures: number;
  lockedUntil: Date | null;
}
type SessionDoc = Omit<SessionRecord, 'id'> & { _id: string };
interface TokenDoc {
  _id: string;
  sessionId: string;
  issuedAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface MongoCredentialStoreOptions {
  /** Database name; default: the one in the URL's path, else `ledger`. */
  database?: string;
  /** Our deadline on every call, and the driver's server selection and connect timeouts. Default 5000. */
  timeoutMs?: number;
}

function databaseName(url: string, option?: string): string {
  if (option !== undefined) return option;
  const match = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]+)/.exec(url);
  return match ? decodeURIComponent(match[1]) : 'ledger';
}

const toSession = ({ _id, ...rest }: SessionDoc): SessionRecord => ({ id: _id, ...rest });

export class MongoCredentialStore implements CredentialStore {
  private readonly client: MongoClient;
  private readonly passwords: Collection<PasswordDoc>;
  private readonly failures: Collection<FailureDoc>;
  private readonly sessions: Collection<SessionDoc>;
  private readonly tokens: Collection<TokenDoc>;
  private readonly timeoutMs: number;
  private indexed: Promise<void> | undefined;
  private closed = false;

  constructor(url: string, options: MongoCredentialStoreOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    try {
      this.client = new MongoClient(url, {
        serverSelectionTimeoutMS: this.timeoutMs,
        connectTimeoutMS: this.timeoutMs,
        appName: 'policy-ledger-credentials',
      });
    } catch (error) {
      throw new CredentialsUnavailableError(
        `MONGO_URL cannot be used for the credential store: ${(error as Error).message}`,
      );
    }
    const db: Db = this.client.db(databaseName(url, options.database));
    const majority = { writeConcern: { w: 'majority' as const } };
    this.passwords = db.collection<PasswordDoc>('credential_passwords', majority);
    this.failures = db.collection<FailureDoc>('credential_login_failures', majority);
    this.sessions = db.collection<SessionDoc>('credential_sessions', majority);
    this.tokens = db.collection<TokenDoc>('credential_refresh_tokens', majority);
  }

  setPassword(officer: string, hash: string, now: Date): Promise<void> {
    return this.call('setPassword', async () => {
      await this.passwords.updateOne({ _id: officer }, { $set: { hash, setAt: now } }, { upsert: true });
    });
  }

  passwordHash(officer: string): Promise<string | null> {
    return this.call(
      'passwordHash',
      async () => (await this.passwords.findOne({ _id: officer }))?.hash ?? null,
    );
  }

  officers(): Promise<string[]> {
    return this.call('officers', async () =>
      (
        await this.passwords
          .find({}, { projection: { _id: 1 } })
          .sort({ _id: 1 })
          .toArray()
      ).map((d) => d._id),
    );
  }

  loginState(officer: string): Promise<LoginState> {
    return this.call('loginState', async () => {
      const doc = await this.failures.findOne({ _id: officer });
      return { failures: doc?.failures ?? 0, lockedUntil: doc?.lockedUntil ?? null };
    });
  }

  recordFailure(officer: string, now: Date, lockFor: (failures: number) => number): Promise<LoginState> {
    return this.call('recordFailure', async () => {
      const doc = await this.failures.findOneAndUpdate(
        { _id: officer },
        { $inc: { failures: 1 } },
        { upsert: true, returnDocument: 'after' },
      );
      const failures = doc?.failures ?? 1;
      const seconds = lockFor(failures);
      const lockedUntil = seconds > 0 ? new Date(now.getTime() + seconds * 1000) : null;
      // Only the failure that made this count sets the lock (a later one sets its own, longer one).
      await this.failures.updateOne({ _id: officer, failures }, { $set: { lockedUntil } });
      return { failures, lockedUntil };
    });
  }

  clearFailures(officer: string): Promise<void> {
    return this.call('clearFailures', async () => {
      await this.failures.deleteOne({ _id: officer });
    });
  }

  createSession(session: SessionRecord, first: Omit<RefreshTokenRecord, 'sessionId'>): Promise<void> {
    return this.call('createSession', async () => {
      await this.ensureIndexes();
      const { id, ...rest } = session;
      await this.sessions.insertOne({ _id: id, ...rest });
      await this.tokens.insertOne(this.tokenDoc({ ...first, sessionId: id }));
    });
  }

  session(id: string): Promise<SessionRecord | null> {
    return this.call('session', async () => {
      const doc = await this.sessions.findOne({ _id: id });
      return doc ? toSession(doc) : null;
    });
  }

  sessionOfToken(hash: string): Promise<SessionRecord | null> {
    return this.call('sessionOfToken', async () => {
      const token = await this.tokens.findOne({ _id: hash });
      const doc = token ? await this.sessions.findOne({ _id: token.sessionId }) : null;
      return doc ? toSession(doc) : null;
    });
  }

  rotate(hash: string, next: Omit<RefreshTokenRecord, 'sessionId'>, now: Date): Promise<RotateOutcome> {
    return this.call('rotate', async (): Promise<RotateOutcome> => {
      const token = await this.tokens.findOne({ _id: hash });
      const doc = token ? await this.sessions.findOne({ _id: token.sessionId }) : null;
      if (!token || !doc) return { kind: 'unknown' };
      const session = toSession(doc);
      if (session.revokedAt) return { kind: 'revoked', session };
      const reused = async (): Promise<RotateOutcome> => {
        await this.revoke({ family: session.family }, 'refresh token used twice', now);
        return { kind: 'reused', session: toSession((await this.sessions.findOne({ _id: session.id }))!) };
      };
      if (token.usedAt !== null) return reused();
      if (token.expiresAt <= now || session.expiresAt <= now) return { kind: 'expired', session };
      const spent = await this.tokens.updateOne({ _id: hash, usedAt: null }, { $set: { usedAt: now } });
      if (spent.modifiedCount !== 1) return reused();
      await this.tokens.insertOne(this.tokenDoc({ ...next, sessionId: session.id }));
      return { kind: 'rotated', session };
    });
  }

  revokeFamily(family: string, reason: string, now: Date): Promise<number> {
    return this.call('revokeFamily', () => this.revoke({ family }, reason, now));
  }

  revokeSessionsOf(officer: string, reason: string, now: Date): Promise<number> {
    return this.call('revokeSessionsOf', () => this.revoke({ officer }, reason, now));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.close().catch(() => undefined);
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  private async revoke(filter: { family: string } | { officer: string }, reason: string, now: Date) {
    const result = await this.sessions.updateMany(
      { ...filter, revokedAt: null },
      { $set: { revokedAt: now, revokedReason: reason } },
    );
    return result.modifiedCount;
  }

  private tokenDoc(token: RefreshTokenRecord): TokenDoc {
    return {
      _id: token.hash,
      sessionId: token.sessionId,
      issuedAt: token.issuedAt,
      expiresAt: token.expiresAt,
      usedAt: null,
    };
  }

  private ensureIndexes(): Promise<void> {
    this.indexed ??= Promise.all([
      this.sessions.createIndex({ family: 1 }),
      this.sessions.createIndex({ officer: 1 }),
      this.tokens.createIndex({ sessionId: 1 }),
    ]).then(() => undefined);
    return this.indexed;
  }

  private async call<T>(action: string, work: () => Promise<T>): Promise<T> {
    if (this.closed) throw new CredentialsUnavailableError(`credential store is closed (${action})`);
    try {
      return await withDeadline(
        work(),
        this.timeoutMs,
        () =>
          new CredentialsUnavailableError(
            `MongoDB did not answer ${action} on the credentials within ${this.timeoutMs} ms`,
          ),
      );
    } catch (error) {
      if (error instanceof CredentialsUnavailableError) throw error;
      const name = (error as { name?: unknown } | null)?.name;
      if (typeof name === 'string' && name.startsWith('Mongo')) {
        this.indexed = undefined;
        throw new CredentialsUnavailableError(
          `MongoDB credential store failed during ${action}: ${name}: ${(error as Error).message}`,
          { cause: error },
        );
      }
      throw error;
    }
  }
}
