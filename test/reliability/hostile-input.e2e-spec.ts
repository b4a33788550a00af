// Hostile input, property-based: every command endpoint, read from the served OpenAPI
// document so a new endpoint is covered without editing this file, gets bodies built to be refused:
// malformed JSON, wrong types, huge strings and arrays, unicode edge cases, absurd numbers, dates far
// away, ids that are not UUIDs, deep nesting and prototype keys. Each must be a 4xx problem with a
// message, never a 500, and the store's head must not move. Seeded; LEDGER_SOAK=1 runs many more.
import fc from 'fast-check';
import { headPosition } from '../e2e/support/ledger-client';
import { at, officer, startTestLedger, type TestLedger } from '../e2e/support/test-app';

const SOAK = process.env.LEDGER_SOAK === '1';
const RUNS = SOAK ? 5000 : 600;
const SEED = Number(process.env.LEDGER_FC_SEED ?? 20261128);

interface Endpoint {
  path: string;
  properties: string[];
}

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    'Nguyễn Thị Ánh Tuyết'.normalize('NFC'),
    'Nguyễn Thị Ánh Tuyết'.normalize('NFD'),
    'PHUOC\u200B-DAI',
    '\u200D\u200C\uFEFF',
    'e\u0301\u0323\u0302',
    '\uD800',
    '\u0000',
    '058200000501\u200B',
    '０５８２０００００５０１',
    "'; DROP TABLE events; --",
    '{{7*7}}',
    '../../etc/passwd',
  ),
  fc.nat({ max: 5000 }).map((n) => 'ư'.repeat(n)),
);
const hostileNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(-1, 0, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 53, 1e-320, 0.1 + 0.2),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((n) => n * 1e9),
);
const hostileDate = fc.oneof(
  fc
    .integer({ min: -271821, max: 1999 })
    .map((y) => `${String(Math.abs(y)).padStart(4, '0')}-01-01T00:00:00Z`),
  fc.integer({ min: 2100, max: 275760 }).map((y) => `+${String(y).padStart(6, '0')}-06-30T00:00:00Z`),
  fc.constantFrom('2026-02-30T00:00:00Z', '2026-13-01', '0000-00-00', 'now', '', '2026-03-02T25:61:00+07:00'),
  fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.getTime())),
);
const notUuid = fc.oneof(
  fc.constantFrom('123', 'not-a-uuid', '00000000-0000-0000-0000-00000000000g', '{uuid}', '%00', '..'),
  fc.uuid().map((u) => u.toUpperCase().replace(/-/g, '')),
  fc.uuid().map((u) => `${u}\u200B`),
);
const deep = fc.integer({ min: 33, max: 200 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { nested: value };
  return value;
});
const hugeArray = fc.integer({ min: 1000, max: 3000 }).map((n) => Array.from({ length: n }, (_, i) => i));
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  hostileDate,
  notUuid,
  fc.constantFrom(null, true, false, [], {}, [null], { $gt: '' }),
  fc.jsonValue({ maxDepth: 4 }),
  deep,
  hugeArray,
);

/** A body that cannot be valid: at least one field is hostile, or a key is unknown, or a key is poisoned. */
function bodyFor(endpoint: Endpoint): fc.Arbitrary<string> {
  const known = endpoint.properties.length > 0 ? endpoint.properties : ['occurredAt'];
  const fields = fc.dictionary(fc.constantFrom(...known), hostileValue, {
    minKeys: 0,
    maxKeys: known.length,
  });
  const poison = fc.oneof(
    // Some field of the endpoint gets a hostile value; occurredAt always gets one that is out of range.
    fc.record({ occurredAt: hostileDate }),
    fc.dictionary(
      fc.oneof(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.constantFrom('isAdmin', 'revision', 'position'),
      ),
      hostileValue,
      { minKeys: 1, maxKeys: 3 },
    ),
  );
  const asJson = fc.tuple(fields, poison).map(([a, b]) => JSON.stringify({ ...a, ...b }));
  const prototypeKey = fc
    .tuple(fields, fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.jsonValue({ maxDepth: 2 }))
    .map(([a, key, value]) => {
      const text = JSON.stringify(a);
      const entry = `${JSON.stringify(key)}:${JSON.stringify(value ?? null)}`;
      return text === '{}' ? `{${entry}}` : `{${entry},${text.slice(1)}`;
    });
  const nestedPrototype = fc
    .constantFrom('evidence', 'identification', 'details')
    .map((key) => `{"${key}":[{"a":{"__proto__":{"isAdmin":true}}}],"occurredAt":"${at('2026-03-02')}"}`);
  const notAnObject = fc
    .jsonValue({ maxDepth: 3 })
    .filter((v) => v === null || typeof v !== 'object' || Array.isArray(v))
    .map((v) => JSON.stringify(v));
  const malformed = fc.oneof(
    fc.string({ maxLength: 60 }).filter((s) => {
      try {
        const parsed: unknown = JSON.parse(s);
        return parsed === null || typeof parsed !== 'object' || Array.isArray(parsed);
      } catch {
        return true;
      }
    }),
    fc.constantFrom(
      '{"occurredAt": ',
      '{',
      '{"a":1,}',
      "{'a':1}",
      '{"a":NaN}',
      '\uFEFF{}',
      '{"a":"\\ud800"}',
    ),
  );
  return fc.oneof(
    { weight: 6, arbitrary: asJson },
    { weight: 1, arbitrary: prototypeKey },
    { weight: 1, arbitrary: nestedPrototype },
    { weight: 1, arbitrary: notAnObject },
    { weight: 2, arbitrary: malformed },
  );
}

const pathParam = fc.oneof(
  notUuid.map(String),
  fc.uuid(),
  fc.constantFrom('HOUSING.COMPLETED', 'x'.repeat(300), 'ư'),
);

describe('hostile input on every command endpoint (property-based)', () => {
  let ledger: TestLedger;
  let endpoints: Endpoint[];
  beforeAll(async () => {
    ledger = await startTestLedger();
    const doc = (await ledger.http().get('/docs-json').expect(200)).body as {
      paths: Record<
        string,
        { post?: { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } } }
      >;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    endpoints = Object.entries(doc.paths)
      .filter(([, item]) => item.post)
      .map(([path, item]) => {
        const ref = item.post?.requestBody?.content?.['application/json']?.schema?.$ref ?? '';
        const schema = doc.components.schemas[ref.split('/').pop() ?? ''];
        return { path, properties: Object.keys(schema?.properties ?? {}) };
      })
      // Command endpoints record an action, so they take occurredAt; the other POSTs (signing a head) are
      // operator actions with no body.
      .filter((endpoint) => endpoint.properties.includes('occurredAt'));
  });
  afterAll(() => ledger.close());

  it('finds every command endpoint in the OpenAPI document', () => {
    expect(endpoints.length).toBeGreaterThanOrEqual(26);
  });

  it(`answers each hostile request with a 4xx problem and appends nothing (${RUNS} runs)`, async () => {
    const before = await headPosition(ledger);
    const anyRequest = fc
      .integer({ min: 0, max: endpoints.length - 1 })
      .chain((i) => fc.tuple(fc.constant(endpoints[i]), bodyFor(endpoints[i]), pathParam));
    await fc.assert(
      fc.asyncProperty(anyRequest, async ([endpoint, body, param]) => {
        const path = endpoint.path.replace(/\{[^}]+\}/g, encodeURIComponent(param));
        const res = await ledger
          .http()
          .post(path)
          .set(officer())
          .set('Content-Type', 'application/json')
          .send(body);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(typeof res.body.detail).toBe('string');
        expect(res.body.detail.length).toBeGreaterThan(0);
        expect(await headPosition(ledger)).toBe(before);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(await headPosition(ledger)).toBe(before);
  }, 300_000);

  it('refuses hostile headers with a 4xx and appends nothing', async () => {
    const before = await headPosition(ledger);
    const header = fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
      maxLength: 300,
    });
    await fc.assert(
      fc.asyncProperty(
        header,
        header,
        fc.constantFrom('Authorization', 'If-Match', 'X-Correlation-Id'),
        async (a, b, name) => {
          const res = await ledger
            .http()
            .post('/housing-cases')
            .set({ ...officer(), [name]: a + b })
            .send({
              householdHeadCitizenId: '05820000',
              commune: 'BA-PHUOC-DAI',
              category: 'poor',
              occurredAt: at('2026-03-02'),
            });
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: SOAK ? 500 : 50, seed: SEED },
    );
    expect(await headPosition(ledger)).toBe(before);
  }, 120_000);
});
