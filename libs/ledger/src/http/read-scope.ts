// Reads limited to a principal's org units: an inspector sees what happened in their scope, an officer or
// supervisor what happened in theirs (and their own agency's trail). Used by the read controllers after the
// guard has checked the role.
import { Inject, Injectable } from '@nestjs/common';
import { hasRole, type PlanSeed, type Principal, type WritePolicyContext } from '@ledger/domain';
import { AccessDeniedError, PLAN_SEED, WRITE_ACCESS } from '..';

@Injectable()
export class ReadScope {
  private readonly agencyUnits: Map<string, string>;

  constructor(
    @Inject(WRITE_ACCESS) private readonly access: WritePolicyContext,
    @Inject(PLAN_SEED) seed: PlanSeed,
  ) {
    this.agencyUnits = new Map(seed.agencies.map((a) => [a.code, a.orgUnit]));
  }

  /** The org units a filter must stay within; undefined when the principal's scope covers the whole plan. */
  unitsFor(principal: Principal): string[] | undefined {
    if (this.access.scope.coversAll(principal.orgUnits)) return undefined;
    return [...this.access.scope.covered(principal.orgUnits)].sort();
  }

  covers(principal: Principal, orgUnit: string): boolean {
    return this.access.scope.covers(principal.orgUnits, orgUnit);
  }

  /** 403 unless the org unit lies in the principal's scope. */
  requireUnit(principal: Principal, orgUnit: string, what: string): void {
    if (!this.covers(principal, orgUnit))
      throw new AccessDeniedError(
        `${what} belongs to ${orgUnit}, outside your org units (${principal.orgUnits.join(', ')})`,
      );
  }

  /** An inspector reads any agency serving their scope; an officer or supervisor only their own agency. */
  requireAgency(principal: Principal, agency: string): void {
    if (hasRole(principal, 'inspector')) {
      const unit = this.agencyUnits.get(agency);
      if (unit !== undefined) this.requireUnit(principal, unit, `agency ${agency}`);
      return;
    }
    if (principal.agency !== agency)
      throw new AccessDeniedError(
        `an officer reads the trail of their own agency (${principal.agency}) only`,
      );
  }
}
