// Starts the real ledger API on a temporary embedded store, as `npm start` would, for supertest.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { loadConfig } from '@ledger/ledger';
import { createApp } from '../../../apps/ledger-api/src/create-app';

export interface TestLedger {
  app: INestApplication;
  dataDir: string;
  http: () => ReturnType<typeof request>;
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
    http: () => request(ledger.app.getHttpServer()),
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

export const officer = (agency = 'LDTBXH-BAC-AI', id = 'can-bo-01') => ({
  'X-Officer-Id': id,
  'X-Agency': agency,
  'X-Role': 'officer',
});

export const at = (date: string) => `${date}T09:00:00+07:00`;
