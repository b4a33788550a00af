// A mistake is fixed by a correction event that points at the original; the original stays.
import { correct, housingCaseAt, post } from './support/ledger-client';
import { at, startTestLedger, type TestLedger } from './support/test-app';

describe('corrections over HTTP', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await startTestLedger();
  });
  afterAll(() => ledger.close());

  it('amends a completion in the same stream and keeps the original', async () => {
    const caseId = await housingCaseAt(ledger, 'completed');
    const before = await ledger.http().get(`/streams/housing-case-${caseId}`).expect(200);
    const completion = before.body.events[3];

    const res = await correct(ledger, {
      correctsEventId: completion.id,
      kind: 'amendment',
      reason: 'Diện tích đo lại tại hiện trường: 38 m2',
      changes: { floorAreaM2: 38 },
      occurredAt: at('2026-07-30'),
    });
    expect(res.status).toBe(201);
    expect(res.body.stream).toBe(`housing-case-${caseId}`);

    const after = await ledger.http().get(`/streams/housing-case-${caseId}`).expect(200);
    expect(after.body.events).toHaveLength(5);
    expect(after.body.events[3]).toEqual(completion);
    expect(after.body.events[4]).toMatchObject({
      type: 'EventCorrected',
      data: { correctsEventId: completion.id, kind: 'amendment', changes: { floorAreaM2: 38 } },
    });
  });

  it('refuses an amendment of a field that cannot be amended (400 naming it) or of an event that has none (409)', async () => {
    const caseId = await housingCaseAt(ledger, 'completed', '058200000002');
    const stream = await ledger.http().get(`/streams/housing-case-${caseId}`).expect(200);
    const [registration, , , completion] = stream.body.events;
    const field = await correct(ledger, {
      correctsEventId: completion.id,
      kind: 'amendment',
      reason: 'the house was recorded in the wrong commune',
      changes: { commune: 'KH-BAC-AI-TAY' },
      occurredAt: at('2026-07-30'),
    });
    expect(field.status).toBe(400);
    expect(field.body).toMatchObject({ code: 'FIELD_NOT_AMENDABLE', field: 'changes.commune' });

    const event = await correct(ledger, {
      correctsEventId: registration.id,
      kind: 'amendment',
      reason: 'household head changed after registration',
      changes: { category: 'near_poor' },
      occurredAt: at('2026-07-30'),
    });
    expect(event.status).toBe(409);
    expect(event.body.code).toBe('EVENT_NOT_AMENDABLE');
  });

  it('retracts a payment, after which the period can be paid again', async () => {
    const payment = {
      programme: 'tro-cap-xa-hoi',
      beneficiaryCitizenId: '058200000301',
      period: '2026-10',
      amountVnd: 500_000,
      method: 'cash',
      commune: 'KH-BAC-AI-DONG',
      occurredAt: at('2026-10-05'),
    };
    const paid = await post(ledger, '/subsidy-payments', payment);
    expect(paid.status).toBe(201);
    const retracted = await correct(ledger, {
      correctsEventId: paid.body.eventIds[0],
      kind: 'retraction',
      reason: 'Chi nhầm đối tượng, đã thu hồi theo biên bản',
      occurredAt: at('2026-10-06'),
    });
    expect(retracted.status).toBe(201);
    const again = await post(ledger, '/subsidy-payments', { ...payment, occurredAt: at('2026-10-07') });
    expect(again.status).toBe(201);
  });

  it('answers 404 for a correction of an event that does not exist', async () => {
    const res = await correct(ledger, {
      correctsEventId: '0b6f8a52-1111-4111-8111-111111111111',
      kind: 'retraction',
      reason: 'no such event at all here',
      occurredAt: at('2026-10-06'),
    });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('CORRECTED_EVENT_NOT_FOUND');
  });
});
