import { Query } from '@nestjs/cqrs';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  eventStore: { kind: string; status: 'ok' | 'unavailable'; headPosition?: number; error?: string };
  /** Filled in once projections run; how far each one lags behind the store's head. */
  projections: Array<{ name: string; position: number; lag: number }>;
}

export class GetHealthQuery extends Query<HealthReport> {}
