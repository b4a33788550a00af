// A route's own rate limit (@RouteRateLimit) over HTTP: the budget is per client address and per name,
// apart from the officer and address budgets every request counts in, and a request over it is a 429
// problem+json with Retry-After and the route's own message.
import { Controller, Get, Module, Post, type ExecutionContext, type INestApplication } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { Principal } from '@ledger/domain';
import { loadConfig, type LedgerConfig } from '@ledger/ledger';
import { RouteRateLimit } from '@ledger/ledger/http/rate-limit.decorator';
import { ProblemDetailsFilter } from '../../apps/ledger-api/src/http/problem-details.filter';
import { LedgerThrottler } from '../../apps/ledger-api/src/http/auth/ledger-throttler';
import { RateLimitsModule } from '../../apps/ledger-api/src/http/auth/rate-limits.module';

@Controller()
class SignInLikeController {
  @Post('login')
  @RouteRateLimit('login', {
    perMinute: 3,
    message: (s) => `quá nhiều lần đăng nhập; thử lại sau ${s} giây (too many sign-in attempts)`,
  })
  login() {
    return { ok: true };
  }

  @Post('login-again')
  @RouteRateLimit('login', { perMinute: 3 })
  loginAgain() {
    return { ok: true };
  }

  @Get('open')
  open() {
    return { ok: true };
  }
}

/** Counts every request as the access guard does, as an anonymous caller or the officer of X-Officer. */
class CountingGuard {
  constructor(private readonly throttler: LedgerThrottler) {}
  async canActivate(context: ExecutionContext) {
    const officer = context.switchToHttp().getRequest<{ headers: Record<string, string> }>().headers[
      'x-officer'
    ];
    const caller: Principal | null = officer
      ? { officer, agency: 'A1', orgUnits: ['U1'], roles: ['officer'] }
      : null;
    await this.throttler.take(context, caller);
    return true;
  }
}

describe('a route rate limit (@RouteRateLimit)', () => {
  let app: INestApplication;
  beforeAll(async () => {
    const config: LedgerConfig = loadConfig({
      LEDGER_RATE_LIMIT_PER_MINUTE: '100',
      LEDGER_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100',
      LEDGER_TRUST_PROXY: 'loopback',
    });
    @Module({
      imports: [RateLimitsModule.forRoot(config)],
      controllers: [SignInLikeController],
      providers: [
        Reflector,
        {
          provide: APP_GUARD,
          useFactory: (t: LedgerThrottler) => new CountingGuard(t),
          inject: [LedgerThrottler],
        },
      ],
    })
    class TestModule {}
    const moduleRef = await Test.createTestingModule({ imports: [TestModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    (app.getHttpAdapter().getInstance() as { set(k: string, v: unknown): void }).set(
      'trust proxy',
      'loopback',
    );
    app.useGlobalFilters(new ProblemDetailsFilter());
    await app.init();
  });
  afterAll(() => app.close());

  const from = (address: string, path = '/login') =>
    request(app.getHttpServer()).post(path).set('X-Forwarded-For', address);

  it('refuses the request over the limit from one address with 429, Retry-After and the route message', async () => {
    for (let i = 0; i < 3; i++) expect((await from('203.0.113.10')).status).toBe(201);
    const refused = await from('203.0.113.10');
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(refused.body.detail).toMatch(/^quá nhiều lần đăng nhập; thử lại sau \d+ giây/);
    // Another address has its own budget; routes without the limit are not affected.
    expect((await from('203.0.113.11')).status).toBe(201);
    expect(
      (await request(app.getHttpServer()).get('/open').set('X-Forwarded-For', '203.0.113.10')).status,
    ).toBe(200);
  });

  it('shares the budget between routes naming the same limit, and counts signed-in callers per address too', async () => {
    for (let i = 0; i < 2; i++) expect((await from('203.0.113.20')).status).toBe(201);
    expect((await from('203.0.113.20', '/login-again')).status).toBe(201);
    const refused = await from('203.0.113.20', '/login-again');
    expect(refused.status).toBe(429);
    expect(refused.body.detail).toMatch(/too many requests from this address; try again in \d+ s/);
    const signedIn = (officer: string) => from('203.0.113.30').set('X-Officer', officer);
    for (const officer of ['o1', 'o2', 'o3']) expect((await signedIn(officer)).status).toBe(201);
    expect((await signedIn('o4')).status).toBe(429);
  });
});
