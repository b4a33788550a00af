// The rules of the dashboard's queue of writes made offline (public/outbox-rules.js, a plain ES module of the
// page): what is queued, what a replay's answer makes of a write, how long it waits before the next try, and what a
// fix does. The module is loaded as the browser has it, turned into CommonJS by TypeScript's own transpiler.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { DASHBOARD_ASSETS_DIR } from '../../apps/ledger-api/src/dashboard/dashboard.controller';

interface Write {
  id: string;
  owner: string;
  path: string;
  body: Record<string, unknown>;
  state: 'waiting' | 'recorded' | 'refused';
  attempts: number;
  createdAt: number;
  updatedAt: number;
  nextTryAt: number | null;
  refusal: { status: number | null; code: string | null; detail: string; field: string | null } | null;
  answer: { eventIds: string[]; caseId: string | null; replayed: boolean } | null;
}
interface ApiLikeError {
  status?: number;
  code?: string;
  detail?: string;
  body?: Record<string, unknown>;
  message?: string;
}
interface Rules {
  RETRY_FIRST_MS: number;
  RETRY_LONGEST_MS: number;
  shouldQueue(error: unknown, online?: boolean): boolean;
  newWrite(input: { owner: string | null; path: string; body: Record<string, unknown>; now: number }): Write;
  outcomeOf(error: unknown): 'retry' | 'sign-in' | 'refused';
  retryDelay(attempts: number): number;
  recorded(write: Write, answer: unknown, now: number): Write;
  refused(write: Write, error: ApiLikeError, now: number): Write;
  failed(write: Write, now: number, retryAfterSeconds?: number | null): Write;
  fixed(write: Write, fields: Record<string, unknown>, now: number): Write;
  dueWrites(writes: Write[], now: number, all?: boolean): Write[];
  nextTryAt(writes: Write[]): number | null;
  pendingCount(writes: Write[]): number;
}

function loadRules(): Rules {
  const source = readFileSync(join(DASHBOARD_ASSETS_DIR, 'outbox-rules.js'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const module = { exports: {} as Rules };
  new Function('module', 'exports', outputText)(module, module.exports);
  return module.exports;
}

const rules = loadRules();
const ID = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';
const T0 = Date.UTC(2026, 10, 5, 2, 0, 0);
const payment = {
  id: ID,
  programme: 'tro-cap-xa-hoi',
  beneficiaryCitizenId: '058200000411',
  period: '2026-11',
  amountVnd: 500_000,
  method: 'cash',
  commune: 'KH-BAC-AI-DONG',
  occurredAt: '2026-11-05T09:00:00+07:00',
};
const queued = (overrides: Partial<Write> = {}): Write => ({
  ...rules.newWrite({ owner: 'can-bo-01', path: '/subsidy-payments', body: payment, now: T0 }),
  ...overrides,
});
const networkFailure = new TypeError('Failed to fetch');

describe('the queue of writes made offline', () => {
  it('queues a write when offline, when the request got no answer, or when the server is away; never a refusal', () => {
    expect(rules.shouldQueue(networkFailure, false)).toBe(true);
    expect(rules.shouldQueue(networkFailure, true)).toBe(true);
    for (const status of [502, 503, 504]) expect(rules.shouldQueue({ status }, true)).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 412, 422, 429, 500])
      expect({ status, queued: rules.shouldQueue({ status }, true) }).toEqual({ status, queued: false });
  });

  it('keeps the event id the form gave the write, and the officer who made it', () => {
    const write = queued();
    expect(write).toMatchObject({
      id: ID,
      owner: 'can-bo-01',
      path: '/subsidy-payments',
      state: 'waiting',
      attempts: 0,
      nextTryAt: T0,
      body: payment,
    });
    expect(() => rules.newWrite({ owner: null, path: '/subsidy-payments', body: payment, now: T0 })).toThrow(
      /officer/,
    );
    const { id: _id, ...withoutId } = payment;
    expect(() => rules.newWrite({ owner: 'can-bo-01', path: '/x', body: withoutId, now: T0 })).toThrow(
      /event id/,
    );
  });

  it('reads a replay: recorded, sign in again (401), try again later (no answer, 408, 429, 5xx), or refused (4xx)', () => {
    expect(rules.outcomeOf(networkFailure)).toBe('retry');
    for (const status of [408, 425, 429, 500, 502, 503, 504])
      expect(rules.outcomeOf({ status })).toBe('retry');
    expect(rules.outcomeOf({ status: 401 })).toBe('sign-in');
    for (const status of [400, 403, 404, 409, 412, 422]) expect(rules.outcomeOf({ status })).toBe('refused');
  });

  it('waits twice as long after each failed try in a row, from 5 seconds up to 5 minutes, or as long as the server asks', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8, 20, 1000].map((n) => rules.retryDelay(n));
    const expected = [1, 2, 3, 4, 5, 6, 7, 8, 20, 1000].map((n) =>
      Math.min(rules.RETRY_LONGEST_MS, rules.RETRY_FIRST_MS * 2 ** (n - 1)),
    );
    expect(waits).toEqual(expected);
    expect(rules.RETRY_FIRST_MS).toBe(5_000);
    expect(rules.RETRY_LONGEST_MS).toBe(300_000);

    const once = rules.failed(queued(), T0);
    expect(once).toMatchObject({ state: 'waiting', attempts: 1, nextTryAt: T0 + 5_000 });
    const twice = rules.failed(once, T0 + 5_000);
    expect(twice).toMatchObject({ attempts: 2, nextTryAt: T0 + 5_000 + 10_000 });
    expect(rules.failed(queued(), T0, 120).nextTryAt).toBe(T0 + 120_000);
  });

  it('drops the fields sent once a write is recorded, keeping only its id and what the ledger answered', () => {
    const answer = { eventIds: [ID], stream: 's', replayed: true };
    const done = rules.recorded(queued(), answer, T0 + 1);
    expect(done).toMatchObject({ state: 'recorded', body: { id: ID }, nextTryAt: null });
    expect(done.answer).toEqual({ eventIds: [ID], caseId: null, replayed: true });
    expect(JSON.stringify(done)).not.toContain(payment.beneficiaryCitizenId);
  });

  it("keeps the ledger's reason for a refusal, and a fix is the same event id waiting to be sent again", () => {
    const problem = {
      status: 409,
      code: 'SUBSIDY_ALREADY_PAID',
      detail: 'already paid for 2026-11',
      body: { field: 'period' },
    };
    const no = rules.refused(queued(), problem, T0 + 1);
    expect(no).toMatchObject({ state: 'refused', nextTryAt: null });
    expect(no.refusal).toEqual({
      status: 409,
      code: 'SUBSIDY_ALREADY_PAID',
      detail: 'already paid for 2026-11',
      field: 'period',
    });
    const { id: _id, ...fields } = payment;
    const again = rules.fixed(no, { ...fields, period: '2026-12', id: 'another-id' }, T0 + 2);
    expect(again).toMatchObject({ state: 'waiting', attempts: 0, nextTryAt: T0 + 2, refusal: null });
    expect(again.body).toEqual({ ...payment, period: '2026-12' });
    expect(() => rules.fixed(queued(), fields, T0)).toThrow(/refused/);
  });

  it('sends the due writes oldest first (every waiting one when the connection comes back), and counts what is left', () => {
    const a = queued({ id: 'a', createdAt: T0 + 2, nextTryAt: T0 + 2 });
    const b = queued({ id: 'b', createdAt: T0 + 1, nextTryAt: T0 + 60_000 });
    const c = queued({ id: 'c', createdAt: T0, nextTryAt: T0 });
    const done = rules.recorded(queued({ id: 'd' }), { eventIds: ['d'] }, T0);
    const no = rules.refused(queued({ id: 'e' }), { status: 400, detail: 'bad' }, T0);
    const writes = [a, b, c, done, no];
    expect(rules.dueWrites(writes, T0 + 10).map((w) => w.id)).toEqual(['c', 'a']);
    expect(rules.dueWrites(writes, T0 + 10, true).map((w) => w.id)).toEqual(['c', 'b', 'a']);
    expect(rules.nextTryAt(writes)).toBe(T0);
    expect(rules.nextTryAt([done, no])).toBeNull();
    expect(rules.pendingCount(writes)).toBe(4);
  });
});
