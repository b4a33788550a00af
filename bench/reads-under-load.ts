// Dashboard reads under a write load: a paced writer in its own process (http-load.js at a fixed rate of
// commands per second) while the endpoints are timed, and the visibility of a write: the time from the 201 of
// a command to the first GET /indicators/{key} that shows it.
import { benchScript, percentile, runChild, sleep } from './bench-support';
import type { LoadResult, LoadSettings } from './http-load';
import { officerHeaders } from './scenario-http';

export const WRITE_RATE = 500;

/** Starts the paced writer; resolves with its result when it ends, after `seconds`. */
export async function startWriteLoad(
  url: string,
  seconds: number,
  offset: number,
): Promise<Promise<LoadResult>> {
  const load: LoadSettings = {
    url,
    connections: 32,
    seconds,
    offset,
    rate: WRITE_RATE,
    headers: {
      officer: await officerHeaders('LDTBXH-BAC-AI'),
      insurer: await officerHeaders('BHXH-BAC-AI'),
    },
  };
  const result = runChild<LoadResult>(benchScript('http-load'), [], { BENCH_LOAD: JSON.stringify(load) });
  // The writer's start (a process, autocannon's connections) is no part of the load: wait until it runs.
  await sleep(1500);
  return result;
}

// The writer records in six communes; the probes in one it never writes, so that a change of that commune's
// figure is the probe's own write.
const PROBE_COMMUNE = 'BA-PHUOC-CHINH';
// Dated before the reorganisation of 1 July 2025 (as the writer's actions), read as of its eve.
const PROBE_PATH = `/indicators/health_insurance_coverage?orgUnit=${PROBE_COMMUNE}&asOf=2025-06-30`;

type Get = (
  url: string,
  headers: Record<string, string>,
) => Promise<{ status: number; ms: number; body: string }>;
type Post = (
  url: string,
  headers: Record<string, string>,
  body: object,
) => Promise<{ status: number; ms: number; body: string }>;

export interface Visibility {
  p50: number;
  p99: number;
  max: number;
  samples: number;
  /** Probes whose write did not show within the deadline. */
  unseen: number;
}

/**
 * Until `until` (epoch ms): enrol one person in the probe commune, then read its health insurance figure
 * every few milliseconds until it changed; the sample is the time from the 201 to that read's answer.
 */
export async function probeVisibility(
  baseUrl: string,
  get: Get,
  post: Post,
  offset: number,
  until: number,
): Promise<Visibility> {
  const insurer = { ...(await officerHeaders('BHXH-BAC-AI')), accept: 'application/json' };
  const figure = async () => {
    const res = await get(baseUrl + PROBE_PATH, insurer);
    if (res.status !== 200) throw new Error(`${PROBE_PATH}: ${res.status} ${res.body.slice(0, 300)}`);
    return JSON.stringify((JSON.parse(res.body) as { progress: unknown }).progress);
  };
  const times: number[] = [];
  let unseen = 0;
  for (let i = 0; Date.now() < until || times.length < 20; i++) {
    const before = await figure();
    const res = await post(`${baseUrl}/health-insurance-enrolments`, insurer, {
      beneficiaryCitizenId: '0583' + String((offset + i) % 1e8).padStart(8, '0'),
      commune: PROBE_COMMUNE,
      scheme: 'ethnic_minority_area',
      year: 2025,
      occurredAt: '2025-01-05T09:00:00+07:00',
    });
    if (res.status !== 201) throw new Error(`probe write: ${res.status} ${res.body.slice(0, 300)}`);
    const acknowledged = process.hrtime.bigint();
    const deadline = Date.now() + 10_000;
    for (;;) {
      if ((await figure()) !== before) {
        times.push(Number(process.hrtime.bigint() - acknowledged) / 1e6);
        break;
      }
      if (Date.now() > deadline) {
        unseen++;
        break;
      }
      await sleep(2);
    }
    if (times.length + unseen >= 2000) break;
  }
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: Math.max(...times),
    samples: times.length,
    unseen,
  };
}
