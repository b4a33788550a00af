// The projector process: applies the projections from the event store to the read store, alone, for the
// production setup where API instances are stateless (LEDGER_PROJECTIONS_IN_API=false there). Logs JSON lines
// (as the api does), each projection's state and lag every few seconds; stops cleanly on SIGINT/SIGTERM.
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
import { createJsonLogger } from '@ledger/ledger/logging/json-logger';
import type { ProjectionRunner } from '@ledger/projections';
import { Logger, PinoLogger } from 'nestjs-pino';

const REPORT_EVERY_MS = 5000;

async function main(): Promise<void> {
  const config = loadConfig();
  const root = createJsonLogger();
  const params = { pinoHttp: { logger: root } };
  // Only what it runs: the core (stores, plan, projection runner) and the signing of tree heads.
  const app = await NestFactory.createApplicationContext(
    LedgerModule.forRoot(config, { runProjections: true, features: [TreeHeadSigningModule] }),
    { abortOnError: false, logger: new Logger(new PinoLogger(params), params) },
  );
  app.enableShutdownHooks();
  await app.init();
  const runner = app.get<ProjectionRunner>(PROJECTION_RUNNER);
  root.info(`projector: running ${runner.projectionNames.join(', ')} (Ctrl-C to stop)`);
  const report = setInterval(() => {
    void runner.status().then((statuses) => {
      const line = statuses.map((s) => `${s.name} ${s.state} at ${s.checkpoint} (lag ${s.lag})`).join('; ');
      const projections = statuses.map(({ name, state, checkpoint, lag }) => ({
        name,
        state,
        checkpoint,
        lag,
      }));
      root.info({ projections }, `projector: ${line}`);
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
