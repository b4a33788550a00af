import type { QueryBus } from '@nestjs/cqrs';
import type { ProjectionRunner } from '@ledger/projections';
import type { ReadStoreReader } from '@ledger/read-store';
import { GetAgencyTrailHandler } from './get-agency-trail.handler';
import { GetAgencyTrailQuery } from './get-agency-trail.query';

describe('GetAgencyTrailHandler keeps a trail while no projection moves', () => {
  let checkpoint = 5;
  let openSteps = 3;
  const count = jest.fn(async () => ({ total: 2 * openSteps, buckets: { '2026-01-01': 2 * openSteps } }));
  const store = {
    get: async (collection: string, id: string) =>
      collection === 'agencies'
        ? { code: id, successionsIn: [] }
        : collection === 'open-step-counts'
          ? count()
          : { agency: id, recorded: 7 },
    find: async () => ({ items: [] }),
    activeGeneration: async (projection: string) => ({ projection, generation: 1, version: 1, checkpoint }),
  } as unknown as ReadStoreReader;
  const handler = new GetAgencyTrailHandler(
    store,
    { execute: jest.fn() } as unknown as QueryBus,
    { projectionNames: ['plan-catalog', 'agency-trail'] } as unknown as ProjectionRunner,
  );

  it('counts once per stamp, again after a checkpoint moves, and per agency and day', async () => {
    const first = await handler.execute(new GetAgencyTrailQuery('LDTBXH-BAC-AI', '2026-12-31'));
    expect(first.openStepsTotal).toBe(6);
    expect(first.pastDueTotal).toBe(6);
    const calls = count.mock.calls.length;
    const again = await handler.execute(new GetAgencyTrailQuery('LDTBXH-BAC-AI', '2026-12-31'));
    expect(again).toEqual(first);
    expect(count).toHaveBeenCalledTimes(calls);
    // What is kept is frozen: a caller cannot change it for the next one.
    expect(() => {
      again.openStepsTotal = 99;
    }).toThrow(TypeError);
    expect(
      (await handler.execute(new GetAgencyTrailQuery('LDTBXH-BAC-AI', '2026-12-31'))).openStepsTotal,
    ).toBe(6);
    await handler.execute(new GetAgencyTrailQuery('LDTBXH-BAC-AI', '2026-06-30'));
    expect(count).toHaveBeenCalledTimes(2 * calls);
    openSteps = 4;
    checkpoint = 6;
    expect(
      (await handler.execute(new GetAgencyTrailQuery('LDTBXH-BAC-AI', '2026-12-31'))).openStepsTotal,
    ).toBe(8);
  });
});
