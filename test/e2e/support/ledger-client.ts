// Small helpers over supertest that the end-to-end suites share.
import type { TestLedger } from './test-app';
import { at, officer } from './test-app';
import { DEFAULT_COMMUNE, supervisor } from './tokens';

export async function headPosition(ledger: TestLedger): Promise<number> {
  const res = await ledger.http().get('/health').expect(200);
  return res.body.eventStore.headPosition as number;
}

export async function post(
  ledger: TestLedger,
  path: string,
  body: object,
  headers: Record<string, string> = officer(),
) {
  return ledger.http().post(path).set(headers).send(body);
}

/** Registers a housing case and walks it to `upTo` (as `who`, the default officer unless told); returns the case id. */
export async function housingCaseAt(
  ledger: TestLedger,
  upTo: 'registered' | 'funded' | 'started' | 'completed',
  citizenId = '058200000001',
  commune = DEFAULT_COMMUNE,
  who: Record<string, string> = officer(),
): Promise<string> {
  const reg = await post(
    ledger,
    '/housing-cases',
    { householdHeadCitizenId: citizenId, commune, category: 'poor', occurredAt: at('2026-03-02') },
    who,
  );
  expect(reg.status).toBe(201);
  const caseId = reg.body.caseId as string;
  if (upTo === 'registered') return caseId;
  const steps: Array<[string, string, object]> = [
    [
      'funded',
      'funding-approvals',
      { amountVnd: 60_000_000, source: 'central_budget', occurredAt: at('2026-03-10') },
    ],
    ['started', 'construction-starts', { occurredAt: at('2026-04-01') }],
    ['completed', 'completions', { floorAreaM2: 42.5, occupants: 5, occurredAt: at('2026-07-15') }],
  ];
  for (const [state, sub, body] of steps) {
    const res = await post(ledger, `/housing-cases/${caseId}/${sub}`, body, who);
    expect(res.status).toBe(201);
    if (state === upTo) break;
  }
  return caseId;
}

/** Waits until every projection has applied every committed event (read-your-writes for a test). */
export async function untilProjected(ledger: TestLedger, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await ledger.http().get('/health');
    const projections = res.body.projections as Array<{ name: string; lag: number; state: string }>;
    const failed = projections.filter((p) => p.state === 'failed');
    if (failed.length > 0) throw new Error(`projections failed: ${JSON.stringify(res.body.projections)}`);
    if (projections.length > 0 && projections.every((p) => p.lag === 0)) return;
    if (Date.now() > deadline) throw new Error(`projections still lag: ${JSON.stringify(projections)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** POST /corrections as a supervisor (by default of the agency of officer()). */
export function correct(ledger: TestLedger, body: object, headers: Record<string, string> = supervisor()) {
  return post(ledger, '/corrections', body, headers);
}
