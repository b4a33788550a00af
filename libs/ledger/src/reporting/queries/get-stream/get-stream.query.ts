import { Query } from '@nestjs/cqrs';
import type { RecordedEvent } from '@ledger/domain';
import type { EventForm } from '../get-event/get-event.query';

export interface StreamView {
  stream: string;
  revision: number;
  events: RecordedEvent[];
}

export class GetStreamQuery extends Query<StreamView> {
  constructor(
    readonly stream: string,
    readonly form: EventForm = 'opened',
  ) {
    super();
  }
}
