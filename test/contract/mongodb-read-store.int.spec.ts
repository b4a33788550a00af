// The contract against a real MongoDB replica set when MONGO_URL is set (e.g. `docker compose up -d mongodb`,
// then MONGO_URL='mongodb://localhost:27017/?directConnection=true'). Every store of the run gets its own database,
// dropped after its test, so a shared server (and earlier runs on it) is fine.
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { openMongoReadStore, ReadStoreUnavailableError } from '@ledger/read-store';
import { readStoreContract } from './read-store.contract';
import { commitDocs } from './read-store.fixtures';

const url = process.env.MONGO_URL;

if (url) {
  jest.setTimeout(30_000);
  const run = randomUUID().slice(0, 8);
  let next = 0;
  // Only to drop the databases the stores made: the adapter itself never drops anything.
  const admin = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
  afterAll(() => admin.close());

  const freshStore = () => {
    const database = `contract-${run}-${next++}`;
    const store = openMongoReadStore(url, { database });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await admin.db(database).dropDatabase();
      },
    };
  };

  readStoreContract('MongoReadStore', async () => freshStore());

  describe('MongoReadStore', () => {
    it('keeps documents, checkpoints and generations for another store on the same database', async () => {
      const { store, cleanup } = freshStore();
      try {
        await commitDocs(store, 'p', [{ collection: 'c', id: 'a', doc: { v: 1 } }]);
        const database = `contract-${run}-${next - 1}`;
        const other = openMongoReadStore(url, { database });
        try {
          expect(await other.get('c', 'a')).toEqual({ v: 1 });
          expect(await other.getCheckpoint('p')).toBe(1);
          const generation = await other.beginRebuild('p', 2);
          await other.switchOver('p', generation);
          expect(await store.get('c', 'a')).toBeNull();
        } finally {
          await other.close();
        }
      } finally {
        await cleanup();
      }
    });

    it('answers ReadStoreUnavailableError within its deadline when no server answers', async () => {
      const store = openMongoReadStore('mongodb://127.0.0.1:1/?replicaSet=rs0', { timeoutMs: 300 });
      const started = Date.now();
      await expect(store.get('c', 'a')).rejects.toBeInstanceOf(ReadStoreUnavailableError);
      expect(Date.now() - started).toBeLessThan(2000);
      await store.close();
    });
  });
} else {
  console.warn(
    'MONGO_URL is not set: skipping the MongoDB ReadStore contract run (start a replica set with `docker compose up -d mongodb`, then MONGO_URL=mongodb://localhost:27017/?directConnection=true)',
  );
  describe.skip('ReadStore contract: MongoReadStore (skipped: MONGO_URL is not set)', () => {
    it('runs the ReadStore contract against a MongoDB replica set', () => undefined);
  });
}
