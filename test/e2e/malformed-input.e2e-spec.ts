// Bad input gets 400 (or 413) with a problem naming the field, and appends nothing. Never a 500.
import fc from 'fast-check';
import { headPosition, housingCaseAt, untilProjected } from './support/ledger-client';
import { at, officer, startTestLedger, type TestLedger } from './support/test-app';
import { inspector, supervisor } from './support/tokens';

const validRegistration = {
  householdHeadCitizenId: '058200000501',
  commune: 'BA-PHUOC-DAI',
  category: 'poor',
  occurredAt: at('2026-03-02'),
};

/** Names the API refuses: control characters and bidirectional controls, each with what it holds. */
const UNPRINTABLE_NAMES: [what: string, name: string][] = [
  ['a NUL', 'Nguyễn\u0000Văn A'],
  ['a newline', 'Nguyễn Văn A\nPOST /housing-cases 201'],
  ['a carriage return', 'Nguyễn\rVăn A'],
  ['a right-to-left override', 'Nguyễn \u202EA năV'],
  ['a left-to-right embedding', '\u202ANguyễn Văn A'],
  ['a pop directional formatting', 'Nguyễn Văn A\u202C'],
  ['a first-strong isolate', 'Nguyễn \u2068Văn A\u2069'],
  ['a left-to-right isolate', '\u2066Nguyễn Văn A'],
  ['a tab', 'Nguyễn\tVăn A'],
];

type Case = [name: string, path: string, body: unknown, field: string, headers?: Record<string, string>];

describe('malformed requests', () => {
  let ledger: TestLedger;
  let caseId: string;
  beforeAll(async () => {
    ledger = await startTestLedger();
    caseId = await housingCaseAt(ledger, 'started', '058200000599');
  });
  afterAll(() => ledger.close());

  const cases: Case[] = [
    [
      'citizen id too short',
      '/housing-cases',
      { ...validRegistration, householdHeadCitizenId: '12345' },
      'householdHeadCitizenId',
    ],
    [
      'citizen id with letters',
      '/housing-cases',
      { ...validRegistration, householdHeadCitizenId: '05820000050x' },
      'householdHeadCitizenId',
    ],
    ['unknown category', '/housing-cases', { ...validRegistration, category: 'rich' }, 'category'],
    ['missing commune', '/housing-cases', { ...validRegistration, commune: undefined }, 'commune'],
    ['unknown field', '/housing-cases', { ...validRegistration, isAdmin: true }, 'isAdmin'],
    [
      'prototype pollution key',
      '/housing-cases',
      JSON.parse(
        `{"__proto__":{"polluted":1},"householdHeadCitizenId":"058200000501","commune":"BA-PHUOC-DAI","category":"poor","occurredAt":"${at('2026-03-02')}"}`,
      ),
      '__proto__',
    ],
    [
      'occurredAt not a date',
      '/housing-cases',
      { ...validRegistration, occurredAt: 'yesterday' },
      'occurredAt',
    ],
    [
      'occurredAt in the future',
      '/housing-cases',
      { ...validRegistration, occurredAt: '2999-01-01T00:00:00Z' },
      'occurredAt',
    ],
    [
      'occurredAt before 2000',
      '/housing-cases',
      { ...validRegistration, occurredAt: '1999-12-31T00:00:00Z' },
      'occurredAt',
    ],
    ['id not a UUID', '/housing-cases', { ...validRegistration, id: 'not-a-uuid' }, 'id'],
    [
      'evidence hash not sha256',
      '/housing-cases',
      { ...validRegistration, evidence: [{ ref: 'x', sha256: 'abc' }] },
      'evidence.0.sha256',
    ],
    ['evidence not an array', '/housing-cases', { ...validRegistration, evidence: 'doc.pdf' }, 'evidence'],
    [
      'negative amount',
      '/subsidy-payments',
      {
        programme: 'tro-cap',
        beneficiaryCitizenId: '058200000502',
        period: '2026-11',
        amountVnd: -5,
        method: 'bank',
        commune: 'BA-PHUOC-DAI',
        occurredAt: at('2026-11-01'),
      },
      'amountVnd',
    ],
    [
      'amount as a string',
      '/subsidy-payments',
      {
        programme: 'tro-cap',
        beneficiaryCitizenId: '058200000502',
        period: '2026-11',
        amountVnd: '500000',
        method: 'bank',
        commune: 'BA-PHUOC-DAI',
        occurredAt: at('2026-11-01'),
      },
      'amountVnd',
    ],
    [
      'absurd amount',
      '/subsidy-payments',
      {
        programme: 'tro-cap',
        beneficiaryCitizenId: '058200000502',
        period: '2026-11',
        amountVnd: 1e15,
        method: 'bank',
        commune: 'BA-PHUOC-DAI',
        occurredAt: at('2026-11-01'),
      },
      'amountVnd',
    ],
    [
      'bad period',
      '/subsidy-payments',
      {
        programme: 'tro-cap',
        beneficiaryCitizenId: '058200000502',
        period: '2026-13',
        amountVnd: 5,
        method: 'bank',
        commune: 'BA-PHUOC-DAI',
        occurredAt: at('2026-11-01'),
      },
      'period',
    ],
    [
      'bad payment method',
      '/subsidy-payments',
      {
        programme: 'tro-cap',
        beneficiaryCitizenId: '058200000502',
        period: '2026-11',
        amountVnd: 5,
        method: 'gold',
        commune: 'BA-PHUOC-DAI',
        occurredAt: at('2026-11-01'),
      },
      'method',
    ],
    [
      'zero floor area',
      '/housing-cases/{case}/completions',
      { floorAreaM2: 0, occupants: 3, occurredAt: at('2026-07-01') },
      'floorAreaM2',
    ],
    [
      'fractional occupants',
      '/housing-cases/{case}/completions',
      { floorAreaM2: 40, occupants: 2.5, occurredAt: at('2026-07-01') },
      'occupants',
    ],
    [
      'case id not a UUID',
      '/housing-cases/123/completions',
      { floorAreaM2: 40, occupants: 3, occurredAt: at('2026-07-01') },
      'id',
    ],
    [
      'completion before the start',
      '/housing-cases/{case}/completions',
      { floorAreaM2: 40, occupants: 3, occurredAt: at('2026-01-01') },
      'occurredAt',
    ],
    [
      'capacity not a number',
      '/training-courses',
      {
        occupation: 'Hàn',
        level: 'elementary',
        commune: 'BA-PHUOC-DAI',
        capacity: 'many',
        occurredAt: at('2026-03-01'),
      },
      'capacity',
    ],
    [
      'correction reason too short',
      '/corrections',
      {
        correctsEventId: '0b6f8a52-1111-4111-8111-111111111111',
        kind: 'retraction',
        reason: 'oops',
        occurredAt: at('2026-03-01'),
      },
      'reason',
      supervisor(),
    ],
    ['body is an array', '/housing-cases', [validRegistration], 'body'],
    ['commune is the district', '/housing-cases', { ...validRegistration, commune: 'NT-BAC-AI' }, 'commune'],
    ['commune is the province', '/housing-cases', { ...validRegistration, commune: 'NINH-THUAN' }, 'commune'],
    [
      'payment in the district, not a commune',
      '/subsidy-payments',
      {
        programme: 'tro-cap',
        beneficiaryCitizenId: '058200000503',
        period: '2026-10',
        amountVnd: 500_000,
        method: 'bank',
        commune: 'NT-BAC-AI',
        occurredAt: at('2026-10-02'),
      },
      'commune',
    ],
    ...UNPRINTABLE_NAMES.map(([what, name]): Case => [
      `householdHeadName with ${what}`,
      '/housing-cases',
      { ...validRegistration, householdHeadName: name },
      'householdHeadName',
    ]),
    [
      'bad If-Match',
      '/housing-cases/{case}/completions',
      { floorAreaM2: 40, occupants: 3, occurredAt: at('2026-07-01') },
      'If-Match',
      { ...officer(), 'If-Match': 'yesterday' },
    ],
  ];

  // Each row is passed whole: a handler with a trailing optional parameter would be taken for jest's done().
  it.each(cases.map((row) => [row[0], row] as const))(
    '%s: 400 naming the field, nothing appended',
    async (_name, row) => {
      const [, path, body, field, headers] = row;
      const before = await headPosition(ledger);
      const res = await ledger
        .http()
        .post(path.replace('{case}', caseId))
        .set(headers ?? officer())
        .send(body as object);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const fields = [res.body.field, ...(res.body.errors ?? []).map((e: { field: string }) => e.field)];
      expect(fields).toContain(field);
      expect(await headPosition(ledger)).toBe(before);
    },
  );

  it.each(UNPRINTABLE_NAMES)(
    'householdHeadName with %s is NAME_NOT_PRINTABLE, before anything is sealed',
    async (_what, name) => {
      const before = await headPosition(ledger);
      const res = await ledger
        .http()
        .post('/housing-cases')
        .set(officer())
        .send({ ...validRegistration, householdHeadName: name });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'NAME_NOT_PRINTABLE', field: 'householdHeadName' });
      expect(await headPosition(ledger)).toBe(before);
    },
  );

  it('the OpenAPI document states the printable-name rule on householdHeadName, as a pattern and in words', async () => {
    const doc = (await ledger.anonymous().get('/docs-json').expect(200)).body;
    const ref: string = doc.paths['/housing-cases'].post.requestBody.content['application/json'].schema.$ref;
    const property = doc.components.schemas[ref.split('/').pop() as string].properties.householdHeadName;
    expect(property.description).toContain('NAME_NOT_PRINTABLE');
    expect(property.description).toMatch(/U\+202A-202E.*U\+2066-2069/);
    const pattern = new RegExp(property.pattern, 'u');
    for (const [, name] of UNPRINTABLE_NAMES) expect(pattern.test(name)).toBe(false);
    expect(pattern.test(property.example)).toBe(true);
    expect(pattern.test('Nguyễn Văn A')).toBe(true);
  });

  it('overlapping periods of one programme (2025-01, 2025-Q1, 2025) are accepted as separate payments and flagged for the inspectors', async () => {
    const periods = ['2025-01', '2025-Q1', '2025'];
    const ids: string[] = [];
    let ref = '';
    for (const period of periods) {
      const res = await ledger
        .http()
        .post('/subsidy-payments')
        .set(officer())
        .send({
          programme: 'tro-cap-xa-hoi',
          beneficiaryCitizenId: '058200000520',
          period,
          amountVnd: 500_000,
          method: 'bank',
          commune: 'BA-PHUOC-DAI',
          occurredAt: at('2026-01-05'),
        });
      expect([period, res.status]).toEqual([period, 201]);
      ids.push(res.body.eventIds[0] as string);
      ref = /(b-[0-9a-f]{32})/.exec(res.body.stream as string)![1];
    }
    await untilProjected(ledger);
    const history = await ledger
      .http()
      .get(`/beneficiaries/${ref}/history`)
      .query({ reason: 'Kiểm tra chi trả trùng kỳ' })
      .expect(200);
    const twice = (history.body.flags as Array<{ code: string; eventIds: string[] }>).filter(
      (f) => f.code === 'same_support_twice',
    );
    // Every two of the three overlap: each pair is flagged once.
    const pairs = twice.map((f) => [...f.eventIds].sort().join(' '));
    for (const [a, b] of [
      [ids[0], ids[1]],
      [ids[0], ids[2]],
      [ids[1], ids[2]],
    ])
      expect(pairs).toContain([a, b].sort().join(' '));
  });

  it('malformed JSON is a 400 problem, not a 500', async () => {
    const res = await ledger
      .http()
      .post('/housing-cases')
      .set(officer())
      .set('Content-Type', 'application/json')
      .send('{"commune": ');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_JSON');
  });

  it('a huge body is refused with 413', async () => {
    const res = await ledger
      .http()
      .post('/housing-cases')
      .set(officer())
      .send({ ...validRegistration, commune: 'x'.repeat(200_000) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('an inspector cannot record an action', async () => {
    const before = await headPosition(ledger);
    const res = await ledger.http().post('/housing-cases').set(inspector()).send(validRegistration);
    expect(res.status).toBe(403);
    expect(await headPosition(ledger)).toBe(before);
  });
});

describe('bodies and headers the parser cannot read', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await startTestLedger();
  });
  afterAll(() => ledger.close());

  const ref = `b-${'0'.repeat(32)}`;
  const routes: Array<[method: 'get' | 'post' | 'delete' | 'put' | 'patch', path: string]> = [
    ['get', '/health'],
    ['get', '/summary'],
    ['post', '/housing-cases'],
    ['delete', `/beneficiaries/${ref}/personal-data`],
    ['put', '/housing-cases'],
    ['patch', '/housing-cases'],
  ];
  const json = JSON.stringify({ reason: 'Yêu cầu xoá dữ liệu số 1/2026' });

  function send(
    method: (typeof routes)[number][0],
    path: string,
    headers: Record<string, string>,
    body: string | Buffer,
    token = true,
  ) {
    const client = token ? ledger.http() : ledger.anonymous();
    return client[method](path)
      .set(headers)
      .send(body as string);
  }

  const expectClientError = (what: string, res: { status: number; headers: Record<string, string> }) => {
    expect([what, res.status < 500 && res.status >= 400]).toEqual([what, true]);
    expect([what, res.headers['content-type']]).toEqual([
      what,
      expect.stringContaining('application/problem+json'),
    ]);
  };

  // utf-16 is a charset JSON may use: the parser decodes with it, and the bytes are then not JSON (400).
  it.each(['latin1', 'UTF8', 'ascii', 'utf-16', 'x-unknown'])(
    'charset=%s is a 4xx problem (415 when it is not utf-8) on every method, with or without a token',
    async (charset) => {
      for (const [method, path] of routes)
        for (const token of [true, false]) {
          const res = await send(
            method,
            path,
            { 'Content-Type': `application/json; charset=${charset}` },
            json,
            token,
          );
          expectClientError(`${method} ${path} ${charset} ${token}`, res);
          if (method !== 'put' && method !== 'patch' && charset !== 'utf-16') expect(res.status).toBe(415);
        }
    },
  );

  it.each(['gzip', 'deflate', 'br', 'compress', 'identity, gzip'])(
    'Content-Encoding %s on a body that is not so encoded is a 4xx problem on every method',
    async (encoding) => {
      for (const [method, path] of routes)
        for (const token of [true, false]) {
          const res = await send(
            method,
            path,
            { 'Content-Type': 'application/json', 'Content-Encoding': encoding },
            json,
            token,
          );
          expectClientError(`${method} ${path} ${encoding} ${token}`, res);
        }
    },
  );

  it('a deeply nested or poisoned body on GET and DELETE is a 400 naming the place, not a 500', async () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200; i++) deep = i % 2 ? [deep] : { nested: deep };
    const bodies = [
      JSON.stringify({ reason: deep }),
      `{"reason":"Yêu cầu xoá dữ liệu số 1/2026","__proto__":{"isAdmin":true}}`,
      JSON.stringify([{ reason: 'Yêu cầu xoá dữ liệu số 1/2026' }]),
    ];
    for (const [method, path] of routes)
      for (const body of bodies) {
        const res = await send(method, path, { 'Content-Type': 'application/json' }, body, true);
        expectClientError(`${method} ${path} ${body.slice(0, 20)}`, res);
      }
  });

  it('fast-check: any content type, charset, encoding and body, on every method, is never a 5xx and appends nothing', async () => {
    const before = await headPosition(ledger);
    const contentType = fc.oneof(
      fc.constantFrom(
        'application/json',
        'application/merge-patch+json',
        'application/x-www-form-urlencoded',
        'text/plain',
        'multipart/form-data; boundary=x',
        'application/octet-stream',
        'application/json; charset',
        'application/json;;',
        '*/*',
        '',
      ),
      fc.string({ maxLength: 30 }).filter((t) => /^[\x20-\x7e]*$/.test(t)),
    );
    const charset = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom(
        'utf-8',
        'UTF-8',
        'utf8',
        'latin1',
        'iso-8859-1',
        'ascii',
        'utf-16le',
        'utf-32',
        '"utf-8"',
        '',
      ),
      fc.stringMatching(/^[a-z0-9-]{1,12}$/),
    );
    const encoding = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'gzip, gzip', 'x-gzip', 'zstd', ''),
    );
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { d: deep };
    const body = fc.oneof(
      fc.constant(''),
      fc.string({ maxLength: 80 }),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.constantFrom(
        JSON.stringify(deep),
        '{"__proto__":{"x":1}}',
        '{"constructor":{"prototype":{"x":1}}}',
        '\uFEFF{}',
        '\u0000',
        '[]',
        'null',
      ),
    );
    const route = fc.constantFrom(
      ...routes,
      ['get', '/trail'] as const,
      ['delete', '/housing-cases'] as const,
    );
    await fc.assert(
      fc.asyncProperty(
        route,
        contentType,
        charset,
        encoding,
        body,
        fc.boolean(),
        async ([method, path], type, cs, enc, text, token) => {
          const headers: Record<string, string> = {};
          if (type !== '') headers['Content-Type'] = cs === undefined ? type : `${type}; charset=${cs}`;
          if (enc !== undefined) headers['Content-Encoding'] = enc;
          const res = await send(method, path, headers, text, token);
          expect([method, path, headers, text, res.status < 500]).toEqual([
            method,
            path,
            headers,
            text,
            true,
          ]);
          if (res.status >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
        },
      ),
      { numRuns: 300, seed: 20261203 },
    );
    expect(await headPosition(ledger)).toBe(before);
  }, 120_000);
});
