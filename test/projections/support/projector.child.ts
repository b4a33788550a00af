// Run in a child process by the crash test: projects events.db into read.db with small batches and prints
// each commit's checkpoint, until the parent kills it with SIGKILL.
import { SqliteEventStore } from '@ledger/event-store';
import { ProjectionRunner } from '@ledger/projections';
import { SqliteReadStore } from '@ledger/read-store';
import { InstrumentedReadStore } from './instrumented-read-store';
import { eventCounts, openCases } from './toy-projections';

const [eventsPath, readPath] = process.argv.slice(2);
const readStore = new InstrumentedReadStore(new SqliteReadStore(readPath));
readStore.afterCommit = (batch) =>
  process.stdout.write(`committed ${batch.projection} ${batch.checkpoint}\n`);
const runner = new ProjectionRunner({
  eventStore: new SqliteEventStore(eventsPath),
  readStore,
  projections: [eventCounts(), openCases],
  batchSize: 50,
});
void runner.start();
