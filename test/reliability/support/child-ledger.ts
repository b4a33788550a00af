// The built ledger API (and projector) as child processes on a data directory, for tests that kill them
// with SIGKILL; plus readers of the stores' files that the crash and tampering suites share.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { root } from '../../cli/support/built-cli';
import { TEST_TOKEN_AUDIENCE, TEST_TOKEN_ISSUER, TEST_TOKEN_SECRET } from '../../e2e/support/tokens';

export interface Child {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function env(dataDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    LEDGER_DATA_DIR: dataDir,
    LEDGER_SEED_ON_START: 'false',
    LEDGER_HEAD_SIGNING_INTERVAL_MINUTES: '0',
    LEDGER_TOKEN_SECRET: TEST_TOKEN_SECRET,
    LEDGER_TOKEN_ISSUER: TEST_TOKEN_ISSUER,
    LEDGER_TOKEN_AUDIENCE: TEST_TOKEN_AUDIENCE,
    LEDGER_RATE_LIMIT_PER_MINUTE: '0',
    LEDGER_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '0',
    HOST: '127.0.0.1',
    ...extra,
  };
}

/** Starts a built app and resolves once its stdout shows `ready`; rejects if it exits first. */
function start(build: string, main: string, dataDir: string, ready: string, extra: Record<string, string>) {
  return new Promise<Child>((resolve, reject) => {
    const child = spawn(process.execPath, [join(build, main)], { cwd: root, env: env(dataDir, extra) });
    let output = '';
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(ready)) resolve({ process: child, output: () => output, exited });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`${main} exited (${code}) before it was ready:\n${output}`)));
  });
}

export async function startApi(build: string, dataDir: string, extra: Record<string, string> = {}) {
  const port = await freePort();
  const child = await start(build, 'apps/ledger-api/src/main.js', dataDir, 'listening on', {
    PORT: String(port),
    ...extra,
  });
  return { ...child, url: `http://127.0.0.1:${port}` };
}

export function startProjector(build: string, dataDir: string): Promise<Child> {
  return start(build, 'apps/projector/src/main.js', dataDir, 'projector: running', {});
}

export async function kill(child: Child, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill(signal);
  await child.exited;
}

/** A deterministic PRNG (mulberry32), so a failing round can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many times each event id is stored, read from the file itself. */
export function storedIdCounts(dataDir: string): Map<string, number> {
  const db = new Database(join(dataDir, 'events.db'));
  try {
    const rows = db.prepare('SELECT id, count(*) AS n FROM events GROUP BY id').all() as {
      id: string;
      n: number;
    }[];
    return new Map(rows.map((r) => [r.id, r.n]));
  } finally {
    db.close();
  }
}

/** Every document of every projection's active generation, in a stable order: what readers see. */
export function activeDocuments(dataDir: string): Array<{ collection: string; id: string; doc: string }> {
  const db = new Database(join(dataDir, 'read.db'));
  try {
    return db
      .prepare(
        `SELECT d.collection, d.id, d.doc FROM documents d
           JOIN collections c ON c.name = d.collection
           JOIN generations g ON g.projection = c.projection AND g.state = 'active' AND g.id = d.generation
         ORDER BY d.collection, d.id`,
      )
      .all() as Array<{ collection: string; id: string; doc: string }>;
  } finally {
    db.close();
  }
}
