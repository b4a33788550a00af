import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PlanModel } from '@ledger/domain';
import { FigureReader } from '../../four-eyes/figure-reader';
import { PLAN_MODEL } from '../../read/projections.providers';
import { ListDoubleClaimsQuery, type DoubleClaimView } from './list-double-claims.query';

@QueryHandler(ListDoubleClaimsQuery)
export class ListDoubleClaimsHandler implements IQueryHandler<ListDoubleClaimsQuery> {
  constructor(
    private readonly figures: FigureReader,
    @Inject(PLAN_MODEL) private readonly plan: PlanModel,
  ) {}

  async execute({ orgUnit }: ListDoubleClaimsQuery): Promise<{ items: DoubleClaimView[] }> {
    const items: DoubleClaimView[] = [];
    for (const doc of await this.figures.houseClaims()) {
      if (orgUnit && doc.orgUnit !== orgUnit && !(this.plan.rollUps[doc.orgUnit] ?? []).includes(orgUnit))
        continue;
      for (const duplicate of doc.duplicates) {
        const claims = doc.households[duplicate.householdRef] ?? [];
        const byId = (id: string) => claims.find((c) => c.eventId === id)!;
        items.push({
          kind: 'house',
          orgUnit: doc.orgUnit,
          householdRef: duplicate.householdRef,
          agencies: duplicate.agencies,
          counted: byId(duplicate.counted),
          notCounted: duplicate.notCounted.map(byId),
        });
      }
    }
    return { items };
  }
}
