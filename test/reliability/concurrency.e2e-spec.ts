// Concurrency: many clients change the same cases at once. Each attempt either appends
// (201) or is refused with 409/412; the stream holds exactly the accepted events, once each, in contiguous
// revisions; nothing accepted is lost and no rule (a course's capacity, one completion per house) is
// broken by a race. Seeded fast-check; LEDGER_SOAK=1 runs more rounds.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { headPosition, post, untilProjected } from '../e2e/support/ledger-client';
import { at, officer, startTestLedger, type TestLedger } from '../e2e/support/test-app';

const SOAK = process.env.LEDGER_SOAK === '1';
const SEED = Number(process.env.LEDGER_FC_SEED ?? 20261128);

interface StoredEvent {
  id: string;
  type: string;
  revision: number;
  data: Record<string, unknown>;
}

async function streamEvents(ledger: TestLedger, stream: string): Promise<StoredEvent[]> {
  const res = await ledger
    .http()
    .get(`/streams/${encodeURIComponent(stream)}`)
    .expect(200);
  return res.body.events as StoredEvent[];
}

function expectContiguous(events: StoredEvent[]): void {
  expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
  expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
}

describe('many clients changing the same cases at once', () => {
  let ledger: TestLedger;
  let citizen = 58_300_000_000;
  const nextCitizen = () => String(++citizen).padStart(12, '0');
  beforeAll(async () => {
    ledger = await startTestLedger();
    // Listen once: supertest would otherwise open and close a server per request, and one request's close
    // resets the connections of the others in flight.
    await ledger.app.listen(0, '127.0.0.1');
  });
  afterAll(() => ledger.close());

  it('enrolments racing for a course: 201 or 409 each, never over capacity, every accepted one stored once', async () => {
    const attempts = fc.record({
      capacity: fc.integer({ min: 1, max: 6 }),
      // Each attempt names a trainee (some trainees twice, by two officers) and may be a retry of itself.
      trainees: fc.array(fc.integer({ min: 0, max: 11 }), { minLength: 2, maxLength: 24 }),
      retries: fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
    });
    let rounds = 0;
    let requests = 0;
    await fc.assert(
      fc.asyncProperty(attempts, async ({ capacity, trainees, retries }) => {
        rounds++;
        const opened = await post(ledger, '/training-courses', {
          occupation: 'Hàn điện',
          level: 'elementary',
          commune: 'KH-BAC-AI-DONG',
          capacity,
          occurredAt: at('2026-03-01'),
        });
        expect(opened.status).toBe(201);
        const courseId = opened.body.caseId as string;
        const people = Array.from({ length: 12 }, nextCitizen);
        const calls = trainees.flatMap((t, i) => {
          const id = randomUUID();
          const send = () =>
            post(
              ledger,
              `/training-courses/${courseId}/enrolments`,
              { id, traineeCitizenId: people[t], occurredAt: at('2026-03-05') },
              officer('VHXH-XA-BAC-AI-DONG', `can-bo-${i}`),
            ).then((res) => ({ id, res }));
          return retries[i] ? [send(), send()] : [send()];
        });
        const results = await Promise.all(calls);
        requests += results.length;
        for (const { res } of results) expect([201, 409]).toContain(res.status);
        const accepted = new Set(results.filter((r) => r.res.status === 201).map((r) => r.id));
        const events = await streamEvents(ledger, opened.body.stream);
        expectContiguous(events);
        const enrolled = events.filter((e) => e.type === 'TraineeEnrolled');
        expect(new Set(enrolled.map((e) => e.id))).toEqual(accepted);
        expect(enrolled.length).toBeLessThanOrEqual(capacity);
        const refs = enrolled.map((e) => JSON.stringify(e.data.traineeRef ?? e.data));
        expect(new Set(refs).size).toBe(refs.length);
        // No lost update: if there was room and a distinct trainee, it was not dropped by a race alone.
        const distinct = new Set(trainees).size;
        expect(enrolled.length).toBe(Math.min(capacity, distinct));
      }),
      { numRuns: SOAK ? 200 : 25, seed: SEED },
    );
    console.log(`concurrency: ${rounds} course rounds, ${requests} racing enrolment requests`);
  }, 300_000);

  it('steps of one house raced with If-Match: exactly one winner per step, the rest 412, nothing lost', async () => {
    const rounds = SOAK ? 40 : 8;
    for (let round = 0; round < rounds; round++) {
      // housingCaseAt walks a case past 'registered' (that state has no step to stop at): register here.
      const registered = await post(ledger, '/housing-cases', {
        householdHeadCitizenId: nextCitizen(),
        commune: 'KH-BAC-AI-DONG',
        category: 'poor',
        occurredAt: at('2026-03-02'),
      });
      expect(registered.status).toBe(201);
      const caseId = registered.body.caseId as string;
      const stream = `housing-case-${caseId}`;
      const steps: Array<[string, (i: number) => object]> = [
        [
          'funding-approvals',
          (i) => ({ amountVnd: 60_000_000 + i, source: 'central_budget', occurredAt: at('2026-03-10') }),
        ],
        ['construction-starts', () => ({ occurredAt: at('2026-04-01') })],
        [
          'completions',
          (i) => ({ floorAreaM2: 40 + i, occupants: 1 + (i % 6), occurredAt: at('2026-07-15') }),
        ],
      ];
      const winners: string[] = [];
      for (const [sub, body] of steps) {
        const seen = (await streamEvents(ledger, stream)).length - 1;
        const results = await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            post(ledger, `/housing-cases/${caseId}/${sub}`, body(i), {
              ...officer('VHXH-XA-BAC-AI-DONG', `can-bo-${i}`),
              'If-Match': `"${seen}"`,
            }),
          ),
        );
        const ok = results.filter((r) => r.status === 201);
        expect(ok).toHaveLength(1);
        for (const r of results) expect([201, 409, 412]).toContain(r.status);
        winners.push(ok[0].body.eventIds[0] as string);
      }
      const events = await streamEvents(ledger, stream);
      expectContiguous(events);
      expect(events.slice(1).map((e) => e.id)).toEqual(winners);
    }
  }, 300_000);

  it('after the races the projections converge and the head counts every accepted event', async () => {
    await untilProjected(ledger, 20_000);
    expect(await headPosition(ledger)).toBeGreaterThan(0);
  });
});
