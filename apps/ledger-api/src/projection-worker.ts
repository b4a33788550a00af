// The worker thread in which `npm start` runs the projections (see ProjectionWorkerHost): what the projector
// process runs (the runner, the signing of tree heads on their schedule), on its own connections to the
// stores, answering the api's main thread through serveProjections. Configuration is read from the same
// environment as the main thread's.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { parentPort } from 'node:worker_threads';
import {
  LedgerModule,
  loadConfig,
  PROJECTION_RUNNER,
  serveProjections,
  TreeHeadSigningModule,
  type ServedProjections,
} from '@ledger/ledger';
import { createJsonLogger } from '@ledger/ledger/logging/json-logger';
import type { ProjectionRunner } from '@ledger/projections';
import { Logger, PinoLogger } from 'nestjs-pino';

async function boot(): Promise<ServedProjections> {
  const config = loadConfig();
  const params = { pinoHttp: { logger: createJsonLogger() } };
  const app = await NestFactory.createApplicationContext(
    LedgerModule.forRoot(config, { runProjections: true, features: [TreeHeadSigningModule] }),
    { abortOnError: false, logger: new Logger(new PinoLogger(params), params) },
  );
  await app.init();
  return { runner: app.get<ProjectionRunner>(PROJECTION_RUNNER), close: () => app.close() };
}

if (!parentPort) throw new Error('projection-worker runs only as a worker thread of the ledger api');
// A worker that cannot boot (or whose runner throws outside a projection) ends with the reason; the main
// thread logs it and starts another.
serveProjections(parentPort, boot()).catch((error: unknown) => {
  setImmediate(() => {
    throw error;
  });
});
