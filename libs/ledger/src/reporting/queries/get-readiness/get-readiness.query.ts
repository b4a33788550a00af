import { Query } from '@nestjs/cqrs';
import type { HealthReport } from '../get-health/get-health.query';

/** Ready: both stores answer and no projection is failed or more than `maxLag` events behind. */
export interface Readiness extends Omit<HealthReport, 'status'> {
  status: 'ready';
  /** LEDGER_READY_MAX_LAG: how many events a projection may be behind the log. */
  maxLag: number;
}

export class GetReadinessQuery extends Query<Readiness> {}
