// Every route states who may call it, next to the route: @Public(rule) or @Allow(roles, rule). The guard
// refuses a route that states nothing, so a forgotten rule fails closed; the matrix test lists them all.
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from '@ledger/domain';

export const ACCESS_RULE = 'ledger:access-rule';

export interface AccessRule {
  /** 'anyone': no token needed (a token, when sent, must still verify). */
  who: 'anyone' | readonly Role[];
  /** The rule in words, as the README and OpenAPI state it. */
  rule: string;
}

/** Open to anyone, token or not: aggregate figures and the plan, never an event, actor or beneficiary. */
export const Public = (rule: string) =>
  SetMetadata(ACCESS_RULE, { who: 'anyone', rule } satisfies AccessRule);

/** Needs a bearer token holding one of the roles; finer rules (agency, org units) are checked further in. */
export const Allow = (roles: readonly Role[], rule: string) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { who: roles, rule } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'no token, or a token that does not verify or has expired' }),
    ApiForbiddenResponse({ description: `allowed: ${roles.join(', ')}. ${rule}` }),
  );
