// Access control over HTTP: every route × every role × a bad token, read from the OpenAPI
// document so that a new route cannot escape the matrix; then the finer rules: agency rights, org-unit scope
// for writes and reads, the recorded read of a beneficiary history, rate limits, and what the public sees.
import { randomUUID } from 'node:crypto';
import type { Role } from '@ledger/domain';
import { headPosition, housingCaseAt, post, untilProjected } from './support/ledger-client';
import { at, officer, startTestLedger, type TestLedger } from './support/test-app';
import { admin, bearer, inspector, supervisor, tokenFor, viewer } from './support/tokens';

type Operation = {
  security?: unknown[];
  responses?: Record<string, { description?: string }>;
};
type Route = { method: string; path: string; allowed: 'anyone' | Role[] };

const ROLES: Role[] = ['officer', 'supervisor', 'inspector', 'viewer', 'admin'];

/** The routes of the OpenAPI document with the roles their 403 response names (none: public). */
async function routesOf(ledger: TestLedger): Promise<Route[]> {
  const doc = await ledger.anonymous().get('/docs-json').expect(200);
  const routes: Route[] = [];
  for (const [path, item] of Object.entries(doc.body.paths as Record<string, Record<string, Operation>>)) {
    for (const [method, op] of Object.entries(item)) {
      const forbidden = op.responses?.['403']?.description ?? '';
      const match = /^allowed: ([a-z, ]+)\./.exec(forbidden);
      routes.push({
        method,
        path,
        allowed: match ? (match[1].split(', ') as Role[]) : 'anyone',
      });
    }
  }
  return routes;
}

/** A concrete URL for an OpenAPI path: ids become fresh UUIDs, codes and keys known ones. */
function concrete(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (/id$/i.test(name)) return randomUUID();
    if (name === 'code') return 'LDTBXH-BAC-AI';
    if (name === 'key') return 'houses_built';
    if (name === 'ref') return `b-${'0'.repeat(32)}`;
    if (name === 'stream') return `housing-case-${randomUUID()}`;
    return 'x1';
  });
}

function call(ledger: TestLedger, route: Route, headers?: Record<string, string>) {
  const client = headers ? ledger.http(headers) : ledger.anonymous();
  const url = concrete(route.path);
  const method = route.method as 'get' | 'post' | 'delete' | 'put' | 'patch';
  const req = client[method](url);
  return method === 'get' || method === 'delete' ? req : req.send({});
}

describe('access control', () => {
  let ledger: TestLedger;
  let routes: Route[];

  beforeAll(async () => {
    ledger = await startTestLedger({ seed: true });
    routes = await routesOf(ledger);
  }, 60_000);
  afterAll(() => ledger.close());

  it('states a rule for every route, and the core routes have their expected rules', () => {
    expect(routes.length).toBeGreaterThan(40);
    const rule = (method: string, path: string) =>
      routes.find((r) => r.method === method && r.path === path)?.allowed;
    expect(rule('post', '/housing-cases')).toEqual(['officer', 'supervisor']);
    expect(rule('post', '/corrections')).toEqual(['supervisor']);
    expect(rule('post', '/indicators/{key}/target-revisions')).toEqual(['supervisor']);
    expect(rule('get', '/trail')).toEqual(['inspector']);
    expect(rule('get', '/beneficiaries/{ref}/history')).toEqual(['inspector']);
    for (const path of ['/indicators', '/indicators/{key}', '/summary', '/reports', '/org-units'])
      expect(rule('get', path)).toBe('anyone');
  });

  it('answers every route x role: 401 without a token, 403 for a role the rule leaves out, else passes the guard', async () => {
    const outcomes: string[] = [];
    for (const route of routes) {
      const name = `${route.method.toUpperCase()} ${route.path}`;
      const anonymous = await call(ledger, route);
      if (route.allowed === 'anyone') expect([name, anonymous.status]).not.toEqual([name, 401]);
      else expect([name, anonymous.status]).toEqual([name, 401]);
      for (const role of ROLES) {
        const res = await call(ledger, route, bearer({ roles: [role] }));
        const allowed = route.allowed === 'anyone' || route.allowed.includes(role);
        const guard =
          res.status === 401 || res.status === 403 ? `${res.status} ${res.body.detail}` : 'passes';
        if (allowed) expect([name, role, guard]).toEqual([name, role, 'passes']);
        else expect([name, role, res.status]).toEqual([name, role, 403]);
        expect(res.status).toBeLessThan(500);
        outcomes.push(`${name} ${role} ${res.status}`);
      }
    }
    expect(outcomes.length).toBe(routes.length * ROLES.length);
  });

  it('refuses an expired, a tampered and a foreign-signed token on every route (401, problem+json)', async () => {
    const good = tokenFor({ roles: ['inspector'] });
    const [head, payload, signature] = good.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const elevated = Buffer.from(JSON.stringify({ ...claims, roles: ['admin', 'supervisor'] })).toString(
      'base64url',
    );
    const bad = {
      expired: tokenFor({ roles: ['inspector'], ttlSeconds: -60 }),
      tampered: `${head}.${elevated}.${signature}`,
      unsigned: `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`,
      garbage: 'not-a-token',
    };
    for (const route of routes) {
      for (const [kind, token] of Object.entries(bad)) {
        const res = await call(ledger, route, { Authorization: `Bearer ${token}` });
        expect([route.method, route.path, kind, res.status]).toEqual([route.method, route.path, kind, 401]);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.headers['www-authenticate']).toContain('Bearer');
      }
    }
  });

  describe('writes', () => {
    const registration = (commune: string, citizenId: string) => ({
      householdHeadCitizenId: citizenId,
      commune,
      category: 'poor',
      occurredAt: at('2026-03-02'),
    });
    const communeOfficer = officer('UBND-PHUOC-DAI', 'can-bo-xa-phuoc-dai', ['BA-PHUOC-DAI']);

    it('a commune officer records in their own commune, and is refused (403, nothing appended) in another', async () => {
      const own = await post(
        ledger,
        '/housing-cases',
        registration('BA-PHUOC-DAI', '058200001001'),
        communeOfficer,
      );
      expect(own.status).toBe(201);
      const before = await headPosition(ledger);
      const other = await post(
        ledger,
        '/housing-cases',
        registration('BA-PHUOC-BINH', '058200001002'),
        communeOfficer,
      );
      expect(other.status).toBe(403);
      expect(other.body.code).toBe('ACCESS_DENIED');
      expect(other.body.detail).toContain('BA-PHUOC-BINH');
      expect(await headPosition(ledger)).toBe(before);
      // Nor a step on another commune's case: refused before the case's state is looked at.
      const elsewhere = await housingCaseAt(ledger, 'registered', '058200001003', 'BA-PHUOC-BINH');
      const step = await post(
        ledger,
        `/housing-cases/${elsewhere}/funding-approvals`,
        { amountVnd: 60_000_000, source: 'central_budget', occurredAt: at('2026-03-10') },
        communeOfficer,
      );
      expect(step.status).toBe(403);
    });

    it('an agency records only its own tasks: a health-centre officer cannot pay an allowance', async () => {
      const before = await headPosition(ledger);
      const res = await post(
        ledger,
        '/allowance-grants',
        {
          beneficiaryCitizenId: '058200001010',
          programme: 'tro-cap-xa-hoi',
          monthlyAmountVnd: 500_000,
          commune: 'BA-PHUOC-DAI',
          occurredAt: at('2026-02-01'),
        },
        officer('TTYT-BAC-AI', 'bac-si-01'),
      );
      expect(res.status).toBe(403);
      expect(res.body.detail).toContain('TTYT-BAC-AI');
      expect(await headPosition(ledger)).toBe(before);
    });

    it('an unknown org unit is a 400 naming the field', async () => {
      const res = await post(ledger, '/housing-cases', registration('PHUOC-NOWHERE', '058200001020'));
      expect(res.status).toBe(400);
      expect(res.body.field).toBe('orgUnit');
    });

    it('records the token officer as the actor, whatever the body says', async () => {
      const res = await post(
        ledger,
        '/housing-cases',
        registration('BA-PHUOC-DAI', '058200001030'),
        communeOfficer,
      );
      expect(res.status).toBe(201);
      const event = await ledger.http().get(`/events/${res.body.eventIds[0]}`).expect(200);
      expect(event.body.metadata.actor).toEqual({
        officer: 'can-bo-xa-phuoc-dai',
        agency: 'UBND-PHUOC-DAI',
        role: 'officer',
      });
      const spoof = await ledger
        .http(communeOfficer)
        .post('/housing-cases')
        .send({ ...registration('BA-PHUOC-DAI', '058200001031'), actor: { officer: 'someone-else' } });
      expect(spoof.status).toBe(400);
    });

    it('a supervisor corrects only their own agency records', async () => {
      const caseId = await housingCaseAt(ledger, 'registered', '058200001040', 'BA-PHUOC-DAI');
      const stream = await ledger.http().get(`/streams/housing-case-${caseId}`).expect(200);
      const correction = {
        correctsEventId: stream.body.events[0].id,
        kind: 'retraction',
        reason: 'Hộ đã được hỗ trợ theo chương trình khác',
        occurredAt: at('2026-03-05'),
      };
      const byOther = await post(ledger, '/corrections', correction, supervisor('UBND-PHUOC-DAI'));
      expect(byOther.status).toBe(403);
      const byOfficer = await post(ledger, '/corrections', correction, officer());
      expect(byOfficer.status).toBe(403);
      expect((await post(ledger, '/corrections', correction, supervisor())).status).toBe(201);
    });
  });

  describe('reads in scope', () => {
    let caseEventId: string;
    let caseId: string;

    beforeAll(async () => {
      caseId = await housingCaseAt(ledger, 'registered', '058200001101', 'BA-PHUOC-TIEN');
      const stream = await ledger.http().get(`/streams/housing-case-${caseId}`).expect(200);
      caseEventId = stream.body.events[0].id as string;
      await untilProjected(ledger);
    });

    it('an inspector of one commune reads its events and trail, not another commune', async () => {
      const tien = inspector('thanh-tra-xa', ['BA-PHUOC-TIEN']);
      const dai = inspector('thanh-tra-xa-2', ['BA-PHUOC-DAI']);
      await ledger.http(tien).get(`/events/${caseEventId}`).expect(200);
      await ledger.http(dai).get(`/events/${caseEventId}`).expect(403);
      await ledger.http(dai).get(`/streams/housing-case-${caseId}`).expect(403);
      const trail = await ledger.http(dai).get('/trail').expect(200);
      const units = new Set((trail.body.items as Array<{ orgUnit: string }>).map((i) => i.orgUnit));
      expect([...units].every((u) => u === 'BA-PHUOC-DAI')).toBe(true);
      await ledger.http(dai).get('/trail').query({ orgUnit: 'BA-PHUOC-TIEN' }).expect(403);
      const own = await ledger.http(tien).get('/trail').query({ orgUnit: 'BA-PHUOC-TIEN' }).expect(200);
      expect(own.body.items.length).toBeGreaterThan(0);
    });

    it('an officer reads their own agency trail only', async () => {
      await ledger.http(officer()).get('/agencies/LDTBXH-BAC-AI/trail').expect(200);
      await ledger.http(officer()).get('/agencies/BHXH-BAC-AI/trail').expect(403);
      await ledger.http(inspector()).get('/agencies/BHXH-BAC-AI/trail').expect(200);
    });

    it('records every read of a beneficiary history: who looked at whom, when and why', async () => {
      const paid = await post(
        ledger,
        '/subsidy-payments',
        {
          beneficiaryCitizenId: '058200001150',
          programme: 'tro-cap-xa-hoi',
          period: '2026-03',
          amountVnd: 500_000,
          method: 'bank',
          commune: 'BA-PHUOC-TIEN',
          occurredAt: at('2026-03-20'),
        },
        officer(),
      );
      expect(paid.status).toBe(201);
      const ref = /(b-[0-9a-f]{32})/.exec(paid.body.stream as string)![1];
      await untilProjected(ledger);
      const path = `/beneficiaries/${ref}/history`;
      const noReason = await ledger.http().get(path);
      expect(noReason.status).toBe(400);
      expect(noReason.body.field).toBe('reason');
      await ledger
        .http(inspector('thanh-tra-xa-2', ['BA-PHUOC-DAI']))
        .get(path)
        .query({ reason: 'Kiểm tra hồ sơ trợ cấp' })
        .expect(403);
      await ledger.http(officer()).get(path).query({ reason: 'Kiểm tra hồ sơ trợ cấp' }).expect(403);
      const reason = 'Đơn khiếu nại số 7/2026 về trợ cấp';
      await ledger.http(inspector('thanh-tra-05')).get(path).query({ reason }).expect(200);
      const reads = await ledger.http().get(`/streams/beneficiary-reads-${ref}`).expect(200);
      expect(reads.body.events).toHaveLength(1);
      expect(reads.body.events[0]).toMatchObject({
        type: 'BeneficiaryHistoryRead',
        data: { beneficiaryRef: ref, reason },
        metadata: { actor: { officer: 'thanh-tra-05', role: 'inspector' } },
      });
      expect(Date.parse(reads.body.events[0].recordedAt as string)).toBeGreaterThan(Date.now() - 60_000);
    });
  });

  it('shows the public no personal field: no actor, officer, beneficiary, citizen id or event on any public route', async () => {
    await housingCaseAt(ledger, 'completed', '058200001201', 'BA-PHUOC-DAI');
    await untilProjected(ledger);
    const forbiddenKey =
      /^(actor|officer|officers|subjectRef|householdRef|beneficiaryRef|beneficiar(y|ies)|citizenId|householdHeadCitizenId|householdHeadName|contactPhone|personal|evidence|events)$/;
    const ref = /^[a-z]-[0-9a-f]{32}$/;
    const leaks: string[] = [];
    const scan = (value: unknown, where: string): void => {
      if (Array.isArray(value)) return value.forEach((v, i) => scan(v, `${where}[${i}]`));
      if (value && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
          if (forbiddenKey.test(key)) leaks.push(`${where}.${key}`);
          scan(v, `${where}.${key}`);
        }
        return;
      }
      if (typeof value === 'string' && (ref.test(value) || /\b0582000\d{5}\b/.test(value)))
        leaks.push(`${where} = ${value}`);
    };
    const publicGets = routes.filter((r) => r.allowed === 'anyone' && r.method === 'get');
    const extra = [
      '/indicators/houses_built?orgUnit=BA-PHUOC-DAI',
      '/reports?period=2026&format=json',
      '/agencies/LDTBXH-BAC-AI',
    ];
    let scanned = 0;
    for (const url of [...publicGets.map((r) => concrete(r.path)), ...extra]) {
      if (url.startsWith('/docs')) continue;
      const res = await ledger.anonymous().get(url);
      expect(res.status).toBeLessThan(500);
      if (res.status !== 200) continue;
      scan(res.body, url);
      if (/\b0582000\d{5}\b/.test(res.text)) leaks.push(`${url}: citizen id in the body`);
      scanned++;
    }
    expect(scanned).toBeGreaterThan(8);
    expect(leaks).toEqual([]);
  });
});

describe('rate limits', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await startTestLedger({
      env: { LEDGER_RATE_LIMIT_PER_MINUTE: '5', LEDGER_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '12' },
    });
  });
  afterAll(() => ledger.close());

  it('limits each token, then each address, with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await ledger.http(viewer()).get('/summary')).status);
    expect(statuses.slice(0, 5).every((s) => s !== 429)).toBe(true);
    const limited = await ledger.http(viewer()).get('/summary');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.code).toBe('RATE_LIMITED');
    // Another officer's token still passes until the address as a whole reaches its limit.
    expect((await ledger.http(admin()).get('/summary')).status).not.toBe(429);
    let last = 0;
    for (let i = 0; i < 6; i++) last = (await ledger.anonymous().get('/summary')).status;
    expect(last).toBe(429);
  });
});
