// Scenario 2: commands per second and latency of the real API (the built apps/ledger-api main, embedded
// stores on a temporary data directory; projections in-process as `npm start` runs them, and apart in the
// projector process as production runs them) under a realistic
// mix from 64 concurrent clients, beside a bare NestJS endpoint that parses the same bodies and does nothing
// (the framework's own limit). Server and load generator are separate processes.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accessTokensFor, DEFAULT_TOKEN_AUDIENCE, DEFAULT_TOKEN_ISSUER, loadConfig } from '@ledger/ledger';
import {
  benchScript,
  inTempDir,
  median,
  progress,
  runChild,
  startServer,
  type ServerProcess,
} from './bench-support';
import type { LoadResult, LoadSettings } from './http-load';
import type { Row } from './report';

export interface HttpSettings {
  seconds: number;
  runs: number;
  connections: number;
}

/** A fixed secret for the bench's tokens (never used outside a temporary data directory). */
export const BENCH_TOKEN_SECRET = 'bench-token-secret-0123456789abcdef-not-for-production';

/** The real API's entry point as built by bench:build. */
export const ledgerMain = (): string => join(__dirname, '..', 'apps', 'ledger-api', 'src', 'main.js');

export function ledgerEnv(dataDir: string): NodeJS.ProcessEnv {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    LEDGER_DATA_DIR: dataDir,
    LEDGER_EVENT_STORE: 'sqlite',
    LEDGER_READ_STORE: 'sqlite',
    LEDGER_SEED_ON_START: 'true',
    LEDGER_HEAD_SIGNING_INTERVAL_MINUTES: '0',
    LEDGER_TOKEN_SECRET: BENCH_TOKEN_SECRET,
    LEDGER_TOKEN_ISSUER: DEFAULT_TOKEN_ISSUER,
    LEDGER_TOKEN_AUDIENCE: DEFAULT_TOKEN_AUDIENCE,
    // Rate limiting off (per token and per address: every client here is 127.0.0.1).
    LEDGER_RATE_LIMIT_PER_MINUTE: '0',
    LEDGER_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '0',
  };
}

/**
 * Headers for an officer of `agency`: a bearer token (access control) and the X-Officer-Id / X-Agency /
 * X-Role headers the API read before it, so the bench runs against either.
 */
export async function officerHeaders(
  agency: string,
  officer = 'can-bo-bench',
  role: 'officer' | 'inspector' = 'officer',
): Promise<Record<string, string>> {
  // Issued as the bench's server issues them: the same configuration, the same key.
  const tokens = accessTokensFor(loadConfig(ledgerEnv(tmpdir())));
  const token = await tokens.issue(
    { sub: officer, agency, orgUnits: ['NT-BAC-AI'], roles: [role] },
    { ttlSeconds: 24 * 3600 },
  );
  return {
    authorization: `Bearer ${token}`,
    'x-officer-id': officer,
    'x-agency': agency,
    'x-role': role,
  };
}

/** CPU time used so far (ms, user + system) by a process and by its main thread. */
interface CpuTime {
  process: number;
  main: number;
}

/**
 * The server's CPU time from /proc (Linux; undefined elsewhere). Fields 14 and 15 of a stat line are utime
 * and stime in clock ticks (USER_HZ, 100 on Linux); the comm field may hold spaces, so fields are counted
 * after its closing parenthesis.
 */
function cpuTime(pid: number | undefined): CpuTime | undefined {
  if (pid === undefined) return undefined;
  const ticks = (file: string): number => {
    const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  try {
    return { process: ticks(`/proc/${pid}/stat`), main: ticks(`/proc/${pid}/task/${pid}/stat`) };
  } catch {
    return undefined;
  }
}

/** A load run, with the server's CPU time per answered request over it (when /proc tells). */
interface Measured {
  result: LoadResult;
  cpuPerRequest?: CpuTime;
}

async function measured(
  server: ServerProcess,
  settings: HttpSettings,
  seconds: number,
  offset: number,
): Promise<Measured> {
  const before = cpuTime(server.child.pid);
  const result = await load(server, settings, seconds, offset);
  const after = cpuTime(server.child.pid);
  const answered = Object.values(result.statusCodes).reduce((n, count) => n + count, 0);
  if (!before || !after || answered === 0) return { result };
  return {
    result,
    cpuPerRequest: {
      process: (after.process - before.process) / answered,
      main: (after.main - before.main) / answered,
    },
  };
}

async function load(
  server: ServerProcess,
  settings: HttpSettings,
  seconds: number,
  offset: number,
): Promise<LoadResult> {
  const load: LoadSettings = {
    url: server.url,
    connections: settings.connections,
    seconds,
    offset,
    headers: {
      officer: await officerHeaders('LDTBXH-BAC-AI'),
      insurer: await officerHeaders('BHXH-BAC-AI'),
    },
  };
  return runChild<LoadResult>(benchScript('http-load'), [], { BENCH_LOAD: JSON.stringify(load) });
}

const describeStatus = (r: LoadResult): string =>
  Object.entries(r.statusCodes)
    .map(([code, count]) => `${code}: ${count}`)
    .join(', ');

/** The projector as built by bench:build (production runs it apart from stateless API instances). */
const projectorMain = (): string => join(__dirname, '..', 'apps', 'projector', 'src', 'main.js');

/** Starts the projector on the data directory; resolves once it reports that its projections run. */
function startProjector(dataDir: string): Promise<{ stop(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [projectorMain()], {
      env: { ...process.env, ...ledgerEnv(dataDir) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    const exited = new Promise<void>((done) => child.on('close', () => done()));
    const stop = async (): Promise<void> => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    };
    const onData = (chunk: Buffer): void => {
      log += chunk.toString('utf8');
      if (log.includes('projector: running')) resolve({ stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => reject(new Error(`projector exited ${code}:\n${log.slice(-3000)}`)));
  });
}

interface Deployment {
  /** Shown in the case names. */
  name: string;
  env: NodeJS.ProcessEnv;
  projector: boolean;
}

/**
 * Both ways the API is deployed: embedded as `npm start` runs it (the projections in the API process, on
 * the same core as the commands), and as in production (LEDGER_PROJECTIONS_IN_API=false, the projector in
 * its own process, as docker-compose.yml runs it).
 */
const DEPLOYMENTS: Deployment[] = [
  { name: 'projections in the API process (npm start)', env: {}, projector: false },
  {
    name: 'projector apart (as in production)',
    env: { LEDGER_PROJECTIONS_IN_API: 'false' },
    projector: true,
  },
];

export async function httpScenario(settings: HttpSettings): Promise<Row[]> {
  progress(`http: ${settings.runs} runs of ${settings.seconds} s, ${settings.connections} connections`);
  return inTempDir('bench-http-', async (dir) => {
    const bare = await startServer(benchScript('bare-nest-server'), [], { PORT: '0' });
    try {
      await load(bare, settings, 1, 0); // warm-up, not recorded
      const limit: Measured[] = [];
      const rows: Row[] = [];
      for (const [d, deployment] of DEPLOYMENTS.entries()) {
        const dataDir = join(dir, `data-${d}`);
        const ledger = await startServer(ledgerMain(), [], { ...ledgerEnv(dataDir), ...deployment.env });
        const projector = deployment.projector ? await startProjector(dataDir) : undefined;
        try {
          // Warm-up (JIT, caches, the first sqlite pages), not recorded.
          await load(ledger, settings, 1, 90_000_000);
          const ours: Measured[] = [];
          for (let run = 0; run < settings.runs; run++) {
            ours.push(await measured(ledger, settings, settings.seconds, run * 10_000_000));
            // The limit is measured between the runs of the first deployment, on the same machine state.
            if (d === 0) limit.push(await measured(bare, settings, settings.seconds, 0));
            const last = ours[ours.length - 1].result;
            progress(
              `${deployment.name}, run ${run + 1}: ${last.commandsPerSecond.toFixed(0)}/s p99 ${last.latencyMs.p99} ms (${describeStatus(last)})` +
                (d === 0 ? `; bare ${limit[limit.length - 1].result.commandsPerSecond.toFixed(0)}/s` : ''),
            );
          }
          rows.push(
            ...deploymentRows(
              settings,
              deployment.name,
              ours.map((m) => m.result),
              limit.map((m) => m.result),
            ),
            ...cpuRows(settings, deployment.name, ours, limit),
          );
        } finally {
          await Promise.all([ledger.stop(), projector?.stop()]);
        }
      }
      return rows;
    } finally {
      await bare.stop();
    }
  });
}

function deploymentRows(
  settings: HttpSettings,
  deployment: string,
  ours: LoadResult[],
  limit: LoadResult[],
): Row[] {
  const m = (results: LoadResult[], pick: (r: LoadResult) => number): number => median(results.map(pick));
  const rate = m(ours, (r) => r.commandsPerSecond);
  const bareRate = m(limit, (r) => r.commandsPerSecond);
  const p99 = m(ours, (r) => r.latencyMs.p99);
  const failed = ours.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
  const met = rate >= 3000 && p99 < 50;
  const limitName = 'bare NestJS endpoint, same body parser';
  const rows: Row[] = [
    {
      scenario: 'http',
      case: `record commands, mix of 6 actions, ${settings.connections} clients, ${deployment}`,
      unit: 'commands/s',
      value: rate,
      samples: ours.map((r) => r.commandsPerSecond),
      limit: { name: limitName, value: bareRate },
      ratio: rate / bareRate,
      target: '>= 3000 commands/s with p99 < 50 ms',
      met,
      notes: [
        `status codes over all runs: ${ours.map(describeStatus).join(' / ')}`,
        ...(failed > 0
          ? [
              `${failed} requests were not 2xx or failed; first: ${ours
                .flatMap((r) => r.rejected)
                .slice(0, 3)
                .join(' || ')}`,
            ]
          : []),
      ],
    },
  ];
  for (const [key, label] of [
    ['p50', 'p50'],
    ['p99', 'p99'],
    ['p99_9', 'p99.9'],
  ] as const) {
    const value = m(ours, (r) => r.latencyMs[key]);
    const base = m(limit, (r) => r.latencyMs[key]);
    rows.push({
      scenario: 'http',
      case: `latency ${label}, ${settings.connections} clients, ${deployment}`,
      unit: 'ms',
      value,
      samples: ours.map((r) => r.latencyMs[key]),
      limit: { name: limitName, value: base },
      ratio: value > 0 ? base / value : 1,
      ...(key === 'p99' ? { target: '< 50 ms', met: value < 50 } : {}),
    });
  }
  return rows;
}

/**
 * CPU time per answered command of the API process (its main thread, and all its threads: the projection
 * worker too when it runs there; not the projector process when it runs apart), beside the bare endpoint's
 * per request. Less sensitive than the rates to other load on the machine, which takes cores, not work.
 */
function cpuRows(settings: HttpSettings, deployment: string, ours: Measured[], limit: Measured[]): Row[] {
  const perRequest = (runs: Measured[], pick: keyof CpuTime): number[] =>
    runs.flatMap((m) => (m.cpuPerRequest ? [m.cpuPerRequest[pick]] : []));
  const rows: Row[] = [];
  for (const [pick, label] of [
    ['main', 'main thread'],
    ['process', 'whole process'],
  ] as const) {
    const samples = perRequest(ours, pick);
    if (samples.length === 0) continue;
    const value = median(samples);
    const bare = perRequest(limit, pick);
    const base = bare.length > 0 ? median(bare) : undefined;
    rows.push({
      scenario: 'http',
      case: `server CPU per command (${label}), ${settings.connections} clients, ${deployment}`,
      unit: 'ms',
      value,
      samples,
      ...(base !== undefined
        ? {
            limit: { name: 'bare NestJS endpoint, CPU per request', value: base },
            ratio: value > 0 ? base / value : 1,
          }
        : {}),
    });
  }
  return rows;
}
