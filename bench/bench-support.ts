// Shared by the benchmarks: command-line options, medians, temporary directories, sample envelopes.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventMetadata } from '@ledger/domain';

const args = process.argv.slice(2);

export function numberOption(name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
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
