// The four actions the users named, recorded end to end over HTTP on a real embedded store.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { housingCaseAt, post } from './support/ledger-client';
import { at, officer, startTestLedger, type TestLedger } from './support/test-app';
import { DEFAULT_AGENCY } from './support/tokens';

describe('recording actions over HTTP', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await startTestLedger();
  });
  afterAll(() => ledger.close());

  it('walks a housing case from registration to handover, each step an event with its envelope', async () => {
    const caseId = await housingCaseAt(ledger, 'completed');
    const handover = await post(ledger, `/housing-cases/${caseId}/handovers`, {
      occurredAt: at('2026-07-20'),
      evidence: [{ ref: 'BB-BAN-GIAO-17/2026', sha256: 'a'.repeat(64), description: 'biên bản bàn giao' }],
    });
    expect(handover.status).toBe(201);
    expect(handover.headers.etag).toBe('"4"');

    const stream = await ledger.http().get(`/streams/housing-case-${caseId}`).expect(200);
    expect(stream.body.events.map((e: { type: string }) => e.type)).toEqual([
      'HousingCaseRegistered',
      'HousingFundingApproved',
      'HousingConstructionStarted',
      'HousingConstructionCompleted',
      'HouseHandedOver',
    ]);
    const [registered, , , completed, handedOver] = stream.body.events;
    expect(registered.data.householdRef).toMatch(/^b-[0-9a-f]{32}$/);
    expect(registered.metadata.orgUnit).toBe('KH-BAC-AI-DONG');
    expect(completed.data).toMatchObject({ floorAreaM2: 42.5, occupants: 5 });
    expect(handedOver.metadata).toMatchObject({
      actor: { officer: 'can-bo-01', agency: DEFAULT_AGENCY, role: 'officer' },
      orgUnit: 'KH-BAC-AI-DONG',
      evidence: [{ ref: 'BB-BAN-GIAO-17/2026', sha256: 'a'.repeat(64), description: 'biên bản bàn giao' }],
    });
    expect(handedOver.prevHash).toBe(completed.hash);
    expect(handedOver.revision).toBe(4);

    const one = await ledger.http().get(`/events/${handedOver.id}`).expect(200);
    expect(one.body).toEqual(handedOver);
  });

  it("answers a write with the indicators it moved, by the plan's contribution rules", async () => {
    const caseId = await housingCaseAt(ledger, 'started', '058200000417');
    const floorAreaM2 = 38.5;
    const res = await post(ledger, `/housing-cases/${caseId}/completions`, {
      floorAreaM2,
      occupants: 4,
      occurredAt: at('2026-08-03'),
    });
    expect(res.status).toBe(201);
    // Expected from the seeds' definitions: every rule on this event, a count adding 1 and a sum its field.
    const seed = JSON.parse(readFileSync(join(__dirname, '../../seeds/indicators.json'), 'utf8')) as {
      indicators: {
        key: string;
        contributions: { event: string; measure: string; part: string; field?: string; factor?: number }[];
      }[];
    };
    const data: Record<string, number> = { floorAreaM2, occupants: 4 };
    const expected = seed.indicators.flatMap((i) =>
      i.contributions
        .filter((c) => c.event === 'HousingConstructionCompleted')
        .map((c) => ({
          key: i.key,
          part: c.part,
          change: (c.measure === 'count' ? 1 : data[c.field!]) * (c.factor ?? 1),
        })),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(res.body.indicators).toEqual(expected);
  });

  it('never stores a citizen id in clear', async () => {
    await housingCaseAt(ledger, 'registered', '058299999999');
    const raw = readFileSync(join(ledger.dataDir, 'events.db')).toString('latin1');
    const wal = (() => {
      try {
        return readFileSync(join(ledger.dataDir, 'events.db-wal')).toString('latin1');
      } catch {
        return '';
      }
    })();
    expect(raw + wal).not.toContain('058299999999');
  });

  it('refuses steps that make no sense with a named error', async () => {
    const caseId = await housingCaseAt(ledger, 'funded');
    const early = await post(ledger, `/housing-cases/${caseId}/completions`, {
      floorAreaM2: 40,
      occupants: 4,
      occurredAt: at('2026-05-01'),
    });
    expect(early.status).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.body.code).toBe('HOUSE_CONSTRUCTION_NOT_STARTED');

    const missing = await post(ledger, '/housing-cases/6f1c1d2e-0000-4000-8000-000000000000/completions', {
      floorAreaM2: 40,
      occupants: 4,
      occurredAt: at('2026-05-01'),
    });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('CASE_NOT_FOUND');
  });

  it('records a subsidy payment once per beneficiary, programme and period', async () => {
    const payment = {
      programme: 'tro-cap-xa-hoi',
      beneficiaryCitizenId: '058200000101',
      period: '2026-11',
      amountVnd: 500_000,
      method: 'bank',
      commune: 'KH-BAC-AI-DONG',
      occurredAt: at('2026-11-05'),
    };
    const first = await post(ledger, '/subsidy-payments', payment);
    expect(first.status).toBe(201);
    expect(first.body.stream).toMatch(/^subsidy-payment-tro-cap-xa-hoi-b-[0-9a-f]{32}-2026-11$/);

    const twice = await post(ledger, '/subsidy-payments', { ...payment, amountVnd: 600_000 });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('SUBSIDY_ALREADY_PAID');

    const nextMonth = await post(ledger, '/subsidy-payments', {
      ...payment,
      period: '2026-12',
      occurredAt: at('2026-11-06'),
    });
    expect(nextMonth.status).toBe(201);
  });

  it("walks a martyrs' remains case from opening to closure", async () => {
    const opened = await post(ledger, '/remains-cases', {
      site: 'Đồi 600, thôn Suối Rớ',
      commune: 'KH-BAC-AI-DONG',
      occurredAt: at('2026-02-01'),
    });
    expect(opened.status).toBe(201);
    const id = opened.body.caseId;
    const steps: Array<[string, object]> = [
      ['recoveries', { setsOfRemains: 2, occurredAt: at('2026-02-10') }],
      ['identifications', { method: 'dna', martyrRecordRef: 'LS-1972-0042', occurredAt: at('2026-05-10') }],
      ['reburials', { cemetery: 'Nghĩa trang liệt sĩ huyện Bác Ái', occurredAt: at('2026-07-27') }],
      ['closures', { outcome: 'reburied', occurredAt: at('2026-07-28') }],
    ];
    for (const [sub, body] of steps) {
      const res = await post(ledger, `/remains-cases/${id}/${sub}`, body, officer('BCHQS-BAC-AI'));
      expect(res.status).toBe(201);
    }
    const after = await post(ledger, `/remains-cases/${id}/recoveries`, {
      setsOfRemains: 1,
      occurredAt: at('2026-08-01'),
    });
    expect(after.status).toBe(409);
  });

  it('walks a training course: open, enrol, certify, close; a trainee never enrolled cannot be certified', async () => {
    const opened = await post(ledger, '/training-courses', {
      occupation: 'May công nghiệp',
      level: 'under_3_months',
      commune: 'KH-BAC-AI-DONG',
      capacity: 30,
      occurredAt: at('2026-03-01'),
    });
    expect(opened.status).toBe(201);
    const id = opened.body.caseId;
    expect(
      (
        await post(ledger, `/training-courses/${id}/enrolments`, {
          traineeCitizenId: '058200000201',
          occurredAt: at('2026-03-02'),
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await post(ledger, `/training-courses/${id}/certifications`, {
          traineeCitizenId: '058200000201',
          certificateNo: 'CC-0001',
          occurredAt: at('2026-05-30'),
        })
      ).status,
    ).toBe(201);
    const stranger = await post(ledger, `/training-courses/${id}/certifications`, {
      traineeCitizenId: '058200000299',
      certificateNo: 'CC-0002',
      occurredAt: at('2026-05-30'),
    });
    expect(stranger.status).toBe(409);
    expect(stranger.body.code).toBe('TRAINEE_NOT_ENROLLED');
    expect(
      (await post(ledger, `/training-courses/${id}/closures`, { occurredAt: at('2026-06-01') })).status,
    ).toBe(201);
  });
});
