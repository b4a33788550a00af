import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { RecordedEvent } from '@ledger/domain';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { ResourceNotFoundError } from '../../../errors/ledger-errors';
import { upcastEvent } from '../../../write/upcasting';
import { GetEventQuery } from './get-event.query';

@QueryHandler(GetEventQuery)
export class GetEventHandler implements IQueryHandler<GetEventQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ eventId, form }: GetEventQuery): Promise<RecordedEvent> {
    const event = await this.store.getEvent(eventId);
    if (!event) throw new ResourceNotFoundError('EVENT_NOT_FOUND', `no event with id ${eventId}`);
    return form === 'sealed' ? event : upcastEvent(event);
  }
}
