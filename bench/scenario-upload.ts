// Scenario: a register of 10,000 housing registrations uploaded in one request (POST /uploads/<action>: every
// row checked, then recorded through the CommandBus many at a time, the embedded store committing the appends
// made together in one transaction) beside the same rows sent one by one over HTTP (POST /housing-cases, one
// round trip per row, as a script without the upload would), on the built API with embedded stores. The
// ratio of the two rates is the figure: both are measured in the same run, on the same machine state.
import { join } from 'node:path';
import { accessTokensFor, loadConfig } from '@ledger/ledger';
import { inTempDir, progress, startServer } from './bench-support';
import { ledgerEnv, ledgerMain } from './scenario-http';
import type { Row } from './report';

export interface UploadSettings {
  rows: number;
}

const AGENCY = 'VHXH-XA-BAC-AI-DONG';
const COMMUNE = 'KH-BAC-AI-DONG';

const citizen = (series: number, i: number) => `05${series}${String(i).padStart(9, '0')}`;

async function officerToken(dataDir: string): Promise<string> {
  const tokens = accessTokensFor(loadConfig(ledgerEnv(dataDir)));
  return tokens.issue(
    { sub: 'can-bo-bench', agency: AGENCY, orgUnits: [COMMUNE], roles: ['officer'] },
    { ttlSeconds: 24 * 3600 },
  );
}

export async function uploadScenario(settings: UploadSettings): Promise<Row[]> {
  const n = settings.rows;
  progress(`upload: ${n} rows in one upload, and the same number one by one over HTTP`);
  return inTempDir('bench-upload-', async (dir) => {
    const dataDir = join(dir, 'data');
    const server = await startServer(ledgerMain(), [], ledgerEnv(dataDir));
    try {
      const auth = { authorization: `Bearer ${await officerToken(dataDir)}` };
      const lines = ['row_id,citizen_id,commune,category,occurred_at'];
      for (let i = 0; i < n; i++) lines.push(`U-${i},${citizen(8, i)},${COMMUNE},poor,2026-03-02`);
      const csv = lines.join('\n') + '\n';

      let started = process.hrtime.bigint();
      const res = await fetch(`${server.url}/uploads/housing_registered`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'text/csv' },
        body: csv,
      });
      const text = await res.text();
      const uploadSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const result = JSON.parse(text.trim().split('\n').pop() ?? '{}') as {
        recorded?: number;
        type?: string;
      };
      if (result.recorded !== n)
        throw new Error(`upload recorded ${result.recorded} of ${n}: ${text.slice(-500)}`);
      progress(`upload: ${n} rows in ${uploadSeconds.toFixed(1)} s`);

      started = process.hrtime.bigint();
      for (let i = 0; i < n; i++) {
        const one = await fetch(`${server.url}/housing-cases`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({
            householdHeadCitizenId: citizen(9, i),
            commune: COMMUNE,
            category: 'poor',
            occurredAt: '2026-03-02T00:00:00+07:00',
          }),
        });
        if (one.status !== 201) throw new Error(`one by one: ${one.status} ${await one.text()}`);
        await one.arrayBuffer();
      }
      const oneByOneSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      progress(`upload: the same ${n} rows one by one in ${oneByOneSeconds.toFixed(1)} s`);
      const uploadRate = n / uploadSeconds;
      const oneRate = n / oneByOneSeconds;
      return [
        {
          scenario: 'upload',
          case: `${n} housing registrations, one CSV upload`,
          unit: 'rows/s',
          value: Math.round(uploadRate),
          limit: { name: 'the same rows one by one over HTTP', value: Math.round(oneRate) },
          ratio: uploadRate / oneRate,
          notes: [`upload ${uploadSeconds.toFixed(1)} s, one by one ${oneByOneSeconds.toFixed(1)} s`],
        },
      ];
    } finally {
      await server.stop();
    }
  });
}
