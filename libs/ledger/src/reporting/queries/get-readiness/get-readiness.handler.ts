import { Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { LEDGER_CONFIG, type LedgerConfig } from '../../../config/ledger-config';
import { GetHealthQuery } from '../get-health/get-health.query';
import { GetReadinessQuery, type Readiness } from './get-readiness.query';
import { NotReadyError } from './not-ready.error';
import { notReadyParts } from './readiness';

@QueryHandler(GetReadinessQuery)
export class GetReadinessHandler implements IQueryHandler<GetReadinessQuery> {
  constructor(
    private readonly queries: QueryBus,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  async execute(): Promise<Readiness> {
    const health = await this.queries.execute(new GetHealthQuery());
    const parts = notReadyParts(health, this.config.readyMaxLag);
    if (parts.length > 0) throw new NotReadyError(parts);
    const { eventStore, readStore, projections } = health;
    return { status: 'ready', maxLag: this.config.readyMaxLag, eventStore, readStore, projections };
  }
}
