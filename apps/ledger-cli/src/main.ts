// Operator commands. Today: verify. Later issues add seed, token, import, rebuild and report.
import 'reflect-metadata';
import { EventStoreError, verifyEventStore } from '@ledger/event-store';
import {
  ConfigError,
  eventStoreLocation,
  loadConfig,
  openEventStore,
  positionsAreContiguous,
} from '@ledger/ledger';

const HELP = `Usage: npm run cli -- <command> [options]

Commands:
  verify        Walk the whole event store: recompute every event's hash, check each stream's
                hash chain and revisions, and look for gaps in global positions.
                Prints a summary; exits 1 naming the first broken event.
  help          Show this text.

Environment: LEDGER_DATA_DIR (default ./data), LEDGER_EVENT_STORE (sqlite | eventstoredb), EVENTSTORE_URL.`;

async function verify(): Promise<number> {
  const config = loadConfig();
  console.log(`verify: ${config.eventStore} event store at ${eventStoreLocation(config)}`);
  const store = openEventStore(config);
  try {
    const tty = process.stderr.isTTY;
    const report = await verifyEventStore(store, {
      checkPositionGaps: positionsAreContiguous(config),
      onProgress: ({ eventsChecked, headPosition }) => {
        if (tty) process.stderr.write(`\rverify: ${eventsChecked}/${headPosition} events`);
      },
    });
    if (tty) process.stderr.write('\n');
    console.log(
      `verify: ${report.eventsChecked} events in ${report.streams} streams, head position ${report.headPosition}`,
    );
    if (report.ok) {
      console.log('verify: OK: every hash, chain link, revision and position checks out');
      return 0;
    }
    for (const p of report.problems.slice(0, 20)) {
      console.log(
        `verify: ${p.kind} at position ${p.position} (event ${p.eventId}, stream ${p.stream}): ${p.detail}`,
      );
    }
    if (report.problems.length > 20) console.log(`verify: ... and ${report.problems.length - 20} more`);
    const first = report.firstProblem!;
    console.error(`verify: FAILED: first broken event at position ${first.position}, id ${first.eventId}`);
    return 1;
  } finally {
    await store.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  switch (command) {
    case 'verify':
      return verify();
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return 0;
    default:
      console.error(`unknown command: ${command}\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof EventStoreError ? error.message : error);
    process.exit(1);
  });
