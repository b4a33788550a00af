import { Query } from '@nestjs/cqrs';

export interface StoreHealth {
  kind: string;
  status: 'ok' | 'unavailable';
  error?: string;
}

export interface ProjectionHealth {
  name: string;
  state: string;
  /** Position of the last event readers of this projection see. */
  checkpoint: number;
  /** Events committed but not yet in this projection's documents. */
  lag: number;
  lastError?: string;
}

export interface HealthReport {
  /** ok when both stores answer and no projection has failed. */
  status: 'ok' | 'degraded' | 'unavailable';
  eventStore: StoreHealth & { headPosition?: number };
  readStore: StoreHealth;
  projections: ProjectionHealth[];
}

export class GetHealthQuery extends Query<HealthReport> {}
