// The rate limits of every request, through @nestjs/throttler (in memory, per api instance: several
// instances behind a balancer each allow the limit, which the README says). Budgets are kept apart:
//   officer  a signed-in caller's requests, per officer (LEDGER_RATE_LIMIT_PER_MINUTE);
//   address  anonymous requests and those with a token that does not verify, per client address, and
//            routes with a bucket of their own (health probes) per address in that bucket
//            (LEDGER_RATE_LIMIT_PER_ADDRESS_PER_MINUTE);
//   route    a route's own limit per address, stated with @RouteRateLimit next to the route.
// Each counts the requests of the last window (a minute unless a route says otherwise); one over the limit
// blocks its key for the window and is answered 429 with Retry-After. The client address is Express'
// request.ip, which reads X-Forwarded-For only from the proxies LEDGER_TRUST_PROXY names.
import { Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { Principal } from '@ledger/domain';
import { RateLimitedError, type LedgerConfig } from '@ledger/ledger';
import { RATE_BUCKET } from '@ledger/ledger/http/access-rule.decorator';
import { ROUTE_RATE_LIMIT, type RouteRateLimitRule } from '@ledger/ledger/http/rate-limit.decorator';

const MINUTE_MS = 60_000;
/** The configuration the limits are read from (given by RateLimitsModule.forRoot). */
export const RATE_LIMITS_CONFIG = Symbol('RATE_LIMITS_CONFIG');
type Budget = 'officer' | 'address' | 'route';

/** The throttlers of ThrottlerModule; LedgerThrottler says when each applies and what it counts. */
export function rateLimitOptions(config: LedgerConfig): ThrottlerModuleOptions {
  return {
    setHeaders: false,
    throttlers: [
      { name: 'officer', ttl: MINUTE_MS, limit: config.rateLimitPerToken },
      { name: 'address', ttl: MINUTE_MS, limit: config.rateLimitPerAddress },
      { name: 'route', ttl: MINUTE_MS, limit: 0 },
    ],
  };
}

@Injectable()
export class LedgerThrottler extends ThrottlerGuard {
  /** Who each request in flight was found to be (null: anonymous, or a token that did not verify). */
  private readonly callers = new WeakMap<object, Principal | null>();

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(RATE_LIMITS_CONFIG) private readonly config: LedgerConfig,
  ) {
    super(options, storage, reflector);
  }

  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    this.throttlers = this.throttlers.map((throttler): ThrottlerOptions => {
      const budget = throttler.name as Budget;
      return {
        ...throttler,
        skipIf: (context) => !this.applies(budget, context),
        getTracker: (request, context) => this.tracker(budget, request, context),
        // One budget per officer or address across every route (not per route, as the default key is).
        generateKey: (_context, tracker) => `${budget}|${tracker}`,
        ...(budget === 'route'
          ? {
              limit: (context: ExecutionContext) => this.routePerMinute(context),
              ttl: (context: ExecutionContext) => (this.routeRule(context)?.windowSeconds ?? 60) * 1000,
            }
          : {}),
      };
    });
  }

  /** Counts the request in its budgets; throws RateLimitedError (429) when one is spent. */
  async take(context: ExecutionContext, caller: Principal | null): Promise<void> {
    this.callers.set(context.switchToHttp().getRequest<object>(), caller);
    await this.canActivate(context);
  }

  private applies(budget: Budget, context: ExecutionContext): boolean {
    const caller = this.callers.get(context.switchToHttp().getRequest<object>()) ?? null;
    const bucket = this.bucket(context);
    if (budget === 'officer') return this.config.rateLimitPerToken > 0 && caller !== null && !bucket;
    if (budget === 'address')
      return this.config.rateLimitPerAddress > 0 && (caller === null || bucket !== undefined);
    return this.routePerMinute(context) > 0;
  }

  private tracker(budget: Budget, request: Record<string, unknown>, context: ExecutionContext): string {
    const address = typeof request.ip === 'string' ? request.ip : 'unknown';
    if (budget === 'officer') return `officer:${this.callers.get(request)?.officer ?? ''}`;
    if (budget === 'address') return `${this.bucket(context) ?? 'anonymous'}:${address}`;
    return `route:${this.routeRule(context)?.name ?? ''}:${address}`;
  }

  protected override throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const wait = Math.max(1, detail.timeToBlockExpire);
    const rule = detail.tracker.startsWith('route:') ? this.routeRule(context) : undefined;
    const who = detail.tracker.startsWith('officer:') ? 'this token' : 'this address';
    throw new RateLimitedError(
      rule?.message?.(wait) ?? `too many requests from ${who}; try again in ${wait} s`,
      wait,
    );
  }

  private bucket(context: ExecutionContext): string | undefined {
    return this.reflector.getAllAndOverride<string | undefined>(RATE_BUCKET, [
      context.getHandler(),
      context.getClass(),
    ]);
  }

  private routeRule(context: ExecutionContext): RouteRateLimitRule | undefined {
    return this.reflector.getAllAndOverride<RouteRateLimitRule | undefined>(ROUTE_RATE_LIMIT, [
      context.getHandler(),
      context.getClass(),
    ]);
  }

  private routePerMinute(context: ExecutionContext): number {
    const rule = this.routeRule(context);
    if (!rule) return 0;
    return typeof rule.perMinute === 'function' ? rule.perMinute(this.config) : rule.perMinute;
  }
}
