import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { LEDGER_CONFIG, type LedgerConfig } from '../../config/ledger-config';
import { withTimeout } from '../../infrastructure/with-timeout';
import { GetHealthQuery, type HealthReport } from './get-health.query';

/** A store that accepts the connection and never answers must not hang the health check. */
const HEALTH_TIMEOUT_MS = 2000;

@QueryHandler(GetHealthQuery)
export class GetHealthHandler implements IQueryHandler<GetHealthQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  async execute(): Promise<HealthReport> {
    const kind = this.config.eventStore;
    try {
      const headPosition = await withTimeout(
        this.store.headPosition(),
        HEALTH_TIMEOUT_MS,
        'event store head',
      );
      return { status: 'ok', eventStore: { kind, status: 'ok', headPosition }, projections: [] };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        status: 'unavailable',
        eventStore: { kind, status: 'unavailable', error: message },
        projections: [],
      };
    }
  }
}
