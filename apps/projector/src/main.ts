// The projector process: applies the projections from the event store to the read store, alone, for the
// production setup where API instances are stateless (LEDGER_PROJECTIONS_IN_API=false there). Prints each
// projection's state and lag every few seconds; stops cleanly on SIGINT/SIGTERM.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { PlanSeedInvalidError } from '@ledger/domain';
import { EventStoreError } from '@ledger/event-store';
import {
  ConfigError,
  LedgerModule,
  loadConfig,
  PROJECTION_RUNNER,
  TreeHeadSigningModule,
} from '@ledger/ledger';
import type { ProjectionRunner } from '@ledger/projections';

const REPORT_EVERY_MS = 5000;

async function main(): Promise<void> {
  const config = loadConfig();
  // Only what it runs: the core (stores, plan, projection runner) and the signing of tree heads.
  const app = await NestFactory.createApplicationContext(
    LedgerModule.forRoot(config, { runProjections: true, features: [TreeHeadSigningModule] }),
    {
      abortOnError: false,
    },
  );
  app.enableShutdownHooks();
  await app.init();
  const runner = app.get<ProjectionRunner>(PROJECTION_RUNNER);
  console.log(`projector: running ${runner.projectionNames.join(', ')} (Ctrl-C to stop)`);
  const report = setInterval(() => {
    void runner.status().then((statuses) => {
      const line = statuses.map((s) => `${s.name} ${s.state} at ${s.checkpoint} (lag ${s.lag})`).join('; ');
      console.log(`projector: ${line}`);
    });
  }, REPORT_EVERY_MS);
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  clearInterval(report);
  await app.close();
}

main().catch((error: unknown) => {
  const known =
    error instanceof ConfigError || error instanceof EventStoreError || error instanceof PlanSeedInvalidError;
  console.error(known ? error.message : error);
  process.exit(1);
});
