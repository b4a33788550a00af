// The PersonalKeyStore contract against a real MongoDB when MONGO_URL is set (e.g. `docker compose up -d mongodb`,
// then MONGO_URL='mongodb://localhost:27017/?directConnection=true'). Each store gets its own database, dropped
// after its test.
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { MongoPersonalKeyStore, PersonalKeysUnavailableError } from '@ledger/ledger';
import { personalKeyStoreContract } from './personal-key-store.contract';

const url = process.env.MONGO_URL;

if (url) {
  jest.setTimeout(30_000);
  const run = randomUUID().slice(0, 8);
  let next = 0;
  // Only to drop the databases the stores made: the adapter itself never drops anything.
  const admin = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
  afterAll(() => admin.close());

  personalKeyStoreContract('MongoPersonalKeyStore', async () => {
    const database = `personal-keys-${run}-${next++}`;
    const store = new MongoPersonalKeyStore(url, { database });
    return {
      store,
      reopen: () => Promise.resolve(new MongoPersonalKeyStore(url, { database })),
      cleanup: async () => {
        await store.close();
        await admin.db(database).dropDatabase();
      },
    };
  });

  describe('MongoPersonalKeyStore', () => {
    it('answers PersonalKeysUnavailableError within its deadline when no server answers', async () => {
      const store = new MongoPersonalKeyStore('mongodb://127.0.0.1:1/?replicaSet=rs0', { timeoutMs: 300 });
      const started = Date.now();
      await expect(store.find('b-0123456789abcdef0123456789abcdef')).rejects.toBeInstanceOf(
        PersonalKeysUnavailableError,
      );
      expect(Date.now() - started).toBeLessThan(2000);
      await store.close();
    });
  });
} else {
  console.warn(
    'MONGO_URL is not set: skipping the MongoDB PersonalKeyStore contract run (start MongoDB with `docker compose up -d mongodb`, then MONGO_URL=mongodb://localhost:27017/?directConnection=true)',
  );
  describe.skip('PersonalKeyStore contract: MongoPersonalKeyStore (skipped: MONGO_URL is not set)', () => {
    it('runs the PersonalKeyStore contract against MongoDB', () => undefined);
  });
}
