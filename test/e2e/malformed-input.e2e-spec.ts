// Bad input gets 400 (or 413) with a problem naming the field, and appends nothing. Never a 500.
import { headPosition, housingCaseAt } from './support/ledger-client';
import { at, officer, startTestLedger, type TestLedger } from './support/test-app';
import { inspector, supervisor } from './support/tokens';

const validRegistration = {
  householdHeadCitizenId: '058200000501',
  commune: 'BA-PHUOC-DAI',
  category: 'poor',
  occurredAt: at('2026-03-02'),
};

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
