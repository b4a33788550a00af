// A route's own rate limit per client address, on top of the limits every request counts in (per officer
// for a signed-in caller, per address otherwise): one decorator next to the route, e.g. for sign-in
//   @RouteRateLimit('login', { perMinute: (config) => config.loginAttemptsPerMinute })
// Requests over it get 429 problem+json with Retry-After, like every rate limit.
import { SetMetadata } from '@nestjs/common';
import type { LedgerConfig } from '../config/ledger-config';

export const ROUTE_RATE_LIMIT = 'ledger:route-rate-limit';

export interface RouteRateLimitOptions {
  /** Requests per window from one client address; 0 turns the limit off. A function reads the configuration. */
  perMinute: number | ((config: LedgerConfig) => number);
  /** The window, in seconds (default 60). */
  windowSeconds?: number;
  /** What the 429 says (default: too many requests from this address; try again in N s). */
  message?: (retryAfterSeconds: number) => string;
}

export interface RouteRateLimitRule extends RouteRateLimitOptions {
  /** The budget's name: routes naming the same budget share it. */
  name: string;
}

export const RouteRateLimit = (name: string, options: RouteRateLimitOptions) =>
  SetMetadata(ROUTE_RATE_LIMIT, { name, ...options } satisfies RouteRateLimitRule);
