// Personal keys in MongoDB (collection `personal_keys`, { _id: personRef, key: Binary, createdAt }), for the
// production setup where api instances are stateless. Every call runs under our own deadline: the driver's
// timeouts do not cover a server that accepts a command and never answers. Writes use majority write concern
// (an acknowledged erasure survives a failover). Note: MongoDB keeps deleted data in its oplog and journal
// until they roll over; see README, "Personal data".
import { Binary, MongoClient, type Collection } from 'mongodb';
import { randomBytes } from 'node:crypto';
import { withDeadline } from '@ledger/store-support';
import {
  checkPersonRef,
  PERSONAL_KEY_BYTES,
  PersonalKeysUnavailableError,
  type PersonalKeyStore,
} from './personal-key-store.port';

export const PERSONAL_KEYS_COLLECTION = 'personal_keys';

interface KeyDoc {
  _id: string;
  key: Binary;
  createdAt: Date;
}

export interface MongoPersonalKeyStoreOptions {
  /** Database name; default: the one in the URL's path, else `ledger`. */
  database?: string;
  /** Our deadline on every call, and the driver's server selection and connect timeouts. Default 5000. */
  timeoutMs?: number;
}

/** MongoDB's DuplicateKey: two first uses raced on one person; the other one's key stands. */
const DUPLICATE_KEY = 11000;

function databaseName(url: string, option?: string): string {
  if (option !== undefined) return option;
  const match = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]+)/.exec(url);
  return match ? decodeURIComponent(match[1]) : 'ledger';
}

export class MongoPersonalKeyStore implements PersonalKeyStore {
  private readonly client: MongoClient;
  private readonly keys: Collection<KeyDoc>;
  private readonly timeoutMs: number;
  private closed = false;

  constructor(url: string, options: MongoPersonalKeyStoreOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    try {
      // Connects on first use, so the process starts while MongoDB is down.
      this.client = new MongoClient(url, {
        serverSelectionTimeoutMS: this.timeoutMs,
        connectTimeoutMS: this.timeoutMs,
        appName: 'policy-ledger-personal-keys',
      });
    } catch (error) {
      // The driver's parse error names the problem; the URL (which may hold a password) is not repeated.
      throw new PersonalKeysUnavailableError(
        `MONGO_URL cannot be used for the personal key store: ${(error as Error).message}`,
      );
    }
    this.keys = this.client
      .db(databaseName(url, options.database))
      .collection<KeyDoc>(PERSONAL_KEYS_COLLECTION, { writeConcern: { w: 'majority' } });
  }

  async keyFor(personRef: string): Promise<Buffer> {
    checkPersonRef(personRef);
    return this.call('keyFor', async () => {
      const fresh: KeyDoc = {
        _id: personRef,
        key: new Binary(randomBytes(PERSONAL_KEY_BYTES)),
        createdAt: new Date(),
      };
      try {
        const doc = await this.keys.findOneAndUpdate(
          { _id: personRef },
          { $setOnInsert: { key: fresh.key, createdAt: fresh.createdAt } },
          { upsert: true, returnDocument: 'after' },
        );
        if (doc) return Buffer.from(doc.key.buffer);
      } catch (error) {
        if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
      }
      const doc = await this.keys.findOne({ _id: personRef });
      if (!doc)
        throw new PersonalKeysUnavailableError(`the key of ${personRef} vanished while being created`);
      return Buffer.from(doc.key.buffer);
    });
  }

  async find(personRef: string): Promise<Buffer | null> {
    checkPersonRef(personRef);
    return this.call('find', async () => {
      const doc = await this.keys.findOne({ _id: personRef });
      return doc ? Buffer.from(doc.key.buffer) : null;
    });
  }

  async erase(personRef: string): Promise<boolean> {
    checkPersonRef(personRef);
    return this.call('erase', async () => (await this.keys.deleteOne({ _id: personRef })).deletedCount > 0);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.close().catch(() => undefined);
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  private async call<T>(action: string, work: () => Promise<T>): Promise<T> {
    if (this.closed) throw new PersonalKeysUnavailableError(`personal key store is closed (${action})`);
    try {
      return await withDeadline(
        work(),
        this.timeoutMs,
        () =>
          new PersonalKeysUnavailableError(
            `MongoDB did not answer ${action} on the personal keys within ${this.timeoutMs} ms`,
          ),
      );
    } catch (error) {
      if (error instanceof PersonalKeysUnavailableError) throw error;
      const name = (error as { name?: unknown } | null)?.name;
      if (typeof name === 'string' && name.startsWith('Mongo')) {
        // Any driver error here means the keys cannot be used now; nothing a client sent causes one.
        throw new PersonalKeysUnavailableError(
          `MongoDB personal key store failed during ${action}: ${name}: ${(error as Error).message}`,
          { cause: error },
        );
      }
      throw error;
    }
  }
}
