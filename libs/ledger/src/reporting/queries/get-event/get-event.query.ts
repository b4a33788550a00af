import { Query } from '@nestjs/cqrs';
import type { RecordedEvent } from '@ledger/domain';

export class GetEventQuery extends Query<RecordedEvent> {
  constructor(readonly eventId: string) {
    super();
  }
}
