import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { READ_STORE_READER, type ReadStoreReader } from '@ledger/read-store';
import { LEDGER_CONFIG, type LedgerConfig } from '../../../config/ledger-config';
import { withTimeout } from '../../../infrastructure/with-timeout';
import type { ProjectionsHandle } from '../../../read/projections-handle';
import { PROJECTION_RUNNER } from '../../../read/projections.providers';
import {
  GetHealthQuery,
  type HealthReport,
  type ProjectionHealth,
  type StoreHealth,
} from './get-health.query';

/** A store that accepts the connection and never answers must not hang the health check. */
const HEALTH_TIMEOUT_MS = 2000;

@QueryHandler(GetHealthQuery)
export class GetHealthHandler implements IQueryHandler<GetHealthQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE_READER) private readonly readStore: ReadStoreReader,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionsHandle,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  async execute(): Promise<HealthReport> {
    const [events, read, projections] = await Promise.all([
      this.probe(this.config.eventStore, () => this.eventStore.headPosition()),
      this.probe(this.config.readStore, () => this.readStore.activeGeneration('plan-catalog')),
      this.projections(),
    ]);
    const eventStore = {
      ...events.health,
      ...(typeof events.value === 'number' ? { headPosition: events.value } : {}),
    };
    const status =
      eventStore.status !== 'ok' || read.health.status !== 'ok'
        ? 'unavailable'
        : projections.some((p) => p.state === 'failed')
          ? 'degraded'
          : 'ok';
    return { status, eventStore, readStore: read.health, projections };
  }

  private async probe<T>(kind: string, call: () => Promise<T>): Promise<{ health: StoreHealth; value?: T }> {
    try {
      const value = await withTimeout(call(), HEALTH_TIMEOUT_MS, `${kind} store`);
      return { health: { kind, status: 'ok' }, value };
    } catch (error) {
      return {
        health: {
          kind,
          status: 'unavailable',
          error: error instanceof Error ? error.message : String(error),
        },
      };
    }
  }

  private async projections(): Promise<ProjectionHealth[]> {
    try {
      const statuses = await withTimeout(this.runner.status(), HEALTH_TIMEOUT_MS, 'projection status');
      return statuses.map((s) => ({
        name: s.name,
        state: s.state,
        checkpoint: s.checkpoint,
        lag: s.lag,
        ...(s.lastError ? { lastError: s.lastError.message } : {}),
      }));
    } catch {
      return [];
    }
  }
}
