// Who is asking: the claims of a verified bearer token, as the domain's access rules read them.
import type { Actor } from '../shared/envelope';

export const ROLES = ['officer', 'supervisor', 'inspector', 'viewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface Principal {
  /** The officer (the token's subject). */
  officer: string;
  agency: string;
  /** Org units in scope: each covers itself and every unit below it. */
  orgUnits: readonly string[];
  roles: readonly Role[];
  /** The signed-in session the request belongs to; absent for a service token. */
  session?: string;
}

export function hasRole(principal: Principal, ...roles: readonly Role[]): boolean {
  return roles.some((role) => principal.roles.includes(role));
}

/** The role an event records for its actor: the strongest writing role the principal holds. */
export function writingRole(principal: Principal): Role {
  if (principal.roles.includes('supervisor')) return 'supervisor';
  if (principal.roles.includes('officer')) return 'officer';
  return principal.roles[0] ?? 'viewer';
}

/** The actor an event records for what this principal did. */
export function actorOf(principal: Principal): Actor {
  return { officer: principal.officer, agency: principal.agency, role: writingRole(principal) };
}
