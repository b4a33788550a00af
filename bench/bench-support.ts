// Shared by the benchmarks: command-line options, medians and percentiles, temporary directories, sample
// envelopes, child processes that report one JSON line.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventMetadata } from '@ledger/domain';

const args = process.argv.slice(2);

export function stringOption(name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
  return value;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile (p in 0..100) of unsorted values. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export async function inTempDir<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function metadata(orgUnit: string, occurredAt: string, agency = 'LDTBXH-BAC-AI'): EventMetadata {
  const id = randomUUID();
  return {
    occurredAt,
    actor: { officer: 'can-bo-01', agency, role: 'officer' },
    orgUnit,
    commandId: id,
    correlationId: id,
    causationId: id,
    evidence: [],
  };
}

export function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The compiled bench script next to this one (dist-bench/bench/<name>.js). */
export const benchScript = (name: string): string => join(__dirname, `${name}.js`);

/**
 * Runs `node <script> <args>` and resolves with the JSON object it prints as its last line of stdout. Its
 * stderr goes to ours (progress). Used so that each measurement has its own process: its own heap, its own
 * peak RSS, and a second core for a load generator.
 */
export function runChild<T>(
  script: string,
  childArgs: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...childArgs], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`${script} exited ${code}: ${out.slice(-2000)}`));
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${script} printed no JSON result: ${out.slice(-2000)}`));
      }
    });
  });
}

/** A server in a child process, listening on the port it printed (`... http://host:PORT ...`). */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function startServer(
  script: string,
  childArgs: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 120_000,
): Promise<ServerProcess> {
  return new Promise<ServerProcess>((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...childArgs], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    let settled = false;
    const exited = new Promise<void>((done) => child.on('close', () => done()));
    const stop = async (): Promise<void> => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    };
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      void stop();
      reject(new Error(`${script} did not start listening within ${timeoutMs} ms:\n${log.slice(-3000)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      log += chunk.toString('utf8');
      if (log.length > 100_000) log = log.slice(-50_000);
      const match = /https?:\/\/[^\s:/]+:(\d+)/.exec(log);
      if (match && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${match[1]}`, child, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(`${script} exited ${code} before listening:\n${log.slice(-3000)}`));
    });
  });
}

export function progress(message: string): void {
  process.stderr.write(`  ${message}\n`);
}
