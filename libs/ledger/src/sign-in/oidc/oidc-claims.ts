// From the claims the provider vouches for to the officer who signs in, by the configured mapping: the
// officer id and name from their claims, roles, agency and org units from the groups. Refused, with the
// reason, when the groups grant no role, roles that four eyes keep apart, no single agency, no org unit, or
// codes that are not the plan's.
import { refuseRoleMix, type Role } from '@ledger/domain';
import type { SignInIdentity } from '../sessions.port';
import type { OidcClaimMapping } from './oidc-config';
import { OidcSignInRefusedError } from './oidc-errors';

/** The plan's codes a sign-in may name. */
export interface PlanCodes {
  agencies: ReadonlySet<string>;
  orgUnits: ReadonlySet<string>;
}

const OFFICER = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

/** A claim by name, or by a dotted path into nested claims (Keycloak's realm_access.roles). */
export function claimAt(claims: Readonly<Record<string, unknown>>, path: string): unknown {
  if (path in claims) return claims[path];
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function groupsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  return [];
}

export function mapClaims(
  claims: Readonly<Record<string, unknown>>,
  mapping: OidcClaimMapping,
  plan: PlanCodes,
): Omit<SignInIdentity, 'method'> {
  const officer = claimAt(claims, mapping.officerClaim);
  if (typeof officer !== 'string' || !OFFICER.test(officer))
    throw new OidcSignInRefusedError(
      `the provider's claim ${mapping.officerClaim} must hold an officer id (2-64 letters, digits, . _ -); it holds ${officer === undefined ? 'nothing' : JSON.stringify(officer)}`,
    );
  const name = claimAt(claims, mapping.displayNameClaim);
  const displayName = typeof name === 'string' && name.trim() !== '' ? name.trim() : officer;

  const groups = groupsOf(claimAt(claims, mapping.groupsClaim));
  const grants = groups.filter((g) => g in mapping.groups).map((g) => mapping.groups[g]);
  const roles = [...new Set(grants.flatMap((g) => g.roles))] as Role[];
  if (roles.length === 0)
    throw new OidcSignInRefusedError(
      `${officer}: none of the provider's groups (${groups.join(', ') || 'none'} in claim ${mapping.groupsClaim}) grants a role of the ledger`,
    );
  const mixed = refuseRoleMix(roles);
  if (mixed) throw new OidcSignInRefusedError(`${officer}: the provider's groups grant ${mixed}`);

  const agencies = [...new Set(grants.flatMap((g) => (g.agency ? [g.agency] : [])))];
  if (agencies.length !== 1)
    throw new OidcSignInRefusedError(
      agencies.length === 0
        ? `${officer}: none of the provider's groups names an agency`
        : `${officer}: the provider's groups name several agencies (${agencies.join(', ')}); an officer acts for one`,
    );
  const agency = agencies[0];
  if (!plan.agencies.has(agency))
    throw new OidcSignInRefusedError(`${officer}: agency ${agency} is not an agency of the plan`);
  const orgUnits = [...new Set(grants.flatMap((g) => g.orgUnits))];
  if (orgUnits.length === 0)
    throw new OidcSignInRefusedError(`${officer}: none of the provider's groups names an org unit`);
  const unknown = orgUnits.filter((u) => !plan.orgUnits.has(u));
  if (unknown.length > 0)
    throw new OidcSignInRefusedError(
      `${officer}: org unit ${unknown.join(', ')} is not an org unit of the plan`,
    );
  return { officer, displayName, agency, orgUnits, roles };
}
