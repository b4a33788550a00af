// The verifiable-log commands: verify, evidence and check-evidence.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyEventStore, type EventStore } from '@ledger/event-store';
import { planModelFromSeed, type RecordedEvent } from '@ledger/domain';
import { createLedgerProjections } from '@ledger/projections';
import {
  auditLog,
  checkEvidenceBundle,
  collectEvidence,
  createMerkleLogProjection,
  EvidenceError,
  loadLogSigningKey,
  MerkleLogReader,
  readSeedFiles,
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
import {
  openMongoReadStore,
  openSqliteReadStore,
  SQLITE_READ_STORE_FILE,
  type ReadStore,
} from '@ledger/read-store';
import { option, UsageError, type CliCommand } from '../args';

/** `config`: another data directory's (restore verifies its staged copy before moving it into place). */
export async function verify(args: string[], config: LedgerConfig = loadConfig()): Promise<number> {
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

/** Heads, leaves and nodes live in the read store: the embedded one, or MongoDB (MONGO_URL). */
function openReadStore(config: LedgerConfig): ReadStore {
  return config.readStore === 'mongodb'
    ? openMongoReadStore(config.mongoUrl!)
    : openSqliteReadStore(join(config.dataDir, SQLITE_READ_STORE_FILE));
}

/**
 * The Merkle tree against every signed head (log-audit.ts). Returns the first bad position it names, or
 * null when every head holds (or there is nothing to check).
 */
async function verifyMerkleLog(
  config: LedgerConfig,
  store: EventStore,
  publicKeyFile: string | undefined,
): Promise<number | null> {
  const readStore = openReadStore(config);
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
      console.log(`verify: ${p.kind} (head ${p.head ?? 'none'}, position ${p.position ?? '?'}): ${p.detail}`);
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
  for await (const event of recordedEvents(store))
    yield { id: event.id, position: event.position, hash: event.hash };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function evidence(args: string[]): Promise<number> {
  const from = option(args, '--from');
  const to = option(args, '--to');
  const agency = option(args, '--agency');
  const out = option(args, '--out');
  if (!from || !DAY.test(from)) throw new UsageError('evidence: --from YYYY-MM-DD is required');
  if (!to || !DAY.test(to)) throw new UsageError('evidence: --to YYYY-MM-DD is required');
  if (!out) throw new UsageError('evidence: --out FILE is required');
  const config = loadConfig();
  const store = openEventStore(config);
  const readStore = openReadStore(config);
  try {
    const names = [
      ...createLedgerProjections(planModelFromSeed(readSeedFiles(config.seedDir))).map((p) => p.name),
      createMerkleLogProjection().name,
    ];
    const projectionVersions: Record<string, number> = {};
    for (const name of names) {
      const active = await readStore.activeGeneration(name);
      if (active) projectionVersions[name] = active.version;
    }
    const bundle = await collectEvidence({
      events: recordedEvents(store),
      selection: { from, to, ...(agency ? { agency } : {}) },
      tree: new MerkleLogReader(readStore),
      heads: await readTreeHeads(readStore),
      key: loadLogSigningKey(config.signingKey, config.dataDir),
      projectionVersions,
      now: new Date(),
    });
    writeFileSync(out, JSON.stringify(bundle, null, 2) + '\n');
    console.log(
      `evidence: ${bundle.events.length} events, ${bundle.heads.length} signed heads, key ${bundle.keyId} -> ${out}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof EvidenceError) {
      console.error(`evidence: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await readStore.close();
    await store.close();
  }
}

export function checkEvidence(args: string[]): number {
  const file = args[0];
  if (!file || file.startsWith('--')) throw new UsageError('check-evidence: FILE is required');
  const publicKeyFile = option(args, '--public-key');
  let bundle: unknown;
  try {
    bundle = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`check-evidence: FAILED: ${file} is not a JSON file: ${String(error)}`);
    return 1;
  }
  const result = checkEvidenceBundle(bundle, publicKeyFile ? readFileSync(publicKeyFile, 'utf8') : undefined);
  if (result.ok) {
    const keyId = (bundle as { keyId?: string }).keyId;
    console.log(
      `check-evidence: OK: ${result.events} events in ${result.heads} signed heads of log key ${keyId}`,
    );
    if (!publicKeyFile) console.log('check-evidence: compare that key id with the one the ledger publishes');
    return 0;
  }
  for (const problem of result.problems.slice(0, 50)) console.log(`check-evidence: ${problem}`);
  console.error(`check-evidence: FAILED: ${result.problems.length} problems`);
  return 1;
}

async function* recordedEvents(store: EventStore): AsyncIterable<RecordedEvent> {
  let from = 1;
  for (;;) {
    const page = await store.readAll({ fromPosition: from, maxCount: 1000 });
    if (page.length === 0) return;
    yield* page;
    from = page[page.length - 1].position + 1;
  }
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Check every hash, chain link, position and signed tree head of the event store.',
  help: `Usage: npm run cli -- verify [--public-key FILE]

Walks the whole event store: recomputes every event's hash, checks each stream's hash chain and
revisions, and looks for gaps in global positions. Then recomputes the Merkle tree from the events and
checks it against every signed tree head (and the heads' signatures), naming the first event edited,
removed or reordered after a head was signed.
Prints a summary; exits 1 naming the first broken event.
  --public-key FILE  check heads with this PEM instead of the configured key.`,
  run: (args) => verify(args),
};

export const evidenceCommand: CliCommand = {
  name: 'evidence',
  summary: 'Write a self-contained, sealed evidence bundle of a date range.',
  help: `Usage: npm run cli -- evidence --from YYYY-MM-DD --to YYYY-MM-DD [--agency CODE] --out FILE

Writes a self-contained evidence bundle: the events whose action date (occurredAt) is in the range (of
one agency), their inclusion proofs against the latest signed head, every signed head with the
consistency proofs between them, the log's public key and the projections' versions, sealed by the log key.`,
  run: evidence,
};

export const checkEvidenceCommand: CliCommand = {
  name: 'check-evidence',
  summary: 'Check an evidence bundle without access to the ledger.',
  help: `Usage: npm run cli -- check-evidence FILE [--public-key FILE]

Checks a bundle with no access to the ledger: every hash, proof and signature, against the bundle's key
or the one given. Exits 1 naming each problem.`,
  run: (args) => Promise.resolve(checkEvidence(args)),
};
