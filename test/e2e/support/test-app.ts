// Starts the real ledger API on a temporary embedded store, as `npm start` would, for supertest.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { loadConfig } from '@ledger/ledger';
import { createApp } from '../../../apps/ledger-api/src/create-app';
import { inspector, TEST_TOKEN_AUDIENCE, TEST_TOKEN_ISSUER, TEST_TOKEN_SECRET } from './tokens';

type Client = ReturnType<typeof request>;

export interface TestLedger {
  app: INestApplication;
  dataDir: string;
  /**
   * A supertest client whose requests carry `headers` (default: a district-wide inspector's token, who
   * reads everything and writes nothing); a request's own .set(...) overrides them.
   */
  http: (headers?: Record<string, string>) => Client;
  /** A client that sends no token: what the public sees. */
  anonymous: () => Client;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** `seed`: load the repository's plan folder at start, as `npm start` does (off by default: faster). */
export async function startTestLedger(
  options: { seed?: boolean; env?: Record<string, string> } = {},
  dataDir = mkdtempSync(join(tmpdir(), 'ledger-e2e-')),
): Promise<TestLedger> {
  const config = loadConfig({
    LEDGER_DATA_DIR: dataDir,
    PORT: '0',
    LEDGER_SEED_ON_START: options.seed ? 'true' : 'false',
    // Heads are signed on demand in tests; a timer would outlive a suite.
    LEDGER_HEAD_SIGNING_INTERVAL_MINUTES: '0',
    // Tokens of support/tokens.ts; rate limits are tested on their own.
    LEDGER_TOKEN_SECRET: TEST_TOKEN_SECRET,
    LEDGER_TOKEN_ISSUER: TEST_TOKEN_ISSUER,
    LEDGER_TOKEN_AUDIENCE: TEST_TOKEN_AUDIENCE,
    LEDGER_RATE_LIMIT_PER_MINUTE: '0',
    LEDGER_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '0',
    ...options.env,
  });
  const boot = async () => {
    const app = await createApp(config, { logger: false });
    await app.init();
    return app;
  };
  const ledger: TestLedger = {
    app: await boot(),
    dataDir,
    http: (headers = inspector()) => withHeaders(request(ledger.app.getHttpServer()), headers),
    anonymous: () => request(ledger.app.getHttpServer()),
    async restart() {
      await ledger.app.close();
      ledger.app = await boot();
    },
    async close() {
      await ledger.app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return ledger;
}

export { officer } from './tokens';

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

function withHeaders(client: Client, headers: Record<string, string>): Client {
  const wrapped: Partial<Record<(typeof METHODS)[number], (url: string) => unknown>> = {};
  for (const method of METHODS) wrapped[method] = (url: string) => client[method](url).set(headers);
  return wrapped as Client;
}

export const at = (date: string) => `${date}T09:00:00+07:00`;
