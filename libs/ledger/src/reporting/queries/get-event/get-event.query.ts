import { Query } from '@nestjs/cqrs';
import type { RecordedEvent } from '@ledger/domain';

/**
 * opened: as the ledger reads it today (older schema versions upcast); sealed: exactly as stored and hashed
 * (personal data still sealed, the schema version it was written with), so its hash can be recomputed.
 */
export type EventForm = 'opened' | 'sealed';

export class GetEventQuery extends Query<RecordedEvent> {
  constructor(
    readonly eventId: string,
    readonly form: EventForm = 'opened',
  ) {
    super();
  }
}
