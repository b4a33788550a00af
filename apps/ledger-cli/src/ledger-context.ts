// A Nest application context over the ledger's module, for the commands that write or query through the
// same handlers as the api. Nest's own logs go to stderr, warnings and errors only.
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext, Type } from '@nestjs/common';
import { LedgerModule, loadConfig, type LedgerConfig } from '@ledger/ledger';
import type { ProjectionRunner, RebuildProgress } from '@ledger/projections';

/** `features`: the feature modules the command uses (every one unless told). */
export async function withLedger<T>(
  options: { runProjections: boolean; config?: LedgerConfig; features?: Type<unknown>[] },
  use: (app: INestApplicationContext, config: LedgerConfig) => Promise<T>,
): Promise<T> {
  const config = options.config ?? loadConfig();
  const app = await NestFactory.createApplicationContext(
    LedgerModule.forRoot(config, { runProjections: options.runProjections, features: options.features }),
    { abortOnError: false, logger: ['error', 'warn'] },
  );
  try {
    await app.init();
    return await use(app, config);
  } finally {
    await app.close();
  }
}

/** A single updating line on a terminal; a plain line every `every` items otherwise. */
export function progressPrinter(label: string, every = 100) {
  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  let last = 0;
  return {
    update(done: number, total: number): void {
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      const eta = rate > 0 ? Math.max(0, (total - done) / rate) : 0;
      if (tty) {
        const width = 30;
        const filled = total > 0 ? Math.round((done / total) * width) : width;
        process.stderr.write(
          `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${rate.toFixed(0)}/s eta ${eta.toFixed(0)}s `,
        );
      } else if (done - last >= every || done === total) {
        last = done;
        console.log(`${label}: ${done}/${total} (${rate.toFixed(0)}/s, about ${eta.toFixed(0)}s left)`);
      }
    },
    done(): void {
      if (tty) process.stderr.write('\n');
    },
  };
}

/**
 * Rebuilds `projection`, or every projection in one pass over the log, with a progress line (a plain line
 * every `every` events when stderr is not a terminal). The lanes of one pass move together, so the first
 * one's position stands for them all.
 */
export async function rebuildWithProgress(
  runner: ProjectionRunner,
  label: string,
  every: number,
  projection?: string,
): Promise<RebuildProgress[]> {
  const progress = progressPrinter(label, every);
  const lead = projection ?? runner.projectionNames[0];
  const onProgress = (p: RebuildProgress): void => {
    if (p.projection === lead) progress.update(p.position, p.targetPosition);
  };
  const results = projection
    ? [await runner.rebuild(projection, { onProgress })]
    : await runner.rebuildAll({ onProgress });
  progress.done();
  return results;
}
