import type { QueryBus } from '@nestjs/cqrs';
import type { ProjectionRunner } from '@ledger/projections';
import type { ReadStoreReader } from '@ledger/read-store';
import { ListIndicatorsHandler } from './list-indicators.handler';
import { ListIndicatorsQuery } from './list-indicators.query';

describe('ListIndicatorsHandler keeps a page while no projection moves', () => {
  let checkpoint = 5;
  const indicator = (key: string, definition: object | null) => ({
    id: key,
    doc: { key, definition, target: { value: 10 }, targetText: '10', section: 'II.2' },
  });
  const find = jest.fn(async () => ({
    items: [indicator('a', { planText: 'A' }), indicator('b', null), indicator('c', { planText: 'C' })],
    nextCursor: 'next',
  }));
  let figure = 1;
  const execute = jest.fn(async (q: { indicatorKey: string }) => ({
    indicator: { key: q.indicatorKey },
    figure,
  }));
  const handler = new ListIndicatorsHandler(
    {
      find,
      activeGeneration: async (projection: string) => ({ projection, generation: 1, version: 1, checkpoint }),
    } as unknown as ReadStoreReader,
    { execute } as unknown as QueryBus,
    { projectionNames: ['plan-catalog', 'indicator-progress'] } as unknown as ProjectionRunner,
  );
  const list = () => handler.execute(new ListIndicatorsQuery(undefined, 'C-1', '2026-12-31', 50, undefined));

  it('lists the indicators with a definition, each with its progress and target, in one read per stamp', async () => {
    const first = await list();
    expect(first).toEqual({
      items: [
        { indicator: { key: 'a' }, figure: 1, target: { value: 10 }, targetText: '10', planText: 'A' },
        { indicator: { key: 'c' }, figure: 1, target: { value: 10 }, targetText: '10', planText: 'C' },
      ],
      nextCursor: 'next',
    });
    expect(await list()).toEqual(first);
    expect(find).toHaveBeenCalledTimes(1);
    expect(execute).toHaveBeenCalledTimes(2);
    figure = 2;
    checkpoint = 6;
    expect((await list()).items.map((i) => (i as unknown as { figure: number }).figure)).toEqual([2, 2]);
    expect(find).toHaveBeenCalledTimes(2);
    await handler.execute(new ListIndicatorsQuery('II.2', 'C-1', '2026-12-31', 50, undefined));
    expect(find).toHaveBeenCalledTimes(3);
  });
});
