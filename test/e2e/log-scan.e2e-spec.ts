// Decree 13/2023/ND-CP: no citizen id in clear in anything the ledger writes. The built API runs as a
// child process with its logs on (one JSON line per request, errors with their stack); officers record actions
// with citizen ids, some valid and some refused, an inspector reads a beneficiary history; then the whole
// log and every file of the data directory are scanned for the ids.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApps } from '../cli/support/built-cli';
import { kill, startApi, type Child } from '../reliability/support/child-ledger';
import { at } from './support/test-app';
import { inspector, officer, supervisor } from './support/tokens';

const IDS = ['058200007001', '058200007002', '058200007003', '058200007004', '058200007005'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('no citizen id in clear in the logs or the stores', () => {
  const build = mkdtempSync(join(tmpdir(), 'ledger-logscan-build-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-logscan-data-'));
  let api: Child & { url: string };

  beforeAll(async () => {
    buildApps(build);
    api = await startApi(build, dataDir, { LEDGER_SEED_ON_START: 'true', LEDGER_ACCESS_LOG: 'true' });
  }, 180_000);
  afterAll(async () => {
    if (api) await kill(api, 'SIGTERM');
    for (const dir of [build, dataDir]) rmSync(dir, { recursive: true, force: true });
  });

  async function send(path: string, body: unknown, headers: Record<string, string> = officer()) {
    const res = await fetch(api.url + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('logs requests, refusals and errors without a citizen id, and stores none', async () => {
    const housing = await send('/housing-cases', {
      householdHeadCitizenId: IDS[0],
      commune: 'KH-BAC-AI-DONG',
      category: 'poor',
      occurredAt: at('2026-03-02'),
    });
    expect(housing.status).toBe(201);
    const payment = await send('/subsidy-payments', {
      beneficiaryCitizenId: IDS[1],
      programme: 'tro-cap-xa-hoi',
      period: '2026-03',
      amountVnd: 500_000,
      method: 'bank',
      commune: 'KH-BAC-AI-DONG',
      occurredAt: at('2026-03-20'),
    });
    expect(payment.status).toBe(201);
    // Refused for a bad field, for the wrong agency, and a body that is not JSON at all.
    const badCategory = await send('/housing-cases', {
      householdHeadCitizenId: IDS[2],
      commune: 'KH-BAC-AI-DONG',
      category: 'rich',
      occurredAt: at('2026-03-02'),
    });
    expect(badCategory.status).toBe(400);
    const wrongAgency = await send(
      '/subsidy-payments',
      {
        beneficiaryCitizenId: IDS[3],
        programme: 'tro-cap-xa-hoi',
        period: '2026-04',
        amountVnd: 500_000,
        method: 'bank',
        commune: 'KH-BAC-AI-DONG',
        occurredAt: at('2026-04-20'),
      },
      officer('TTYT-BAC-AI'),
    );
    expect(wrongAgency.status).toBe(403);
    const broken = await send('/housing-cases', `{"householdHeadCitizenId":"${IDS[4]}", "commune": `);
    expect(broken.status).toBe(400);
    const correction = await send(
      '/corrections',
      {
        correctsEventId: (payment.body.eventIds as string[])[0],
        kind: 'amendment',
        reason: 'Số tiền ghi nhầm',
        changes: { beneficiaryCitizenId: IDS[1] },
        occurredAt: at('2026-03-21'),
      },
      supervisor(),
    );
    expect(correction.status).toBe(400);
    const ref = /(b-[0-9a-f]{32})/.exec(payment.body.stream as string)![1];
    // A free-text reason may name a person; a token in the query string is refused, and must not be kept.
    const reason = 'Khiếu nại của bà Nguyễn Thị Ánh về trợ cấp';
    const smuggled = (inspector().Authorization as string).slice('Bearer '.length);
    const inQuery = await fetch(`${api.url}/trail?access_token=${smuggled}&orgUnit=KH-BAC-AI-DONG`);
    expect(inQuery.status).toBe(401);
    for (let i = 0; i < 50; i++) {
      const res = await fetch(
        `${api.url}/beneficiaries/${ref}/history?reason=${encodeURIComponent(reason)}`,
        { headers: inspector() },
      );
      if (res.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    // An inspector may name the person by citizen id (with a reason, the read recorded): the server hashes
    // it, and the log keeps neither the id nor the reason.
    const byId = await fetch(`${api.url}/trail?beneficiary=${IDS[0]}&reason=${encodeURIComponent(reason)}`, {
      headers: inspector(),
    });
    expect(byId.status).toBe(200);
    // One JSON line per request (method, path, status, ms, officer, request id): each read as a collector would.
    const requests = () =>
      api
        .output()
        .split('\n')
        // A line still being written is complete on the next look.
        .filter((line) => line.startsWith('{') && line.endsWith('}'))
        .map((line) => JSON.parse(line) as { req?: { method: string; path: string }; status?: number })
        .filter((line) => line.req !== undefined)
        .map((line) => `${line.req!.method} ${line.req!.path} ${line.status}`);
    const logged = async (pattern: RegExp) => {
      for (let i = 0; i < 40 && !requests().some((r) => pattern.test(r)); i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      return requests();
    };
    expect(await logged(/^GET \/trail\?beneficiary\S+ 200$/)).toContain(
      'GET /trail?beneficiary=-&reason=- 200',
    );

    // A request's log line is written once its response has finished: give the last one a moment.
    const lines = await logged(/^GET \/beneficiaries\/\S+ 200$/);
    const log = api.output();
    expect(lines).toContain('POST /housing-cases 201');
    expect(lines).toContain('POST /subsidy-payments 403');
    // The query string is logged through an allow-list: harmless codes kept, anything else named only.
    expect(lines.some((r) => /^GET \/beneficiaries\/b-[0-9a-f]{32}\/history\?reason=- 200$/.test(r))).toBe(
      true,
    );
    expect(lines).toContain('GET /trail?access_token=-&orgUnit=KH-BAC-AI-DONG 401');
    const inLog = IDS.filter((id) => log.includes(id));
    expect(inLog).toEqual([]);
    expect(log).not.toContain(smuggled.split('.')[2]);
    for (const text of [reason, encodeURIComponent(reason), 'Nguy']) expect(log).not.toContain(text);

    const inFiles = filesUnder(dataDir).flatMap((file) => {
      const bytes = readFileSync(file);
      return IDS.filter((id) => bytes.includes(id)).map((id) => `${file}: ${id}`);
    });
    expect(inFiles).toEqual([]);
  });
});
