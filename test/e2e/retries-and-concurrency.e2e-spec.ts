// A retried command appends nothing twice; of two conflicting commands exactly one wins.
import { randomUUID } from 'node:crypto';
import { headPosition, housingCaseAt, post } from './support/ledger-client';
import { at, officer, startTestLedger, type TestLedger } from './support/test-app';

describe('retries and concurrent commands', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await startTestLedger();
  });
  afterAll(() => ledger.close());

  it('a retried command with the same id appends nothing and gets the first result back', async () => {
    const id = randomUUID();
    const body = {
      id,
      householdHeadCitizenId: '058200000401',
      commune: 'KH-BAC-AI-DONG',
      category: 'merit',
      occurredAt: at('2026-03-02'),
    };
    const first = await post(ledger, '/housing-cases', body);
    expect(first.status).toBe(201);
    expect(first.body.eventIds).toEqual([id]);
    expect(first.body.caseId).toBe(id);
    const head = await headPosition(ledger);

    const retry = await post(ledger, '/housing-cases', body);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual({ ...first.body, replayed: true });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await headPosition(ledger)).toBe(head);
  });

  it('a retried lifecycle step is answered from the record even though the case has moved on', async () => {
    const caseId = await housingCaseAt(ledger, 'started', '058200000402');
    const id = randomUUID();
    const body = { id, floorAreaM2: 40, occupants: 3, occurredAt: at('2026-07-01') };
    const first = await post(ledger, `/housing-cases/${caseId}/completions`, body);
    expect(first.status).toBe(201);
    expect(
      (await post(ledger, `/housing-cases/${caseId}/handovers`, { occurredAt: at('2026-07-02') })).status,
    ).toBe(201);
    const head = await headPosition(ledger);

    const retry = await post(ledger, `/housing-cases/${caseId}/completions`, body);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual({ ...first.body, replayed: true });
    expect(await headPosition(ledger)).toBe(head);
  });

  it('the same id with a different payload is refused as a conflict', async () => {
    const id = randomUUID();
    const body = {
      id,
      householdHeadCitizenId: '058200000403',
      commune: 'KH-BAC-AI-DONG',
      category: 'poor',
      occurredAt: at('2026-03-02'),
    };
    expect((await post(ledger, '/housing-cases', body)).status).toBe(201);
    const head = await headPosition(ledger);
    const changed = await post(ledger, '/housing-cases', { ...body, category: 'near_poor' });
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('DUPLICATE_EVENT_ID');
    expect(await headPosition(ledger)).toBe(head);
  });

  it('two officers completing the same house at once: one 201, one 409, one completion stored', async () => {
    const caseId = await housingCaseAt(ledger, 'started', '058200000404');
    const [a, b] = await Promise.all([
      post(ledger, `/housing-cases/${caseId}/completions`, {
        floorAreaM2: 40,
        occupants: 3,
        occurredAt: at('2026-07-01'),
      }),
      post(
        ledger,
        `/housing-cases/${caseId}/completions`,
        { floorAreaM2: 44, occupants: 6, occurredAt: at('2026-07-01') },
        officer('VHXH-XA-BAC-AI-DONG', 'can-bo-02'),
      ),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const stream = await ledger.http().get(`/streams/housing-case-${caseId}`).expect(200);
    const completions = stream.body.events.filter(
      (e: { type: string }) => e.type === 'HousingConstructionCompleted',
    );
    expect(completions).toHaveLength(1);
    const winner = a.status === 201 ? a : b;
    expect(completions[0].id).toBe(winner.body.eventIds[0]);
  });

  it('If-Match with a stale revision gets 412 with the current revision, and appends nothing', async () => {
    const caseId = await housingCaseAt(ledger, 'funded', '058200000405');
    const head = await headPosition(ledger);
    const res = await ledger
      .http()
      .post(`/housing-cases/${caseId}/construction-starts`)
      .set({ ...officer(), 'If-Match': '"0"' })
      .send({ occurredAt: at('2026-04-01') });
    expect(res.status).toBe(412);
    expect(res.body.currentRevision).toBe(1);
    expect(await headPosition(ledger)).toBe(head);
    const ok = await ledger
      .http()
      .post(`/housing-cases/${caseId}/construction-starts`)
      .set({ ...officer(), 'If-Match': '"1"' })
      .send({ occurredAt: at('2026-04-01') });
    expect(ok.status).toBe(201);
    expect(ok.headers.etag).toBe('"2"');
  });
});
