import { Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { todayInLedgerZone } from '@ledger/domain';
import { INDICATORS, type IndicatorDoc } from '@ledger/projections';
import { READ_STORE_READER, type Filter, type ReadStoreReader } from '@ledger/read-store';
import { KeptWhileProjectionsRest } from '../../../read/kept-while-projections-rest';
import type { ProjectionsHandle } from '../../../read/projections-handle';
import { PROJECTION_RUNNER } from '../../../read/projections.providers';
import type { DocumentPage } from '../find-documents/find-documents.query';
import { GetIndicatorProgressQuery } from '../get-indicator-progress/get-indicator-progress.query';
import { ListIndicatorsQuery, type IndicatorListItem } from './list-indicators.query';

/** Pages kept (per section, org unit, day, size and cursor) while no projection moves. */
const MAX_KEPT = 256;

@QueryHandler(ListIndicatorsQuery)
export class ListIndicatorsHandler implements IQueryHandler<ListIndicatorsQuery> {
  /**
   * A page is read from projection documents only: it is kept whole while no projection moves, so that a
   * dashboard refreshing the list at rest costs one check of the projections' checkpoints, not one per
   * indicator on the page.
   */
  private readonly kept: KeptWhileProjectionsRest<DocumentPage<IndicatorListItem>>;

  constructor(
    @Inject(READ_STORE_READER) private readonly store: ReadStoreReader,
    private readonly queries: QueryBus,
    @Inject(PROJECTION_RUNNER) runner: ProjectionsHandle,
  ) {
    this.kept = new KeptWhileProjectionsRest(store, runner, MAX_KEPT);
  }

  execute(query: ListIndicatorsQuery): Promise<DocumentPage<IndicatorListItem>> {
    const asOf = query.asOf ?? todayInLedgerZone();
    const { section, orgUnit, limit, cursor } = query;
    const key = JSON.stringify([section ?? null, orgUnit ?? null, asOf, limit, cursor ?? null]);
    return this.kept.get(key, () => this.compute({ ...query, asOf }));
  }

  private async compute(
    query: ListIndicatorsQuery & { asOf: string },
  ): Promise<DocumentPage<IndicatorListItem>> {
    const where: Filter = query.section ? { section: query.section } : {};
    const page = await this.store.find<IndicatorDoc>(INDICATORS, {
      where,
      orderBy: [{ field: 'key' }],
      limit: query.limit,
      ...(query.cursor ? { after: query.cursor } : {}),
    });
    const items = await Promise.all(
      page.items
        .map((item) => item.doc)
        .filter((doc) => doc.definition !== null)
        .map(async (doc) => ({
          ...(await this.queries.execute(
            new GetIndicatorProgressQuery(doc.key, query.orgUnit, query.asOf, false),
          )),
          target: doc.target,
          targetText: doc.targetText,
          planText: doc.definition?.planText ?? null,
        })),
    );
    return { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  }
}
