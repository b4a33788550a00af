// ThrottlerModule with the ledger's budgets, and the LedgerThrottler the access guard counts requests with.
import { Module, type DynamicModule } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import type { LedgerConfig } from '@ledger/ledger';
import { LedgerThrottler, RATE_LIMITS_CONFIG, rateLimitOptions } from './ledger-throttler';

@Module({})
export class RateLimitsModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    return {
      module: RateLimitsModule,
      imports: [ThrottlerModule.forRoot(rateLimitOptions(config))],
      providers: [{ provide: RATE_LIMITS_CONFIG, useValue: config }, LedgerThrottler],
      exports: [LedgerThrottler],
    };
  }
}
