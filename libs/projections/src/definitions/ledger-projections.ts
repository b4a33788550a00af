// The projections of the ledger (DESIGN.md, "Read side"), for the runner to run: each keeps its own
// checkpoint and version, and is rebuilt from position 0 when its version changes.
import { createAgencyTrailProjection } from './agency-trail.projection';
import { createBeneficiaryHistoryProjection } from './beneficiary-history.projection';
import { createIndicatorProgressProjection } from './indicator-progress.projection';
import { createInspectionTrailProjection } from './inspection-trail.projection';
import { createFigureAssuranceProjection } from './figure-assurance.projection';
import { createPlanCatalogProjection } from './plan-catalog.projection';
import type { PlanModel } from '@ledger/domain';
import type { Projection } from '../projection';

export function createLedgerProjections(plan: PlanModel): Projection[] {
  return [
    createPlanCatalogProjection(plan),
    createInspectionTrailProjection(),
    createAgencyTrailProjection(plan),
    createBeneficiaryHistoryProjection(plan),
    createIndicatorProgressProjection(plan),
    createFigureAssuranceProjection(plan),
  ];
}
