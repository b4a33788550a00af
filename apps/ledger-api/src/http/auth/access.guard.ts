// The one gate of every route: the bearer token, rate limits, then the route's stated rule. The token is
// verified first so that the rate limits know whom to count: a signed-in caller per officer, anonymous
// requests and those with a token that does not verify per client address (a bad token buys nothing: it is
// refused after it was counted), health probes in a bucket of their own (ledger-throttler.ts).
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasRole, type PlanSeed, type Principal } from '@ledger/domain';
import {
  ACCESS_TOKENS,
  AccessDeniedError,
  authenticate,
  AuthenticationRequiredError,
  PLAN_SEED,
  type AccessTokens,
  type KnownCodes,
} from '@ledger/ledger';
import { ACCESS_RULE, type AccessRule } from '@ledger/ledger/http/access-rule.decorator';
import type { AuthenticatedRequest } from '@ledger/ledger/http/authenticated-request';
import { LedgerThrottler } from './ledger-throttler';

export type { AuthenticatedRequest };

@Injectable()
export class AccessGuard implements CanActivate {
  private readonly known: KnownCodes;

  constructor(
    private readonly reflector: Reflector,
    @Inject(ACCESS_TOKENS) private readonly tokens: AccessTokens,
    private readonly throttler: LedgerThrottler,
    @Inject(PLAN_SEED) seed: PlanSeed,
  ) {
    this.known = {
      agencies: new Set(seed.agencies.map((a) => a.code)),
      orgUnits: new Set(seed.orgUnits.map((u) => u.code)),
    };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    let principal: Principal | null = null;
    let refusal: unknown;
    try {
      principal = await authenticate(request.headers.authorization, this.tokens, new Date(), this.known);
    } catch (error) {
      refusal = error;
    }
    await this.throttler.take(context, principal);
    if (refusal !== undefined) throw refusal;
    if (!rule) throw new AccessDeniedError('this route states no access rule, so nobody may call it');
    // principal.session is the sid of a signed-in session's token; absent on a service token.
    if (principal) request.principal = principal;
    if (rule.who === 'anyone') return true;
    if (!principal) throw new AuthenticationRequiredError('this route needs a bearer token');
    if (!hasRole(principal, ...rule.who))
      throw new AccessDeniedError(
        `roles ${principal.roles.join(', ')} may not do this: ${rule.who.join(' or ')} only. ${rule.rule}`,
      );
    return true;
  }
}
