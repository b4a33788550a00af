import type { HealthReport, ProjectionHealth } from '../get-health/get-health.query';
import { notReadyParts } from './readiness';

const projection = (name: string, lag: number, state = 'live'): ProjectionHealth => ({
  name,
  state,
  checkpoint: 100 - lag,
  lag,
});

const report = (over: Partial<HealthReport> = {}): HealthReport => ({
  status: 'ok',
  eventStore: { kind: 'sqlite', status: 'ok', headPosition: 100 },
  readStore: { kind: 'sqlite', status: 'ok' },
  projections: [projection('plan-catalog', 0), projection('merkle-log', 5)],
  ...over,
});

describe('readiness', () => {
  it('is ready with both stores answering and every projection within the allowed lag (the bound included)', () => {
    expect(notReadyParts(report(), 5)).toEqual([]);
  });

  it('names each store that does not answer, never its error text', () => {
    const down = report({
      eventStore: {
        kind: 'eventstoredb',
        status: 'unavailable',
        error: 'connect ECONNREFUSED 10.0.0.5:2113',
      },
      readStore: { kind: 'mongodb', status: 'unavailable', error: 'mongodb://user:secret@db' },
    });
    expect(notReadyParts(down, 1000)).toEqual([
      { part: 'eventStore', reason: 'the eventstoredb event store does not answer' },
      { part: 'readStore', reason: 'the mongodb read store does not answer' },
    ]);
  });

  it('names a failed projection and each one behind by more than the allowed lag', () => {
    const parts = notReadyParts(
      report({
        projections: [
          projection('plan-catalog', 0, 'failed'),
          projection('indicator-progress', 6),
          projection('merkle-log', 5),
        ],
      }),
      5,
    );
    expect(parts).toEqual([
      { part: 'projections', name: 'plan-catalog', reason: 'failed; restart or rebuild it' },
      {
        part: 'projections',
        name: 'indicator-progress',
        reason: '6 events behind the log (LEDGER_READY_MAX_LAG is 5)',
      },
    ]);
  });

  it('is not ready when no projection state could be read while the stores answer', () => {
    expect(notReadyParts(report({ projections: [] }), 1000)).toEqual([
      { part: 'projections', name: 'all', reason: 'their state could not be read' },
    ]);
  });
});
