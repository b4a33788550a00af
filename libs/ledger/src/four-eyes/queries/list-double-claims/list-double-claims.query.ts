import { Query } from '@nestjs/cqrs';
import type { HouseClaim } from '@ledger/projections';

export interface DoubleClaimView {
  kind: 'house';
  orgUnit: string;
  householdRef: string;
  agencies: string[];
  /** The completion counted in the figures, and those that are not (still in their agencies' trails). */
  counted: HouseClaim;
  notCounted: HouseClaim[];
}

/** Houses recorded more than once for the same household, for review. */
export class ListDoubleClaimsQuery extends Query<{ items: DoubleClaimView[] }> {
  constructor(readonly orgUnit: string | undefined) {
    super();
  }
}
