// Roles that four eyes keep apart are never held by one token or account: whoever records an action (officer,
// supervisor) is not the one who verifies it, approves its correction or reads a person's history
// (inspector); and the admin, who erases a person's personal data and signs tree heads, neither records nor
// inspects. A viewer's role adds nothing and goes with any other. The CLI refuses to issue such a token and
// the API refuses one it is shown (401).
import type { Role } from './principal';

export interface RoleSeparation {
  apart: readonly [Role, Role];
  why: string;
}

export const ROLE_SEPARATION: readonly RoleSeparation[] = [
  {
    apart: ['officer', 'inspector'],
    why: 'an inspector verifies and inspects what officers record, so one person cannot do both',
  },
  {
    apart: ['supervisor', 'inspector'],
    why: 'an inspector verifies, approves corrections and inspects what supervisors record and correct, so one person cannot do both',
  },
  {
    apart: ['admin', 'officer'],
    why: 'an admin erases personal data and signs tree heads; whoever records must not also erase or sign',
  },
  {
    apart: ['admin', 'supervisor'],
    why: 'an admin erases personal data and signs tree heads; whoever records and corrects must not also erase or sign',
  },
  {
    apart: ['admin', 'inspector'],
    why: 'an admin erases personal data; whoever inspects the record must not also erase from it',
  },
];

/** Why these roles may not be held together, or null when they may. */
export function refuseRoleMix(roles: readonly Role[]): string | null {
  for (const rule of ROLE_SEPARATION)
    if (rule.apart.every((role) => roles.includes(role)))
      return `roles ${rule.apart.join(' and ')} are never held together: ${rule.why}`;
  return null;
}
