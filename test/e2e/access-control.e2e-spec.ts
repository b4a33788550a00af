// Access control over HTTP: every route × every role × a bad token, read from the OpenAPI
// document so that a new route cannot escape the matrix; then the finer rules: agency rights, org-unit scope
// for writes and reads, the recorded read of a beneficiary history, rate limits, and what the public sees.
import { randomUUID } from 'node:crypto';
import {
  call,
  concrete,
  expectRouteMatrix,
  MATRIX_ROLES,
  routesOf,
  type Route,
} from './support/access-matrix';
import { headPosition, housingCaseAt, post, untilProjected } from './support/ledger-client';
import { at, officer, startTestLedger, type TestLedger } from './support/test-app';
import {
  admin,
  bearer,
  DEFAULT_AGENCY,
  inspector,
  signedPayload,
  supervisor,
  tokenFor,
  viewer,
} from './support/tokens';

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
    const calls = await expectRouteMatrix(ledger, routes, (role) => bearer({ roles: [role] }));
    expect(calls).toBe(routes.length * MATRIX_ROLES.length);
  }, 60_000);

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
  }, 60_000);

  it('refuses tokens whose claims do not hold, and roles four eyes keep apart (401 on every kind)', async () => {
    const t = Math.floor(Date.now() / 1000);
    const base = { sub: 'can-bo-01', agency: 'LDTBXH-BAC-AI', orgUnits: ['NT-BAC-AI'], roles: ['officer'] };
    const claims = (extra: Record<string, unknown>) =>
      JSON.stringify({ ...base, iat: t, exp: t + 3600, ...extra });
    const bad: Record<string, string> = {
      'iat in the future': claims({ iat: t + 3600, exp: t + 7200 }),
      'nbf in the future': claims({ nbf: t + 3600 }),
      'exp 1e400': claims({}).replace(`"exp":${t + 3600}`, '"exp":1e400'),
      'exp in ten years': claims({ exp: t + 10 * 365 * 86_400 }),
      'an unknown agency': claims({ agency: 'NO-SUCH-AGENCY' }),
      'an unknown org unit': claims({ orgUnits: ['NT-BAC-AI', 'PHUOC-NOWHERE'] }),
      'an empty sub': claims({ sub: '' }),
      'a sub with a newline': claims({ sub: 'can-bo-01\n[Nest] 1 LOG forged' }),
      'officer and inspector': claims({ roles: ['officer', 'inspector'] }),
      'supervisor and inspector': claims({ roles: ['supervisor', 'inspector'] }),
      'admin and officer': claims({ roles: ['admin', 'officer'] }),
    };
    expect(
      (await ledger.http({ Authorization: `Bearer ${signedPayload(claims({}))}` }).get('/trail')).status,
    ).toBe(403);
    for (const [kind, payload] of Object.entries(bad)) {
      const headers = { Authorization: `Bearer ${signedPayload(payload)}` };
      for (const url of ['/trail', '/summary', '/events/' + randomUUID()]) {
        const res = await ledger.http(headers).get(url);
        expect([kind, url, res.status]).toEqual([kind, url, 401]);
      }
      const write = await ledger.http(headers).post('/housing-cases').send({});
      expect([kind, write.status]).toEqual([kind, 401]);
    }
  });

  describe('writes', () => {
    const registration = (commune: string, citizenId: string) => ({
      householdHeadCitizenId: citizenId,
      commune,
      category: 'poor',
      occurredAt: at('2026-03-02'),
    });
    const communeOfficer = officer('UBND-XA-BAC-AI', 'can-bo-xa-phuoc-dai', ['KH-BAC-AI']);

    it('a commune officer records in their own commune, and is refused (403, nothing appended) in another', async () => {
      const own = await post(
        ledger,
        '/housing-cases',
        registration('KH-BAC-AI', '058200001001'),
        communeOfficer,
      );
      expect(own.status).toBe(201);
      const before = await headPosition(ledger);
      const other = await post(
        ledger,
        '/housing-cases',
        registration('KH-BAC-AI-TAY', '058200001002'),
        communeOfficer,
      );
      expect(other.status).toBe(403);
      expect(other.body.code).toBe('ACCESS_DENIED');
      expect(other.body.detail).toContain('KH-BAC-AI-TAY');
      expect(await headPosition(ledger)).toBe(before);
      // Nor a step on another commune's case: refused before the case's state is looked at.
      const elsewhere = await housingCaseAt(
        ledger,
        'registered',
        '058200001003',
        'KH-BAC-AI-TAY',
        officer('VHXH-XA-BAC-AI-TAY'),
      );
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
          commune: 'KH-BAC-AI',
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
        registration('KH-BAC-AI', '058200001030'),
        communeOfficer,
      );
      expect(res.status).toBe(201);
      const event = await ledger.http().get(`/events/${res.body.eventIds[0]}`).expect(200);
      expect(event.body.metadata.actor).toEqual({
        officer: 'can-bo-xa-phuoc-dai',
        agency: 'UBND-XA-BAC-AI',
        role: 'officer',
      });
      const spoof = await ledger
        .http(communeOfficer)
        .post('/housing-cases')
        .send({ ...registration('KH-BAC-AI', '058200001031'), actor: { officer: 'someone-else' } });
      expect(spoof.status).toBe(400);
    });

    it('a supervisor corrects only their own agency records', async () => {
      const caseId = await housingCaseAt(ledger, 'registered', '058200001040');
      const stream = await ledger.http().get(`/streams/housing-case-${caseId}`).expect(200);
      const correction = {
        correctsEventId: stream.body.events[0].id,
        kind: 'retraction',
        reason: 'Hộ đã được hỗ trợ theo chương trình khác',
        occurredAt: at('2026-03-05'),
      };
      const byOther = await post(ledger, '/corrections', correction, supervisor('UBND-XA-BAC-AI-DONG'));
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
      caseId = await housingCaseAt(ledger, 'registered', '058200001101', 'KH-BAC-AI-DONG');
      const stream = await ledger.http().get(`/streams/housing-case-${caseId}`).expect(200);
      caseEventId = stream.body.events[0].id as string;
      await untilProjected(ledger);
    });

    it('an inspector of one commune reads its events and trail, not another commune', async () => {
      const tien = inspector('thanh-tra-xa', ['KH-BAC-AI-DONG']);
      const dai = inspector('thanh-tra-xa-2', ['KH-BAC-AI']);
      await ledger.http(tien).get(`/events/${caseEventId}`).expect(200);
      await ledger.http(dai).get(`/events/${caseEventId}`).expect(403);
      await ledger.http(dai).get(`/streams/housing-case-${caseId}`).expect(403);
      const trail = await ledger.http(dai).get('/trail').expect(200);
      const units = new Set((trail.body.items as Array<{ orgUnit: string }>).map((i) => i.orgUnit));
      // xã Bác Ái and the old communes it was made from.
      const inScope = ['KH-BAC-AI', 'BA-PHUOC-TIEN', 'BA-PHUOC-THANG', 'BA-PHUOC-CHINH'];
      expect([...units].filter((u) => !inScope.includes(u))).toEqual([]);
      await ledger.http(dai).get('/trail').query({ orgUnit: 'KH-BAC-AI-DONG' }).expect(403);
      const own = await ledger.http(tien).get('/trail').query({ orgUnit: 'KH-BAC-AI-DONG' }).expect(200);
      expect(own.body.items.length).toBeGreaterThan(0);
    });

    it("an inclusion proof follows the event's scope: an inspector of another commune gets none", async () => {
      await untilProjected(ledger);
      const proof = (headers: Record<string, string>) =>
        ledger.http(headers).get('/ledger/proofs/inclusion').query({ event: caseEventId });
      const own = await proof(inspector('thanh-tra-xa', ['KH-BAC-AI-DONG']));
      expect(own.status).toBe(200);
      expect(own.body).toHaveProperty('leafIndex');
      const other = await proof(inspector('thanh-tra-xa-2', ['KH-BAC-AI']));
      expect(other.status).toBe(403);
      expect(other.text).not.toContain(own.body.leafHash ?? own.body.eventHash ?? 'no-hash-field');
    });

    it('an officer reads their own agency trail only', async () => {
      await ledger.http(officer()).get(`/agencies/${DEFAULT_AGENCY}/trail`).expect(200);
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
          commune: 'KH-BAC-AI-DONG',
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
        .http(inspector('thanh-tra-xa-2', ['KH-BAC-AI']))
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

    it('opens names and phones for the recording agency and inspectors only', async () => {
      const name = 'Pi Năng Thị Lan';
      const res = await post(
        ledger,
        '/housing-cases',
        {
          householdHeadCitizenId: '058200001180',
          householdHeadName: name,
          contactPhone: '0912345670',
          commune: 'KH-BAC-AI-DONG',
          category: 'poor',
          occurredAt: at('2026-03-02'),
        },
        officer(),
      );
      expect(res.status).toBe(201);
      const urls = [`/events/${res.body.eventIds[0] as string}`, `/streams/${res.body.stream as string}`];
      const readers = {
        'military command officer': [officer('BCHQS-BAC-AI', 'si-quan-02'), false],
        'commune officer': [officer('UBND-XA-BAC-AI-DONG', 'can-bo-tien-2', ['KH-BAC-AI-DONG']), false],
        'health centre supervisor': [supervisor('TTYT-BAC-AI', 'bac-si-02'), false],
        'recording agency officer': [officer(DEFAULT_AGENCY, 'can-bo-02'), true],
        'recording agency supervisor': [supervisor(), true],
        inspector: [inspector(), true],
      } as const;
      for (const [who, [headers, opens]] of Object.entries(readers))
        for (const url of urls) {
          const read = await ledger.http(headers).get(url);
          expect([who, url, read.status]).toEqual([who, url, 200]);
          const data = url.startsWith('/events') ? read.body.data : read.body.events[0].data;
          expect([who, url, data.personal]).toEqual([
            who,
            url,
            opens ? { householdHeadName: name, contactPhone: '0912345670' } : { withheld: true },
          ]);
          if (!opens) expect(read.text).not.toContain('0912345670');
        }
    });

    it('double claims and restatements follow the scope and redaction of the trail', async () => {
      const complete = async (who: Record<string, string>, completedOn: string) => {
        const reg = await post(
          ledger,
          '/housing-cases',
          {
            householdHeadCitizenId: '058200001190',
            commune: 'KH-BAC-AI-DONG',
            category: 'poor',
            occurredAt: at('2026-03-02'),
          },
          who,
        );
        expect(reg.status).toBe(201);
        for (const [sub, body] of [
          [
            'funding-approvals',
            { amountVnd: 60_000_000, source: 'central_budget', occurredAt: at('2026-03-10') },
          ],
          ['construction-starts', { occurredAt: at('2026-04-01') }],
          ['completions', { floorAreaM2: 42.5, occupants: 5, occurredAt: at(completedOn) }],
        ] as const)
          expect(
            (await post(ledger, `/housing-cases/${reg.body.caseId as string}/${sub}`, body, who)).status,
          ).toBe(201);
      };
      await complete(officer(), '2026-07-15');
      await complete(officer('UBND-XA-BAC-AI-DONG', 'cb-xa-tien', ['KH-BAC-AI-DONG']), '2026-07-20');
      await untilProjected(ledger);
      const claims = (headers: Record<string, string>, query: Record<string, string> = {}) =>
        ledger.http(headers).get('/reviews/double-claims').query(query);
      const tien = (body: { items?: Array<{ orgUnit: string }> }) =>
        (body.items ?? []).filter((i) => i.orgUnit === 'KH-BAC-AI-DONG');
      expect(tien((await claims(inspector()).expect(200)).body)).toHaveLength(1);
      const daiSupervisor = supervisor('UBND-XA-BAC-AI', 'cb-xa-dai-sup', ['KH-BAC-AI']);
      const daiInspector = inspector('thanh-tra-dai', ['KH-BAC-AI']);
      for (const [who, headers] of [
        ['another commune supervisor', daiSupervisor],
        ['another commune inspector', daiInspector],
      ] as const) {
        const all = await claims(headers);
        expect([who, all.status]).toEqual([who, 200]);
        expect([who, (all.body.items as Array<{ orgUnit: string }>).map((i) => i.orgUnit)]).toEqual([
          who,
          expect.not.arrayContaining(['KH-BAC-AI-DONG']),
        ]);
        expect([who, (await claims(headers, { orgUnit: 'KH-BAC-AI-DONG' })).status]).toEqual([who, 403]);
      }
      // A supervisor sees the double claims their own agency is part of.
      const health = await claims(supervisor('TTYT-BAC-AI', 'bac-si-sup')).expect(200);
      expect(tien(health.body)).toHaveLength(0);
      expect(tien((await claims(supervisor()).expect(200)).body)).toHaveLength(1);
      expect((await claims(admin())).status).toBe(403);

      const restatement =
        '/indicators/houses_built/restatement?orgUnit=KH-BAC-AI-DONG&from=2020-01-01&to=2030-12-31';
      const full = await ledger.http(inspector()).get(restatement).expect(200);
      expect(full.body.changes.length).toBeGreaterThan(0);
      expect(full.body.changes[0]).toHaveProperty('officer');
      for (const [who, headers] of [
        ['viewer', viewer()],
        ['admin', admin()],
        ['another commune officer', officer('UBND-XA-BAC-AI', 'cb-xa-dai', ['KH-BAC-AI'])],
      ] as const) {
        const res = await ledger.http(headers).get(restatement);
        expect([who, res.status]).toEqual([who, 200]);
        expect(res.body.changes.length).toBe(full.body.changes.length);
        for (const change of res.body.changes as Array<Record<string, unknown>>)
          expect([
            who,
            Object.keys(change).filter((k) => ['officer', 'agency', 'actor', 'stream'].includes(k)),
          ]).toEqual([who, []]);
        expect(res.text).not.toContain('cb-xa-tien');
      }
    });

    it('records an erasure only for a person the ledger has seen (404 for an unknown reference, nothing appended)', async () => {
      const before = await headPosition(ledger);
      const unknown = await ledger
        .http(admin())
        .delete(`/beneficiaries/b-${'7'.repeat(32)}/personal-data`)
        .send({ reason: 'Yêu cầu xoá dữ liệu số 9/2026 của công dân' });
      expect(unknown.status).toBe(404);
      expect(await headPosition(ledger)).toBe(before);
      const paid = await post(
        ledger,
        '/subsidy-payments',
        {
          beneficiaryCitizenId: '058200001195',
          programme: 'tro-cap-xa-hoi',
          period: '2026-05',
          amountVnd: 500_000,
          method: 'bank',
          commune: 'KH-BAC-AI-DONG',
          occurredAt: at('2026-05-20'),
        },
        officer(),
      );
      const ref = /(b-[0-9a-f]{32})/.exec(paid.body.stream as string)![1];
      await untilProjected(ledger);
      const seen = await ledger
        .http(admin())
        .delete(`/beneficiaries/${ref}/personal-data`)
        .send({ reason: 'Yêu cầu xoá dữ liệu số 10/2026 của công dân' });
      expect(seen.status).toBeLessThan(300);
    });

    it("every route that returns one person's events wants a reason and records the read", async () => {
      const paid = await post(
        ledger,
        '/subsidy-payments',
        {
          beneficiaryCitizenId: '058200001170',
          programme: 'tro-cap-xa-hoi',
          period: '2026-04',
          amountVnd: 500_000,
          method: 'bank',
          commune: 'KH-BAC-AI-DONG',
          occurredAt: at('2026-04-20'),
        },
        officer(),
      );
      const ref = /(b-[0-9a-f]{32})/.exec(paid.body.stream as string)![1];
      await untilProjected(ledger);
      const reads = async () =>
        ((await ledger.http().get(`/streams/beneficiary-reads-${ref}`)).body.events ?? []) as Array<{
          data: { reason: string };
          metadata: { actor: { officer: string } };
        }>;
      const searches = [
        ['/trail', { beneficiary: ref }],
        [`/streams/${paid.body.stream as string}`, {}],
      ] as const;
      for (const [url, query] of searches) {
        const bare = await ledger.http(inspector('thanh-tra-07')).get(url).query(query);
        expect([url, bare.status, bare.body.field]).toEqual([url, 400, 'reason']);
      }
      expect(await reads()).toHaveLength(0);
      let n = 0;
      for (const [url, query] of searches) {
        const reason = `Thanh tra chuyên đề số ${++n}/2026`;
        const res = await ledger
          .http(inspector('thanh-tra-07'))
          .get(url)
          .query({ ...query, reason });
        expect([url, res.status]).toEqual([url, 200]);
        const recorded = await reads();
        expect(recorded).toHaveLength(n);
        expect(recorded[n - 1]).toMatchObject({
          data: { reason },
          metadata: { actor: { officer: 'thanh-tra-07' } },
        });
      }
      // A search that names no person records nothing and needs no reason.
      await ledger
        .http(inspector('thanh-tra-07'))
        .get('/trail')
        .query({ orgUnit: 'KH-BAC-AI-DONG' })
        .expect(200);
      expect(await reads()).toHaveLength(2);
    });

    it("the sealed form of an event or stream follows the event's read scope, and opens nothing", async () => {
      const name = 'Pi Năng Thị Mai';
      const phone = '0912345671';
      const res = await post(
        ledger,
        '/housing-cases',
        {
          householdHeadCitizenId: '058200001230',
          householdHeadName: name,
          contactPhone: phone,
          commune: 'KH-BAC-AI-DONG',
          category: 'poor',
          occurredAt: at('2026-03-02'),
        },
        officer(DEFAULT_AGENCY, 'can-bo-niem-phong'),
      );
      expect(res.status).toBe(201);
      const urls = [`/events/${res.body.eventIds[0] as string}`, `/streams/${res.body.stream as string}`];
      const sealedOf = (url: string, body: { data?: unknown; events?: Array<{ data: unknown }> }) =>
        ((url.startsWith('/events') ? body.data : body.events?.[0]?.data) as { personal?: unknown })
          ?.personal;
      const refused = {
        public: [{}, 401],
        viewer: [viewer(), 403],
        admin: [admin(), 403],
        'inspector of another commune': [inspector('thanh-tra-niem-phong', ['KH-BAC-AI']), 403],
        'officer of another commune': [officer('UBND-XA-BAC-AI', 'cb-dai-np', ['KH-BAC-AI']), 403],
      } as const;
      for (const [who, [headers, status]] of Object.entries(refused))
        for (const url of urls) {
          const read = await ledger.anonymous().get(url).query({ form: 'sealed' }).set(headers);
          expect([who, url, read.status]).toEqual([who, url, status]);
          expect(read.text).not.toContain('can-bo-niem-phong');
          expect(read.text).not.toContain('"sealed":"pd1"');
        }
      const served = {
        inspector: inspector(),
        'recording agency officer': officer(DEFAULT_AGENCY, 'can-bo-03'),
        'military command officer': officer('BCHQS-BAC-AI', 'si-quan-03'),
      };
      for (const [who, headers] of Object.entries(served))
        for (const url of urls) {
          const read = await ledger.http(headers).get(url).query({ form: 'sealed' });
          expect([who, url, read.status]).toEqual([who, url, 200]);
          // As stored and hashed: the sealed object itself, never the name or phone in clear.
          expect([who, url, sealedOf(url, read.body)]).toEqual([
            who,
            url,
            expect.objectContaining({ sealed: 'pd1', iv: expect.any(String), data: expect.any(String) }),
          ]);
          expect(read.text).not.toContain(name);
          expect(read.text).not.toContain(phone);
        }
    });

    it("a person's stream in the sealed form wants a reason and is recorded, as the opened form", async () => {
      const paid = await post(
        ledger,
        '/subsidy-payments',
        {
          beneficiaryCitizenId: '058200001240',
          programme: 'tro-cap-xa-hoi',
          period: '2026-06',
          amountVnd: 500_000,
          method: 'bank',
          commune: 'KH-BAC-AI-DONG',
          occurredAt: at('2026-06-20'),
        },
        officer(),
      );
      const ref = /(b-[0-9a-f]{32})/.exec(paid.body.stream as string)![1];
      const url = `/streams/${paid.body.stream as string}`;
      const reads = async () =>
        ((await ledger.http().get(`/streams/beneficiary-reads-${ref}`)).body.events ?? []) as unknown[];
      const bare = await ledger.http(inspector('thanh-tra-08')).get(url).query({ form: 'sealed' });
      expect([bare.status, bare.body.field]).toEqual([400, 'reason']);
      expect(
        await ledger.http(officer()).get(url).query({ form: 'sealed', reason: 'Đối chiếu chứng từ chi trả' }),
      ).toHaveProperty('status', 403);
      expect(await reads()).toHaveLength(0);
      const reason = 'Đối chiếu chứng từ chi trả tháng 6';
      await ledger.http(inspector('thanh-tra-08')).get(url).query({ form: 'sealed', reason }).expect(200);
      expect(await reads()).toEqual([
        expect.objectContaining({
          data: expect.objectContaining({ beneficiaryRef: ref, reason }),
          metadata: expect.objectContaining({ actor: expect.objectContaining({ officer: 'thanh-tra-08' }) }),
        }),
      ]);
    });

    it('a citizen id names the person on the trail and the history: a reason, the read recorded under the reference, the id in no answer', async () => {
      const citizenId = '058200001250';
      const paid = await post(
        ledger,
        '/subsidy-payments',
        {
          beneficiaryCitizenId: citizenId,
          programme: 'tro-cap-xa-hoi',
          period: '2026-07',
          amountVnd: 500_000,
          method: 'bank',
          commune: 'KH-BAC-AI-DONG',
          occurredAt: at('2026-07-20'),
        },
        officer(),
      );
      const ref = /(b-[0-9a-f]{32})/.exec(paid.body.stream as string)![1];
      await untilProjected(ledger);
      const log = `/streams/beneficiary-reads-${ref}`;
      const reads = async () => ((await ledger.http().get(log)).body.events ?? []) as unknown[];
      const trail = ['/trail', { beneficiary: citizenId }] as const;
      const history = [`/beneficiaries/${citizenId}/history`, {}] as const;
      for (const [url, query] of [trail, history]) {
        const bare = await ledger.http(inspector('thanh-tra-09')).get(url).query(query);
        expect([url, bare.status, bare.body.field]).toEqual([url, 400, 'reason']);
        expect(bare.text).not.toContain(citizenId);
      }
      // Out of scope: the history is refused and nothing is recorded.
      const far = await ledger
        .http(inspector('thanh-tra-xa-9', ['KH-BAC-AI']))
        .get(history[0])
        .query({ reason: 'Kiểm tra chéo giữa các xã' });
      expect(far.status).toBe(403);
      expect(far.text).not.toContain(citizenId);
      expect(
        await ledger.http(officer()).get(history[0]).query({ reason: 'Kiểm tra chéo giữa các xã' }),
      ).toHaveProperty('status', 403);
      expect(await reads()).toHaveLength(0);
      let n = 0;
      for (const [url, query] of [trail, history]) {
        const reason = `Thanh tra theo số định danh ${++n}/2026`;
        const res = await ledger
          .http(inspector('thanh-tra-09'))
          .get(url)
          .query({ ...query, reason });
        expect([url, res.status]).toEqual([url, 200]);
        expect(res.text).not.toContain(citizenId);
        const recorded = (await ledger.http().get(log).expect(200)).body.events as Array<{
          data: Record<string, unknown>;
        }>;
        expect(recorded).toHaveLength(n);
        expect(recorded[n - 1].data).toMatchObject({ beneficiaryRef: ref, reason });
        expect(JSON.stringify(recorded)).not.toContain(citizenId);
      }
      const found = await ledger
        .http(inspector('thanh-tra-09'))
        .get('/trail')
        .query({ beneficiary: citizenId, reason: 'Thanh tra theo số định danh 3/2026' })
        .expect(200);
      expect(found.body.items.length).toBeGreaterThan(0);
      expect((found.body.items as Array<{ subjectRef: string }>).every((i) => i.subjectRef === ref)).toBe(
        true,
      );
    });

    it("a household's history lists its housing cases with the history's scope, and no name, phone or citizen id", async () => {
      const citizenId = '058200001260';
      const name = 'Pi Năng Văn Tám';
      const phone = '0912345672';
      const reg = await post(
        ledger,
        '/housing-cases',
        {
          householdHeadCitizenId: citizenId,
          householdHeadName: name,
          contactPhone: phone,
          commune: 'KH-BAC-AI-DONG',
          category: 'poor',
          occurredAt: at('2026-03-02'),
        },
        officer(),
      );
      expect(reg.status).toBe(201);
      const caseId = reg.body.caseId as string;
      expect(
        (
          await post(
            ledger,
            `/housing-cases/${caseId}/funding-approvals`,
            { amountVnd: 60_000_000, source: 'central_budget', occurredAt: at('2026-03-10') },
            officer(),
          )
        ).status,
      ).toBe(201);
      await untilProjected(ledger);
      const url = `/beneficiaries/${reg.body.householdRef as string}/history`;
      const reason = 'Kiểm tra hồ sơ hỗ trợ nhà ở';
      const res = await ledger.http(inspector('thanh-tra-10')).get(url).query({ reason }).expect(200);
      expect(res.body.housingCases).toEqual([
        expect.objectContaining({ caseId, commune: 'KH-BAC-AI-DONG', fundedVnd: 60_000_000 }),
      ]);
      for (const secret of [name, phone, citizenId]) expect(res.text).not.toContain(secret);
      expect(JSON.stringify(res.body.housingCases)).not.toMatch(/"personal"|householdHeadName|contactPhone/);
      for (const [who, headers] of [
        ['inspector of another commune', inspector('thanh-tra-xa-10', ['KH-BAC-AI'])],
        ['recording officer', officer()],
        ['recording supervisor', supervisor()],
        ['viewer', viewer()],
      ] as const) {
        const other = await ledger.http(headers).get(url).query({ reason });
        expect([who, other.status]).toEqual([who, 403]);
        expect([who, other.text.includes(caseId)]).toEqual([who, false]);
      }
    });

    it('the read log is for inspectors only: no officer or supervisor of any agency reads it, by stream or by event', async () => {
      const paid = await post(
        ledger,
        '/subsidy-payments',
        {
          beneficiaryCitizenId: '058200001160',
          programme: 'tro-cap-xa-hoi',
          period: '2026-03',
          amountVnd: 500_000,
          method: 'bank',
          commune: 'KH-BAC-AI-DONG',
          occurredAt: at('2026-03-20'),
        },
        officer(),
      );
      const ref = /(b-[0-9a-f]{32})/.exec(paid.body.stream as string)![1];
      await untilProjected(ledger);
      const reason = 'Đơn khiếu nại của bà Lê Thị Hoa về trợ cấp';
      await ledger
        .http(inspector('thanh-tra-06', ['KH-BAC-AI-DONG']))
        .get(`/beneficiaries/${ref}/history`)
        .query({ reason })
        .expect(200);
      const stream = `/streams/beneficiary-reads-${ref}`;
      const readEvent = (await ledger.http().get(stream).expect(200)).body.events[0].id as string;
      const others = {
        'military officer': officer('BCHQS-BAC-AI', 'si-quan-01'),
        'recording agency officer': officer(),
        'recording agency supervisor': supervisor(),
        'commune officer': officer('UBND-XA-BAC-AI-DONG', 'can-bo-tien', ['KH-BAC-AI-DONG']),
      };
      for (const [who, headers] of Object.entries(others)) {
        for (const url of [stream, `/events/${readEvent}`]) {
          const res = await ledger.http(headers).get(url);
          expect([who, url, res.status]).toEqual([who, url, 403]);
          expect(res.text).not.toContain(reason);
        }
      }
      await ledger
        .http(inspector('thanh-tra-xa-2', ['KH-BAC-AI']))
        .get(stream)
        .expect(403);
    });
  });

  it('shows the public no personal field: no actor, officer, beneficiary, citizen id or event on any public route', async () => {
    await housingCaseAt(ledger, 'completed', '058200001201');
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
      '/indicators/houses_built?orgUnit=KH-BAC-AI-DONG',
      '/reports?period=2026&format=json',
      '/agencies/LDTBXH-BAC-AI',
    ];
    const scanned: string[] = [];
    for (const url of [...publicGets.map((r) => concrete(r.path)), ...extra]) {
      if (url.startsWith('/docs')) continue;
      const res = await ledger.anonymous().get(url);
      expect(res.status).toBeLessThan(500);
      if (res.status !== 200) continue;
      scan(res.body, url);
      if (/\b0582000\d{5}\b/.test(res.text)) leaks.push(`${url}: citizen id in the body`);
      scanned.push(url);
    }
    expect(scanned.length).toBeGreaterThan(8);
    // The action catalogue is public: its fields and examples, never a recorded person or officer.
    expect(scanned).toContain('/actions');
    expect(leaks).toEqual([]);
  });
});

/** Fixed one-minute windows: start a rate-limit test at least 10 s before the next window resets the counts. */
async function awayFromMinuteEdge(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 10_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

describe('rate limits', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await startTestLedger({
      env: { LEDGER_RATE_LIMIT_PER_MINUTE: '5', LEDGER_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '12' },
    });
  });
  afterAll(() => ledger.close());

  it('limits each token apart, with 429 and Retry-After; another token still passes', async () => {
    await awayFromMinuteEdge();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await ledger.http(viewer()).get('/summary')).status);
    expect(statuses.slice(0, 5).every((s) => s !== 429)).toBe(true);
    const limited = await ledger.http(viewer()).get('/summary');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect((await ledger.http(admin()).get('/summary')).status).not.toBe(429);
  }, 30_000);

  it('limits anonymous traffic per address apart from signed-in traffic, and /health apart from both', async () => {
    await awayFromMinuteEdge();
    const client = (id: string) => bearer({ officer: id, roles: ['inspector'], agency: 'THANHTRA-BAC-AI' });
    // Probes at the address exhaust their own budget only.
    let health = 0;
    for (let i = 0; i < 14; i++) health = (await ledger.anonymous().get('/health')).status;
    expect(health).toBe(429);
    expect((await ledger.anonymous().get('/summary')).status).not.toBe(429);
    expect((await ledger.http(client('thanh-tra-h1')).get('/trail')).status).toBe(200);
    // Anonymous reads at the address exhaust the anonymous budget; an officer at the same address still passes.
    let anonymous = 0;
    for (let i = 0; i < 13; i++) anonymous = (await ledger.anonymous().get('/summary')).status;
    expect(anonymous).toBe(429);
    expect((await ledger.http(client('thanh-tra-h2')).get('/trail')).status).toBe(200);
    // A token that does not verify counts as anonymous: it cannot be used to escape the address budget.
    const forged = await ledger.http({ Authorization: 'Bearer a.b.c' }).get('/summary');
    expect(forged.status).toBe(429);
    // Without a trusted proxy, X-Forwarded-For is the client's word and changes nothing.
    const spoofed = await ledger.anonymous().get('/summary').set('X-Forwarded-For', '203.0.113.9');
    expect(spoofed.status).toBe(429);
  }, 30_000);
});

describe('rate limits behind a trusted proxy', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await startTestLedger({
      env: { LEDGER_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '3', LEDGER_TRUST_PROXY: 'loopback' },
    });
  });
  afterAll(() => ledger.close());

  it('reads the client address from X-Forwarded-For set by the configured proxy', async () => {
    await awayFromMinuteEdge();
    const from = (address: string) => ledger.anonymous().get('/summary').set('X-Forwarded-For', address);
    for (let i = 0; i < 3; i++) expect((await from('203.0.113.1')).status).toBe(200);
    expect((await from('203.0.113.1')).status).toBe(429);
    expect((await from('203.0.113.2')).status).toBe(200);
  }, 30_000);
});
