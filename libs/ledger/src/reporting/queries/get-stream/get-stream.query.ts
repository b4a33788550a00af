import { Query } from '@nestjs/cqrs';
import type { RecordedEvent } from '@ledger/domain';

export interface StreamView {
  stream: string;
  revision: number;
  events: RecordedEvent[];
}

export class GetStreamQuery extends Query<StreamView> {
  constructor(readonly stream: string) {
    super();
  }
}
