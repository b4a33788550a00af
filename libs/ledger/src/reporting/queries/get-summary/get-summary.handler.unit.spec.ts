import type { QueryBus } from '@nestjs/cqrs';
import type { PlanModel } from '@ledger/domain';
import type { ProjectionRunner } from '@ledger/projections';
import type { ReadStoreReader } from '@ledger/read-store';
import { GetSummaryHandler } from './get-summary.handler';
import { GetSummaryQuery } from './get-summary.query';

describe('GetSummaryHandler keeps a summary while no projection moves', () => {
  let checkpoint = 5;
  const execute = jest.fn(async () => ({
    indicator: { key: 'houses_built', nameVi: 'Nhà', section: 'II.2' },
    progress: { status: 'on_track', value: checkpoint, targetText: '100' },
  }));
  const store = {
    find: async () => ({ items: [{ id: 'houses_built', doc: { key: 'houses_built', definition: {} } }] }),
    activeGeneration: async (projection: string) => ({ projection, generation: 1, version: 1, checkpoint }),
  } as unknown as ReadStoreReader;
  const handler = new GetSummaryHandler(
    store,
    { planOrgUnit: 'NT-BAC-AI' } as PlanModel,
    { execute } as unknown as QueryBus,
    { projectionNames: ['plan-catalog', 'indicator-progress'] } as unknown as ProjectionRunner,
  );

  it('computes once per stamp, again after a checkpoint moves, and per org unit and day', async () => {
    const first = await handler.execute(new GetSummaryQuery(undefined, '2026-12-31'));
    const again = await handler.execute(new GetSummaryQuery(undefined, '2026-12-31'));
    expect(again).toEqual(first);
    expect(execute).toHaveBeenCalledTimes(1);
    // What is kept is frozen: a caller cannot change it for the next one.
    expect(() => {
      again.indicators = 99;
    }).toThrow(TypeError);
    expect((await handler.execute(new GetSummaryQuery(undefined, '2026-12-31'))).indicators).toBe(1);
    expect(execute).toHaveBeenCalledTimes(1);
    await handler.execute(new GetSummaryQuery(undefined, '2026-06-30'));
    expect(execute).toHaveBeenCalledTimes(2);
    checkpoint = 6;
    await handler.execute(new GetSummaryQuery(undefined, '2026-12-31'));
    expect(execute).toHaveBeenCalledTimes(3);
  });
});
