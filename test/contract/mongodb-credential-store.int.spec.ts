// The CredentialStore contract against a real MongoDB when MONGO_URL is set (e.g. `docker compose up -d mongodb`,
// then MONGO_URL='mongodb://localhost:27017/?directConnection=true'). Each store gets its own database, dropped
// after its test.
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { CredentialsUnavailableError, MongoCredentialStore } from '@ledger/ledger';
import { credentialStoreContract } from './credential-store.contract';

const url = process.env.MONGO_URL;

if (url) {
  jest.setTimeout(30_000);
  const run = randomUUID().slice(0, 8);
  let next = 0;
  const admin = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
  afterAll(() => admin.close());

  credentialStoreContract('MongoCredentialStore', async () => {
    const database = `credentials-${run}-${next++}`;
    const store = new MongoCredentialStore(url, { database });
    return {
      store,
      reopen: () => Promise.resolve(new MongoCredentialStore(url, { database })),
      cleanup: async () => {
        await store.close();
        await admin.db(database).dropDatabase();
      },
    };
  });

  describe('MongoCredentialStore', () => {
    it('answers CredentialsUnavailableError within its deadline when no server answers', async () => {
      const store = new MongoCredentialStore('mongodb://127.0.0.1:1/?replicaSet=rs0', { timeoutMs: 300 });
      const started = Date.now();
      await expect(store.passwordHash('can-bo-01')).rejects.toBeInstanceOf(CredentialsUnavailableError);
      expect(Date.now() - started).toBeLessThan(2000);
      await store.close();
    });
  });
} else {
  console.warn(
    'MONGO_URL is not set: skipping the MongoDB CredentialStore contract run (start MongoDB with `docker compose up -d mongodb`, then MONGO_URL=mongodb://localhost:27017/?directConnection=true)',
  );
  describe.skip('CredentialStore contract: MongoCredentialStore (skipped: MONGO_URL is not set)', () => {
    it('runs the CredentialStore contract against MongoDB', () => undefined);
  });
}
