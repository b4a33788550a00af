// The one gate of every route: rate limits, then the bearer token, then the route's stated rule.
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasRole } from '@ledger/domain';
import {
  AccessDeniedError,
  authenticate,
  AuthenticationRequiredError,
  LEDGER_CONFIG,
  RateLimitedError,
  TOKEN_SECRET,
  type LedgerConfig,
} from '@ledger/ledger';
import { ACCESS_RULE, type AccessRule } from '@ledger/ledger/http/access-rule.decorator';
import type { AuthenticatedRequest } from '@ledger/ledger/http/authenticated-request';
import { RateLimiter } from './rate-limiter';

export type { AuthenticatedRequest };

@Injectable()
export class AccessGuard implements CanActivate {
  private readonly perAddress: RateLimiter;
  private readonly perToken: RateLimiter;

  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_SECRET) private readonly secret: Buffer,
    @Inject(LEDGER_CONFIG) config: LedgerConfig,
  ) {
    this.perAddress = new RateLimiter(config.rateLimitPerAddress);
    this.perToken = new RateLimiter(config.rateLimitPerToken);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const now = Date.now();
    this.limit(this.perAddress, `address:${request.ip ?? 'unknown'}`, now, 'this address');
    const principal = authenticate(request.headers.authorization, this.secret, new Date(now));
    if (principal) this.limit(this.perToken, `officer:${principal.officer}`, now, 'this token');
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
