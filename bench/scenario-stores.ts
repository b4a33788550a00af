// Scenarios 3 and 4 on one growing data directory: the plan seeded by the real API, then synthetic recorded
// actions appended through the event store port up to each size (10k, 100k, 1M events). At each size:
// - rebuild (3): every projection from position 0, events/s and peak RSS, beside a raw sequential read of
//   the same events (each in its own process, median of several runs);
// - dashboard reads (4): the real API started on that directory (projections already at the head), then
//   p50/p99 of the main read endpoints, sequential requests over keep-alive, after a warm-up; then the same
//   under a paced write load (reads-under-load.ts), and the time for an acknowledged write to show.
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import {
  benchScript,
  inTempDir,
  median,
  percentile,
  progress,
  runChild,
  sleep,
  startServer,
  type ServerProcess,
} from './bench-support';
import type { ChildResult } from './rebuild-child';
import type { Row } from './report';
import { ledgerEnv, ledgerMain, officerHeaders } from './scenario-http';
import { fillTo } from './workload';
import { probeVisibility, startWriteLoad, WRITE_RATE, type Visibility } from './reads-under-load';
import type { LoadResult } from './http-load';
import { renameSync, rmSync, statSync } from 'node:fs';

export interface StoreSettings {
  sizes: number[];
  /** Sizes at which the rebuild is measured (the others are rebuilt once, to serve the reads). */
  rebuildSizes: number[];
  rebuildRuns: number;
  readRequests: number;
}

/** The trail is for inspectors; the rest is read with an officer's token. */
export const ENDPOINTS: Array<{ name: string; path: string; inspector?: boolean }> = [
  { name: 'GET /indicators', path: '/indicators' },
  { name: 'GET /indicators/{key}', path: '/indicators/houses_built' },
  {
    name: 'GET /indicators/{key}?orgUnit=',
    path: '/indicators/health_insurance_coverage?orgUnit=BA-PHUOC-DAI',
  },
  { name: 'GET /summary', path: '/summary' },
  { name: 'GET /agencies/{code}/trail', path: '/agencies/LDTBXH-BAC-AI/trail' },
  { name: 'GET /trail?agency=', path: '/trail?agency=LDTBXH-BAC-AI', inspector: true },
  {
    name: 'GET /trail?orgUnit=&type=',
    path: '/trail?orgUnit=BA-PHUOC-DAI&type=SubsidyPaid',
    inspector: true,
  },
  { name: 'GET /trail?from=&to=', path: '/trail?from=2026-03-01&to=2026-03-31', inspector: true },
];

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function get(
  url: string,
  headers: Record<string, string>,
  body?: object,
): Promise<{ status: number; ms: number; body: string }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const options = payload
      ? { agent, method: 'POST', headers: { ...headers, 'content-type': 'application/json' } }
      : { agent, headers };
    const req = request(url, options, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - started) / 1e6, body }),
      );
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const post = (url: string, headers: Record<string, string>, body: object) => get(url, headers, body);

async function untilProjected(server: ServerProcess, headers: Record<string, string>): Promise<void> {
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    const res = await get(`${server.url}/health`, headers);
    if (res.status === 200) {
      const body = JSON.parse(res.body) as {
        projections?: Array<{ lag: number; state: string; name: string }>;
      };
      const projections = body.projections ?? [];
      const failed = projections.filter((p) => p.state === 'failed');
      if (failed.length > 0) throw new Error(`projections failed: ${res.body}`);
      if (projections.length > 0 && projections.every((p) => p.lag === 0)) return;
    }
    if (Date.now() > deadline) throw new Error(`projections still lag: ${res.body}`);
    await sleep(200);
  }
}

interface EndpointLatency {
  p50: number;
  p99: number;
  bytes: number;
}

interface ReadFigures {
  rest: Record<string, EndpointLatency>;
  load: Record<string, EndpointLatency>;
  visibility: Visibility;
  writer: LoadResult;
}

async function timeEndpoints(
  baseUrl: string,
  headers: Record<string, string>,
  inspector: Record<string, string>,
  requests: number,
): Promise<Record<string, EndpointLatency>> {
  const out: Record<string, EndpointLatency> = {};
  for (const endpoint of ENDPOINTS) {
    const url = baseUrl + endpoint.path;
    const as = endpoint.inspector ? inspector : headers;
    const warm = Date.now() + 500;
    for (let i = 0; i < 50 && (i < 3 || Date.now() < warm); i++) await get(url, as); // warm-up, at most 0.5 s
    const times: number[] = [];
    let bytes = 0;
    // At most `requests` requests, and no more than 1 s (at least 20): a slow endpoint is slow either way.
    const until = Date.now() + 1000;
    for (let i = 0; i < requests && (i < 20 || Date.now() < until); i++) {
      const res = await get(url, as);
      if (res.status !== 200) throw new Error(`${endpoint.path}: ${res.status} ${res.body.slice(0, 500)}`);
      times.push(res.ms);
      bytes = res.body.length;
    }
    out[endpoint.name] = { p50: percentile(times, 50), p99: percentile(times, 99), bytes };
  }
  return out;
}

/** Seconds of paced writes: the timed reads (at most 1.5 s per endpoint), then the visibility probes. */
const READS_UNDER_LOAD_S = ENDPOINTS.length * 1.5 + 1;
const VISIBILITY_S = 8;

async function measureReads(dataDir: string, requests: number, offset: number): Promise<ReadFigures> {
  const server = await startServer(ledgerMain(), [], ledgerEnv(dataDir));
  const headers = { ...(await officerHeaders('LDTBXH-BAC-AI')), accept: 'application/json' };
  const inspector = {
    ...(await officerHeaders('LDTBXH-BAC-AI', 'thanh-tra-bench', 'inspector')),
    accept: 'application/json',
  };
  try {
    await untilProjected(server, headers);
    const rest = await timeEndpoints(server.url, headers, inspector, requests);
    const writer = await startWriteLoad(server.url, READS_UNDER_LOAD_S + VISIBILITY_S + 2, offset);
    const load = await timeEndpoints(server.url, headers, inspector, requests);
    const visibility = await probeVisibility(server.url, get, post, offset, Date.now() + VISIBILITY_S * 1000);
    return { rest, load, visibility, writer: await writer };
  } finally {
    await server.stop();
  }
}

async function seed(dataDir: string): Promise<void> {
  // The API loads the plan folder on start, through the same commands as every action.
  const server = await startServer(ledgerMain(), [], ledgerEnv(dataDir));
  await server.stop();
}

/**
 * Each rebuild run writes a new read store file (the same work as a rebuild into new generations of the
 * data directory's read.db, without first deleting the previous run's generations, which sqlite would do
 * at the next open and which is no part of the figure); the last run's file then becomes read.db, at the
 * head, for the dashboard reads.
 */
const childRuns = async (runs: number, dataDir: string, mode: 'raw' | 'rebuild'): Promise<ChildResult[]> => {
  const results: ChildResult[] = [];
  const fresh = join(dataDir, 'read-rebuild.db');
  for (let run = 0; run < runs; run++) {
    if (mode === 'rebuild') removeDb(fresh);
    const read = mode === 'rebuild' ? ['--read', fresh] : [];
    results.push(
      await runChild<ChildResult>(benchScript('rebuild-child'), ['--data', dataDir, '--mode', mode, ...read]),
    );
  }
  if (mode === 'rebuild') {
    const target = join(dataDir, 'read.db');
    removeDb(target);
    renameSync(fresh, target);
  }
  return results;
};

function removeDb(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

const label = (n: number): string =>
  n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : `${n}`;

export interface StoreFigures {
  rows: Row[];
  /** Bytes on disk per event (event store, read store) at the largest size. */
  bytesPerEvent: { events: number; readStore: number };
  rebuildRate: number;
}

export async function storeScenarios(settings: StoreSettings): Promise<StoreFigures> {
  return inTempDir('bench-stores-', async (root) => {
    const dataDir = join(root, 'data');
    progress('stores: seeding the plan through the API');
    await seed(dataDir);
    const rebuildRows: Row[] = [];
    const reads = new Map<number, ReadFigures>();
    let bytesPerEvent = { events: 0, readStore: 0 };
    let rebuildRate = 0;
    const rssBySize: Array<{ size: number; rss: number }> = [];
    for (const size of settings.sizes) {
      const store = new SqliteEventStore(join(dataDir, 'events.db'));
      let head: number;
      try {
        head = await fillTo(store, size, `appending to ${label(size)}`);
      } finally {
        await store.close();
      }
      const measured = settings.rebuildSizes.includes(size);
      const runs = measured ? settings.rebuildRuns : 1;
      progress(`${label(size)} events (head ${head}): rebuild x${runs}${measured ? ', raw read' : ''}`);
      const rebuilds = await childRuns(runs, dataDir, 'rebuild');
      if (measured) {
        const raws = await childRuns(runs, dataDir, 'raw');
        const rate = median(rebuilds.map((r) => r.eventsPerSecond));
        const rawRate = median(raws.map((r) => r.eventsPerSecond));
        const rss = median(rebuilds.map((r) => r.maxRssMiB));
        const rawRss = median(raws.map((r) => r.maxRssMiB));
        rebuildRate = rate;
        rssBySize.push({ size: head, rss });
        const per = rebuilds[Math.floor(rebuilds.length / 2)].perProjection ?? {};
        rebuildRows.push(
          {
            scenario: 'rebuild',
            case: `all ${Object.keys(per).length} projections from position 0, ${label(size)} events`,
            unit: 'events/s',
            value: rate,
            samples: rebuilds.map((r) => r.eventsPerSecond),
            limit: { name: 'raw sequential read of the same events', value: rawRate },
            ratio: rate / rawRate,
            target: '>= 100,000 events/s',
            met: rate >= 100_000,
            notes: [
              `per projection (events/s, each over the whole log in the one pass): ${Object.entries(per)
                .map(([name, eps]) => `${name} ${Math.round(eps)}`)
                .join(', ')}`,
            ],
          },
          {
            scenario: 'rebuild',
            case: `peak RSS of the rebuild process, ${label(size)} events`,
            unit: 'MiB',
            value: rss,
            samples: rebuilds.map((r) => r.maxRssMiB),
            limit: { name: 'raw read process', value: rawRss },
            ratio: rawRss / rss,
          },
        );
        progress(
          `rebuild ${rate.toFixed(0)}/s (raw read ${rawRate.toFixed(0)}/s), peak RSS ${rss.toFixed(0)} MiB`,
        );
      }
      progress(`${label(size)}: dashboard reads, ${settings.readRequests} requests per endpoint`);
      reads.set(size, await measureReads(dataDir, settings.readRequests, size * 10));
      const eventsBytes = statSync(join(dataDir, 'events.db')).size;
      const readBytes = statSync(join(dataDir, 'read.db')).size;
      bytesPerEvent = { events: eventsBytes / head, readStore: readBytes / head };
    }
    if (rssBySize.length >= 2) {
      const first = rssBySize[0];
      const last = rssBySize[rssBySize.length - 1];
      const row = rebuildRows.find(
        (r) =>
          r.case.startsWith('peak RSS') &&
          r.case.endsWith(label(settings.rebuildSizes[settings.rebuildSizes.length - 1])),
      );
      if (row) {
        row.target = 'does not grow with the event count';
        row.met = last.rss <= first.rss * 1.25;
        row.notes = [
          `${label(first.size)}: ${first.rss.toFixed(0)} MiB; ${label(last.size)}: ${last.rss.toFixed(0)} MiB`,
        ];
      }
    }
    const readRows: Row[] = [];
    const smallest = settings.sizes[0];
    const loadNote = (size: number): string[] => {
      const w = reads.get(size)?.writer;
      return w
        ? [
            `write load: ${w.commandsPerSecond.toFixed(0)} commands/s paced at ${WRITE_RATE}/s (${w.ok} ok, ` +
              `${w.non2xx} not 2xx, ${w.errors} errors), write p99 ${w.latencyMs.p99} ms`,
          ]
        : [];
    };
    for (const [when, pick] of [
      ['', (f: ReadFigures) => f.rest],
      [`, under ${WRITE_RATE} commands/s`, (f: ReadFigures) => f.load],
    ] as const) {
      for (const endpoint of ENDPOINTS) {
        const base = reads.get(smallest) && pick(reads.get(smallest)!)[endpoint.name];
        for (const size of settings.sizes) {
          const measured = reads.get(size);
          const figures = measured && pick(measured)[endpoint.name];
          if (!figures || !base) continue;
          const largest = size === settings.sizes[settings.sizes.length - 1];
          readRows.push({
            scenario: 'dashboard',
            case: `${endpoint.name} p99${when}, ${label(size)} events (p50 ${figures.p50.toFixed(2)} ms, ${figures.bytes} B)`,
            unit: 'ms',
            value: figures.p99,
            ...(size !== smallest
              ? {
                  limit: { name: `same at ${label(smallest)} events`, value: base.p99 },
                  ratio: base.p99 / figures.p99,
                }
              : {}),
            ...(largest
              ? {
                  target: `p99 < 10 ms, flat from ${label(smallest)}`,
                  met: figures.p99 < 10 && figures.p99 <= Math.max(base.p99 * 1.5, base.p99 + 1),
                }
              : {}),
            ...(when && endpoint === ENDPOINTS[0] ? { notes: loadNote(size) } : {}),
          });
        }
      }
    }
    for (const size of settings.sizes) {
      const measured = reads.get(size);
      if (!measured) continue;
      const v = measured.visibility;
      readRows.push({
        scenario: 'dashboard',
        case: `visibility: 201 to the write in GET /indicators/{key} p99, under ${WRITE_RATE} commands/s, ${label(size)} events (p50 ${v.p50.toFixed(1)} ms, ${v.samples} writes)`,
        unit: 'ms',
        value: v.p99,
        target: 'p99 < 100 ms',
        met: v.p99 < 100 && v.unseen === 0,
        notes: [`max ${v.max.toFixed(0)} ms; ${v.unseen} writes not shown within 10 s`, ...loadNote(size)],
      });
    }
    return { rows: [...rebuildRows, ...readRows], bytesPerEvent, rebuildRate };
  });
}
