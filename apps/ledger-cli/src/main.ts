// Operator commands. Today: verify. Later issues add seed, token, import, rebuild and report.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventStoreError, verifyEventStore, type EventStore } from '@ledger/event-store';
import {
  auditLog,
  ConfigError,
  eventStoreLocation,
  loadConfig,
  openEventStore,
  positionsAreContiguous,
  readLogPublicKey,
  readTreeHeads,
  recordedLeaves,
  type AuditedEvent,
  type LedgerConfig,
} from '@ledger/ledger';
import { openSqliteReadStore, SQLITE_READ_STORE_FILE } from '@ledger/read-store';

const HELP = `Usage: npm run cli -- <command> [options]

Commands:
  verify        Walk the whole event store: recompute every event's hash, check each stream's
                hash chain and revisions, and look for gaps in global positions.
                Then recomputes the Merkle tree from the events and checks it against every
                signed tree head (and the heads' signatures), naming the first event edited,
                removed or reordered after a head was signed.
                Prints a summary; exits 1 naming the first broken event.
                --public-key <file>  check heads with this PEM instead of the configured key.
  help          Show this text.

Environment: LEDGER_DATA_DIR (default ./data), LEDGER_EVENT_STORE (sqlite | eventstoredb), EVENTSTORE_URL.`;

async function verify(args: string[]): Promise<number> {
  const config = loadConfig();
  const publicKeyFile = option(args, '--public-key');
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
    const merkleBad = await verifyMerkleLog(config, store, publicKeyFile);
    if (report.ok && merkleBad === null) {
      console.log('verify: OK: every hash, chain link, revision and position checks out');
      return 0;
    }
    if (report.ok) {
      console.error(`verify: FAILED: first bad position ${merkleBad}`);
      return 1;
    }
    for (const p of report.problems.slice(0, 20)) {
      console.log(
        `verify: ${p.kind} at position ${p.position} (event ${p.eventId}, stream ${p.stream}): ${p.detail}`,
      );
    }
    if (report.problems.length > 20) console.log(`verify: ... and ${report.problems.length - 20} more`);
    const first = report.firstProblem!;
    if (merkleBad !== null && merkleBad < first.position) {
      console.error(`verify: FAILED: first bad position ${merkleBad}`);
      return 1;
    }
    console.error(`verify: FAILED: first broken event at position ${first.position}, id ${first.eventId}`);
    return 1;
  } finally {
    await store.close();
  }
}

/**
 * The Merkle tree against every signed head (log-audit.ts). Returns the first bad position it names, or
 * null when every head holds (or there is nothing to check). Heads and the projection's leaves are in the
 * read store; only the embedded one can be opened from here for now.
 */
async function verifyMerkleLog(
  config: LedgerConfig,
  store: EventStore,
  publicKeyFile: string | undefined,
): Promise<number | null> {
  if (config.readStore !== 'sqlite') {
    console.log(
      'verify: signed heads: skipped (the cli reads heads from the embedded read store only, for now)',
    );
    return null;
  }
  const readStore = openSqliteReadStore(join(config.dataDir, SQLITE_READ_STORE_FILE));
  try {
    const heads = await readTreeHeads(readStore);
    const publicKey = publicKeyFile
      ? readFileSync(publicKeyFile, 'utf8')
      : readLogPublicKey(config.signingKey, config.dataDir);
    if (heads.length === 0 || publicKey === null) {
      console.log(`verify: signed heads: none to check (${heads.length} heads)`);
      return null;
    }
    const audit = await auditLog({
      events: storedEvents(store),
      heads,
      publicKey,
      recordedLeaves: recordedLeaves(readStore),
    });
    console.log(`verify: Merkle tree of ${audit.leaves} events against ${audit.headsChecked} signed heads`);
    for (const p of audit.problems.slice(0, 20)) {
      console.log(`verify: ${p.kind} (head ${p.head}, position ${p.position ?? '?'}): ${p.detail}`);
    }
    if (audit.ok) {
      console.log('verify: OK: every signed head verifies and matches the tree recomputed from the events');
      return null;
    }
    return audit.firstBadPosition ?? 0;
  } finally {
    await readStore.close();
  }
}

async function* storedEvents(store: EventStore): AsyncIterable<AuditedEvent> {
  let from = 1;
  for (;;) {
    const page = await store.readAll({ fromPosition: from, maxCount: 1000 });
    if (page.length === 0) return;
    for (const event of page) yield { id: event.id, position: event.position, hash: event.hash };
    from = page[page.length - 1].position + 1;
  }
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  return value;
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'verify':
      return verify(args);
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
    console.error(
      error instanceof ConfigError || error instanceof EventStoreError || error instanceof UsageError
        ? error.message
        : error,
    );
    process.exit(1);
  });
