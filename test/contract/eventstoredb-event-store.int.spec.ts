// The contract against a real EventStoreDB when EVENTSTORE_URL is set. Each store gets its own namespace, so a
// shared server (and earlier runs on it) is fine; positions there are increasing but not contiguous.
import { randomUUID } from 'node:crypto';
import { openEventStoreDb } from '@ledger/event-store';
import { eventStoreContract } from './event-store.contract';

const url = process.env.EVENTSTORE_URL;

if (url) {
  // Reads of a new (empty) namespace go through all of $all, which grows with every run on a shared server.
  jest.setTimeout(30_000);
  eventStoreContract(
    'EventStoreDbEventStore',
    async () => {
      const store = openEventStoreDb(url, { namespace: `contract-${randomUUID()}` });
      return { store, cleanup: () => store.close() };
    },
    { contiguousPositions: false },
  );
} else {
  console.warn(
    'EVENTSTORE_URL is not set: skipping the EventStoreDB contract run (start one with `docker compose up -d eventstoredb`)',
  );
  describe.skip('EventStore contract: EventStoreDbEventStore (skipped: EVENTSTORE_URL is not set)', () => {
    it('runs the EventStore contract against EventStoreDB', () => undefined);
  });
}
