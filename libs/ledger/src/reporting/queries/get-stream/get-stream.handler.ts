import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { upcastAll } from '../../../write/upcasting';
import { GetStreamQuery, type StreamView } from './get-stream.query';

@QueryHandler(GetStreamQuery)
export class GetStreamHandler implements IQueryHandler<GetStreamQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ stream, form }: GetStreamQuery): Promise<StreamView> {
    const stored = await this.store.readStream(stream);
    const events = form === 'sealed' ? stored : upcastAll(stored);
    return { stream, revision: events[events.length - 1].revision, events };
  }
}
