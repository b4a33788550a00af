// The projector process. Projections arrive with the read-side issue; until then it follows the event
// log from the start, live, and reports how far it has read, which proves the subscription path that
// the projection runner will use.
import 'reflect-metadata';
import { EventStoreError } from '@ledger/event-store';
import { ConfigError, eventStoreLocation, loadConfig, openEventStore } from '@ledger/ledger';

async function main(): Promise<void> {
  const config = loadConfig();
  const store = openEventStore(config);
  const abort = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => abort.abort());
  console.log(`projector: following ${eventStoreLocation(config)} (Ctrl-C to stop)`);
  let seen = 0;
  let last = 0;
  const report = setInterval(
    () => console.log(`projector: read up to position ${last} (${seen} events)`),
    5000,
  );
  try {
    for await (const event of store.subscribe({ fromPosition: 1, signal: abort.signal })) {
      seen++;
      last = event.position;
    }
  } finally {
    clearInterval(report);
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof EventStoreError ? error.message : error);
  process.exit(1);
});
