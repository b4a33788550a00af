import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PlanModel } from '@ledger/domain';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { TRAIL, trailEntryOf, type TrailDoc, type TrailIndexDoc } from '@ledger/projections';
import { READ_STORE_READER, type OrderBy, type ReadStoreReader } from '@ledger/read-store';
import { PLAN_MODEL } from '../../../read/projections.providers';
import { upcastEvent } from '../../../write/upcasting';
import type { DocumentPage } from '../find-documents/find-documents.query';
import { rangeFirst } from '../find-documents/find-documents.handler';
import { FindTrailQuery } from './find-trail.query';

const NEWEST_FIRST: readonly OrderBy[] = [{ field: 'position', direction: 'desc' }];

@QueryHandler(FindTrailQuery)
export class FindTrailHandler implements IQueryHandler<FindTrailQuery> {
  constructor(
    @Inject(READ_STORE_READER) private readonly store: ReadStoreReader,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(PLAN_MODEL) private readonly plan: PlanModel,
  ) {}

  async execute({ where, limit, cursor }: FindTrailQuery): Promise<DocumentPage<TrailDoc>> {
    const page = await this.store.find<TrailIndexDoc>(TRAIL, {
      where,
      orderBy: rangeFirst(where, NEWEST_FIRST),
      limit,
      ...(cursor ? { after: cursor } : {}),
    });
    const found = await this.events.readByPositions(page.items.map((item) => item.doc.position));
    const byPosition = new Map(found.map((event) => [event.position, event]));
    const items = page.items.map(({ doc }) => {
      const event = byPosition.get(doc.position);
      // The index is built from the event store: a position it holds and the store lacks is a broken store.
      if (!event) throw new Error(`the trail indexes position ${doc.position}, which the event store lacks`);
      return trailEntryOf(upcastEvent(event), doc, this.plan);
    });
    return { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  }
}
