import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { type PlanModel } from '@ledger/domain';
import { duplicateOf } from '@ledger/projections';
import { FigureReader } from '../../figure-reader';
import { PLAN_MODEL } from '../../../read/projections.providers';
import { ListDoubleClaimsQuery, type DoubleClaimView } from './list-double-claims.query';

@QueryHandler(ListDoubleClaimsQuery)
export class ListDoubleClaimsHandler implements IQueryHandler<ListDoubleClaimsQuery> {
  constructor(
    private readonly figures: FigureReader,
    @Inject(PLAN_MODEL) private readonly plan: PlanModel,
  ) {}

  async execute({ orgUnit }: ListDoubleClaimsQuery): Promise<{ items: DoubleClaimView[] }> {
    const items: DoubleClaimView[] = [];
    for (const household of await this.figures.houseClaims(orgUnit || undefined)) {
      if (
        orgUnit &&
        household.orgUnit !== orgUnit &&
        !(this.plan.rollUps[household.orgUnit] ?? []).includes(orgUnit)
      )
        continue;
      const duplicate = duplicateOf(household);
      if (!duplicate) continue;
      items.push({
        kind: 'house',
        orgUnit: household.orgUnit,
        householdRef: household.householdRef,
        agencies: duplicate.agencies,
        counted: duplicate.counted,
        notCounted: duplicate.notCounted,
      });
    }
    return { items };
  }
}
