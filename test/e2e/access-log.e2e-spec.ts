// The api's log as an operator's collector reads it: real requests through the app, its JSON lines captured
// from the logger's destination and read field by field. Each request has one line with its id (the caller's
// X-Request-Id when sane, echoed in the response), method, path, status, time in ms and the officer; the time
// is UTC; nothing of a body, an Authorization header, a cookie or a citizen id is in any line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { loadConfig } from '@ledger/ledger';
import { READ_STORE, type ReadStore } from '@ledger/read-store';
import { createApp } from '../../apps/ledger-api/src/create-app';
import { at } from './support/test-app';
import { inspector, officer, TEST_TOKEN_SECRET } from './support/tokens';

jest.setTimeout(120_000);

const CITIZEN_ID = '058200009931';
const NAME = 'Pi Năng Thị Lụa';
const COOKIE = 'session=cookie-value-that-must-not-be-logged';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Line {
  level: string;
  time: string;
  requestId?: string;
  req?: { method: string; path: string };
  status?: number;
  ms?: number;
  officer?: string;
  msg: string;
  [key: string]: unknown;
}

describe('access log: JSON lines with request ids, never a secret', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-access-log-'));
  let written = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString();
      done();
    },
  });
  let app: INestApplication;

  beforeAll(async () => {
    const config = loadConfig({
      LEDGER_DATA_DIR: dataDir,
      PORT: '0',
      LEDGER_SEED_ON_START: 'true',
      LEDGER_HEAD_SIGNING_INTERVAL_MINUTES: '0',
      LEDGER_TOKEN_SECRET: TEST_TOKEN_SECRET,
      LEDGER_RATE_LIMIT_PER_MINUTE: '0',
      LEDGER_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '0',
    });
    app = await createApp(config, { logger: false, logTo: sink });
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const lines = (): Line[] =>
    written
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Line);
  /** The request's line: written once its response has finished, so given a moment. */
  async function lineOf(requestId: string): Promise<Line> {
    for (let i = 0; i < 40; i++) {
      const line = lines().find((l) => l.requestId === requestId && l.req !== undefined);
      if (line) return line;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`no log line for request ${requestId} in:\n${written}`);
  }
  const http = () => request(app.getHttpServer());

  it('writes one JSON line per request: its id (echoed), method, path, status, ms, officer; UTC time', async () => {
    const res = await http()
      .post('/housing-cases')
      .set(officer())
      .set('X-Request-Id', 'proxy-7f3a.42')
      .set('Cookie', COOKIE)
      .send({
        householdHeadCitizenId: CITIZEN_ID,
        householdHeadName: NAME,
        commune: 'KH-BAC-AI-DONG',
        category: 'poor',
        occurredAt: at('2026-03-02'),
      });
    expect(res.status).toBe(201);
    expect(res.headers['x-request-id']).toBe('proxy-7f3a.42');

    const line = await lineOf('proxy-7f3a.42');
    expect(line).toMatchObject({
      level: 'info',
      req: { method: 'POST', path: '/housing-cases' },
      status: 201,
      officer: 'can-bo-01',
      msg: 'POST /housing-cases 201',
    });
    expect(typeof line.ms).toBe('number');
    expect(line.ms).toBeGreaterThanOrEqual(0);
    expect(line.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Math.abs(Date.parse(line.time) - Date.now())).toBeLessThan(60_000);
  });

  it('gives a request without a sane X-Request-Id a new UUID, echoed and logged', async () => {
    const cases: Array<Record<string, string>> = [
      {},
      { 'X-Request-Id': 'has spaces and ; semicolons' },
      { 'X-Request-Id': 'x'.repeat(300) },
      { 'X-Request-Id': `citizen-${CITIZEN_ID}` },
    ];
    const ids = new Set<string>();
    for (const headers of cases) {
      const res = await http().get('/indicators').set(headers);
      expect(res.status).toBe(200);
      const id = res.headers['x-request-id'] as string;
      expect(id).toMatch(UUID);
      ids.add(id);
      const line = await lineOf(id);
      expect(line).toMatchObject({ req: { method: 'GET', path: '/indicators' }, status: 200 });
      // An anonymous caller has no officer.
      expect(line.officer).toBeUndefined();
    }
    expect(ids.size).toBe(cases.length);
  });

  it('logs refusals (a body that is not JSON, a missing token) with their status, and masks ids in paths', async () => {
    const broken = await http()
      .post('/housing-cases')
      .set(officer())
      .set('Content-Type', 'application/json')
      .send(`{"householdHeadCitizenId":"${CITIZEN_ID}", "commune": `);
    expect(broken.status).toBe(400);
    expect(await lineOf(broken.headers['x-request-id'] as string)).toMatchObject({
      req: { method: 'POST', path: '/housing-cases' },
      status: 400,
    });

    const anonymous = await http().get('/trail?orgUnit=KH-BAC-AI-DONG&reason=Khi%E1%BA%BFu%20n%E1%BA%A1i');
    expect(anonymous.status).toBe(401);
    expect(await lineOf(anonymous.headers['x-request-id'] as string)).toMatchObject({
      req: { path: '/trail?orgUnit=KH-BAC-AI-DONG&reason=-' },
      status: 401,
    });

    const byId = await http().get(`/beneficiaries/${CITIZEN_ID}/history`).set(inspector());
    const line = await lineOf(byId.headers['x-request-id'] as string);
    expect(line.req?.path).toBe('/beneficiaries/############/history');
    expect(line.status).toBe(byId.status);
    expect(line.officer).toBeDefined();
  });

  it("carries the request's id on what is logged while serving it: a store that does not answer, 503", async () => {
    await app.get<ReadStore>(READ_STORE).close();
    const res = await http().get('/indicators').set('X-Request-Id', 'store-down-1');
    expect(res.status).toBe(503);
    const line = await lineOf('store-down-1');
    expect(line).toMatchObject({ level: 'error', status: 503, req: { method: 'GET', path: '/indicators' } });
    const error = lines().find((l) => l.requestId === 'store-down-1' && l.context === 'Errors');
    expect(error).toMatchObject({ level: 'error' });
    expect(String(error?.msg)).toMatch(/read store/i);
  });

  it('holds no body, Authorization header, cookie, citizen id or colour code in any line', () => {
    const all = lines();
    expect(all.length).toBeGreaterThan(5);
    for (const line of all) {
      expect(typeof line.level).toBe('string');
      expect(line.time).toMatch(/Z$/);
    }
    const token = (officer().Authorization as string).slice('Bearer '.length);
    for (const secret of [CITIZEN_ID, NAME, 'Pi N', 'cookie-value', token, ...token.split('.')])
      expect(written).not.toContain(secret);
    expect(written.toLowerCase()).not.toMatch(/authorization|"cookie"|bearer|householdhead/);
    // eslint-disable-next-line no-control-regex
    expect(written).not.toMatch(/\u001b\[/);
  });
});
