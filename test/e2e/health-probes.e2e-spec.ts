// Liveness and readiness apart: /health/live answers while the process does, whatever its stores;
// /health/ready answers 200 only while both stores answer and every projection is within
// LEDGER_READY_MAX_LAG events of the log, else a 503 problem naming each part that is not ready. The stores
// are made unavailable for real (closed under the running app), and the lag is made by running the api
// without its projections, as when the projector process is down.
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { READ_STORE, type ReadStore } from '@ledger/read-store';
import { post } from './support/ledger-client';
import { at, startTestLedger, type TestLedger } from './support/test-app';

jest.setTimeout(120_000);

const registration = (citizenId: string) => ({
  householdHeadCitizenId: citizenId,
  commune: 'KH-BAC-AI-DONG',
  category: 'poor',
  occurredAt: at('2026-03-02'),
});

interface NotReady {
  code: string;
  status: number;
  detail: string;
  notReady: Array<{ part: string; name?: string; reason: string }>;
}

describe('health probes: live and ready', () => {
  describe('with the projections in the api', () => {
    let ledger: TestLedger;
    beforeAll(async () => {
      ledger = await startTestLedger();
    });
    afterAll(() => ledger.close());

    it('is live and ready, with each projection and its lag', async () => {
      const live = await ledger.anonymous().get('/health/live').expect(200);
      expect(live.body).toEqual({ status: 'live' });
      const ready = await ledger.anonymous().get('/health/ready').expect(200);
      expect(ready.body).toMatchObject({
        status: 'ready',
        maxLag: 1000,
        eventStore: { kind: 'sqlite', status: 'ok' },
        readStore: { kind: 'sqlite', status: 'ok' },
      });
      expect(ready.body.projections.length).toBeGreaterThan(0);
      for (const projection of ready.body.projections as Array<{ lag: number }>)
        expect(projection.lag).toBeLessThanOrEqual(1000);
      // The health report of before still answers as it did.
      await ledger.anonymous().get('/health').expect(200);
    });

    it('with the read store unavailable: still live, not ready (503 naming the read store)', async () => {
      await ledger.app.get<ReadStore>(READ_STORE).close();
      await ledger.anonymous().get('/health/live').expect(200);
      const ready = await ledger.anonymous().get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(ready.headers['retry-after']).toBeDefined();
      const body = ready.body as NotReady;
      expect(body).toMatchObject({ code: 'NOT_READY', status: 503 });
      expect(body.notReady).toContainEqual({
        part: 'readStore',
        reason: 'the sqlite read store does not answer',
      });
      expect(body.notReady.map((p) => p.part)).not.toContain('eventStore');
      expect(body.detail).toContain('readStore');
      // No file path or driver message in what anyone may read.
      expect(JSON.stringify(body)).not.toContain(ledger.dataDir);
      await ledger.anonymous().get('/health').expect(503);
    });
  });

  describe('with the projections in another process (stopped), LEDGER_READY_MAX_LAG=1', () => {
    let ledger: TestLedger;
    beforeAll(async () => {
      ledger = await startTestLedger({
        env: { LEDGER_PROJECTIONS_IN_API: 'false', LEDGER_READY_MAX_LAG: '1' },
      });
    });
    afterAll(() => ledger.close());

    it('is ready up to the allowed lag and not ready past it, naming the projections behind', async () => {
      expect((await post(ledger, '/housing-cases', registration('058200008801'))).status).toBe(201);
      const within = await ledger.anonymous().get('/health/ready').expect(200);
      expect(within.body.maxLag).toBe(1);

      expect((await post(ledger, '/housing-cases', registration('058200008802'))).status).toBe(201);
      const behind = await ledger.anonymous().get('/health/ready');
      expect(behind.status).toBe(503);
      const body = behind.body as NotReady;
      expect(body.code).toBe('NOT_READY');
      const lagging = body.notReady.filter((p) => p.part === 'projections');
      expect(lagging.length).toBeGreaterThan(0);
      for (const part of lagging) {
        expect(part.name).toBeTruthy();
        expect(part.reason).toBe('2 events behind the log (LEDGER_READY_MAX_LAG is 1)');
      }
      expect(body.detail).toContain(`projection ${lagging[0].name}: 2 events behind the log`);
      await ledger.anonymous().get('/health/live').expect(200);
    });

    it('with the event store unavailable: still live, not ready (503 naming the event store)', async () => {
      await ledger.app.get<EventStore>(EVENT_STORE).close();
      await ledger.anonymous().get('/health/live').expect(200);
      const ready = await ledger.anonymous().get('/health/ready');
      expect(ready.status).toBe(503);
      expect((ready.body as NotReady).notReady).toContainEqual({
        part: 'eventStore',
        reason: 'the sqlite event store does not answer',
      });
    });
  });
});
