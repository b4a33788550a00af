// Acknowledged events survive a restart; health, OpenAPI and the read endpoints answer as documented.
import { housingCaseAt, post } from './support/ledger-client';
import { at, startTestLedger, type TestLedger } from './support/test-app';

describe('restart and operations', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await startTestLedger();
  });
  afterAll(() => ledger.close());

  it('finds every acknowledged event after a restart', async () => {
    const acknowledged: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await post(ledger, '/subsidy-payments', {
        programme: 'tro-cap-xa-hoi',
        beneficiaryCitizenId: `05820000060${i}`,
        period: '2026-09',
        amountVnd: 500_000,
        method: 'e_wallet',
        commune: 'KH-BAC-AI-DONG',
        occurredAt: at('2026-09-05'),
      });
      expect(res.status).toBe(201);
      acknowledged.push(...res.body.eventIds);
    }
    const caseId = await housingCaseAt(ledger, 'completed', '058200000609');
    const streamBefore = await ledger.http().get(`/streams/housing-case-${caseId}`).expect(200);

    await ledger.restart();

    for (const id of acknowledged) {
      const res = await ledger.http().get(`/events/${id}`);
      expect(res.status).toBe(200);
    }
    const streamAfter = await ledger.http().get(`/streams/housing-case-${caseId}`).expect(200);
    expect(streamAfter.body).toEqual(streamBefore.body);
  });

  it('GET /health reports the event store and its head', async () => {
    const res = await ledger.http().get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', eventStore: { kind: 'sqlite', status: 'ok' } });
    expect(res.body.eventStore.headPosition).toBeGreaterThan(0);
  });

  it('serves OpenAPI at /docs-json with every write path of the design', async () => {
    const res = await ledger.http().get('/docs-json').expect(200);
    const paths = Object.keys(res.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/housing-cases',
        '/housing-cases/{id}/completions',
        '/subsidy-payments',
        '/remains-cases/{id}/identifications',
        '/training-courses/{id}/certifications',
        '/corrections',
        '/events/{id}',
        '/streams/{stream}',
        '/health',
      ]),
    );
    await ledger.http().get('/docs').expect(200);
  });

  it('answers 404 and 400 problems on the read side', async () => {
    const missing = await ledger.http().get('/events/0b6f8a52-2222-4222-8222-222222222222');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('EVENT_NOT_FOUND');
    const notUuid = await ledger.http().get('/events/nope');
    expect(notUuid.status).toBe(400);
    const noStream = await ledger.http().get('/streams/housing-case-nothing-here');
    expect(noStream.status).toBe(404);
    expect(noStream.body.code).toBe('STREAM_NOT_FOUND');
    const route = await ledger.http().get('/nowhere');
    expect(route.status).toBe(404);
  });
});
