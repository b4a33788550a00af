// Entry point of the ledger API: validates configuration, then serves on PORT.
import 'reflect-metadata';
import { PlanSeedInvalidError } from '@ledger/domain';
import { ConfigError, loadConfig } from '@ledger/ledger';
import { join } from 'node:path';
import { Logger } from 'nestjs-pino';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfig();
  // The projections (when this process runs them) in a worker thread: their read-store commits never hold up
  // a request.
  const app = await createApp(config, { projectionWorker: join(__dirname, 'projection-worker.js') });
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  app
    .get(Logger)
    .log(
      `Policy ledger listening on http://${host}:${port} (data directory ${config.dataDir}, event store ${config.eventStore})`,
      'Main',
    );
  // The log is JSON lines; a person at a terminal also gets where to go next.
  if (process.stdout.isTTY) {
    console.log(`  Dashboard: http://${host}:${port}/   API docs: http://${host}:${port}/docs`);
    console.log('  A token for the inspection view or for writes: npm run -s cli -- token --help');
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof PlanSeedInvalidError;
  console.error(known ? error.message : error);
  process.exit(1);
});
