// The one gate of every route: the bearer token, rate limits, then the route's stated rule. Budgets are kept
// apart: a signed-in caller's requests count per token (its officer), anonymous ones and those with a token
// that does not verify per client address, and routes with a bucket of their own (health probes) per address
// in that bucket. The client address is Express' request.ip, which reads X-Forwarded-For only from the
// proxies LEDGER_TRUST_PROXY names.
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasRole, type PlanSeed, type Principal } from '@ledger/domain';
import {
  ACCESS_TOKENS,
  AccessDeniedError,
  authenticate,
  AuthenticationRequiredError,
  LEDGER_CONFIG,
  PLAN_SEED,
  RateLimitedError,
  type AccessTokens,
  type KnownCodes,
  type LedgerConfig,
} from '@ledger/ledger';
import { ACCESS_RULE, RATE_BUCKET, type AccessRule } from '@ledger/ledger/http/access-rule.decorator';
import type { AuthenticatedRequest } from '@ledger/ledger/http/authenticated-request';
import { RateLimiter } from './rate-limiter';

export type { AuthenticatedRequest };

@Injectable()
export class AccessGuard implements CanActivate {
  private readonly perAddress: RateLimiter;
  private readonly perToken: RateLimiter;
  private readonly known: KnownCodes;

  constructor(
    private readonly reflector: Reflector,
    @Inject(ACCESS_TOKENS) private readonly tokens: AccessTokens,
    @Inject(LEDGER_CONFIG) config: LedgerConfig,
    @Inject(PLAN_SEED) seed: PlanSeed,
  ) {
    this.known = {
      agencies: new Set(seed.agencies.map((a) => a.code)),
      orgUnits: new Set(seed.orgUnits.map((u) => u.code)),
    };
    this.perAddress = new RateLimiter(config.rateLimitPerAddress);
    this.perToken = new RateLimiter(config.rateLimitPerToken);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const now = Date.now();
    const address = request.ip ?? 'unknown';
    const bucket = this.reflector.getAllAndOverride<string | undefined>(RATE_BUCKET, [
      context.getHandler(),
      context.getClass(),
    ]);
    let principal: Principal | null;
    try {
      principal = await authenticate(request.headers.authorization, this.tokens, new Date(now), this.known);
    } catch (error) {
      // A token that does not verify buys nothing: it counts as anonymous traffic of its address.
      this.limit(this.perAddress, `${bucket ?? 'anonymous'}:${address}`, now, 'this address');
      throw error;
    }
    if (bucket) this.limit(this.perAddress, `${bucket}:${address}`, now, 'this address');
    else if (principal) this.limit(this.perToken, `officer:${principal.officer}`, now, 'this token');
    else this.limit(this.perAddress, `anonymous:${address}`, now, 'this address');
    if (!rule) throw new AccessDeniedError('this route states no access rule, so nobody may call it');
    if (principal) request.principal = principal;
    if (rule.who === 'anyone') return true;
    if (!principal) throw new AuthenticationRequiredError('this route needs a bearer token');
    if (!hasRole(principal, ...rule.who))
      throw new AccessDeniedError(
        `roles ${principal.roles.join(', ')} may not do this: ${rule.who.join(' or ')} only. ${rule.rule}`,
      );
    return true;
  }

  private limit(limiter: RateLimiter, key: string, now: number, who: string): void {
    const wait = limiter.take(key, now);
    if (wait > 0) throw new RateLimitedError(`too many requests from ${who}; try again in ${wait} s`, wait);
  }
}
