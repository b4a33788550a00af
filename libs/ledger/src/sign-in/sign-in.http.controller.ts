import { Body, Controller, Get, HttpCode, Inject, Optional, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ROLES, type Principal } from '@ledger/domain';
import { Allow, Caller, Public } from '../http';
import { RouteRateLimit } from '../http/rate-limit.decorator';
import { clearRefreshCookie, REFRESH_COOKIE, writeRefreshCookie } from './refresh-cookie';
import { OIDC_SIGN_IN_OFFER, type OidcSignInOffer, type SignInMethods } from './sign-in-methods';
import { WithoutSessionCheck } from './session-write-check.interceptor';
import { addressLimitMessage, RefreshCookieMissingError } from './sign-in-errors';
import { SignInService, type WhoAmI } from './sign-in.service';
import { LoginRequest } from './sign-in.request.dto';
import { SignedInResponse, SignInMethodsResponse, WhoAmIResponse } from './sign-in.response.dto';
import type { SignedIn, SignInOutcome } from './signed-in';

const cookieOf = (request: Request): string | undefined => {
  const value = (request.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

@ApiTags('sign-in')
@WithoutSessionCheck()
@Controller('auth')
export class SignInHttpController {
  constructor(
    private readonly signIn: SignInService,
    @Optional() @Inject(OIDC_SIGN_IN_OFFER) private readonly oidc?: OidcSignInOffer,
  ) {}

  @Public('anyone signs in with an officer id and password; attempts are limited per account and per address')
  @Post('login')
  @RouteRateLimit('login', {
    perMinute: (config) => config.signIn.loginPerAddressPerMinute,
    message: addressLimitMessage,
  })
  @HttpCode(200)
  @ApiOperation({
    operationId: 'signIn',
    summary:
      'Sign in: an access token in the body, the refresh token in an HttpOnly cookie (ledger_refresh, Path=/auth). ' +
      '401 for a wrong officer or password alike; 429 with Retry-After once locked out.',
  })
  @ApiOkResponse({ type: SignedInResponse })
  async login(@Body() body: LoginRequest, @Req() request: Request, @Res() response: Response): Promise<void> {
    const outcome = await this.signIn.login(body.officer, body.password, {
      address: request.ip ?? 'unknown',
      userAgent: request.get('user-agent') ?? '',
      now: new Date(),
    });
    this.answer(request, response, outcome);
  }

  @Public('the refresh cookie is the credential: it is spent and replaced on every use')
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'refreshSession',
    summary:
      'A new access token and a new refresh cookie for the one sent (rotated on every use). A refresh token used ' +
      'twice ends every session of its sign-in (401); so does a disabled account or a revoked role. No cookie: 400.',
  })
  @ApiOkResponse({ type: SignedInResponse })
  async refresh(@Req() request: Request, @Res() response: Response): Promise<void> {
    const token = cookieOf(request);
    if (!token) throw new RefreshCookieMissingError();
    try {
      this.answer(request, response, await this.signIn.refresh(token, new Date()));
    } catch (error) {
      clearRefreshCookie(request, response);
      throw error;
    }
  }

  @Public('signing out needs only the refresh cookie; without one there is nothing to end')
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'signOut',
    summary: 'Sign out: the session ends and the refresh cookie is cleared',
  })
  @ApiNoContentResponse({ description: 'Signed out (also when no session was open)' })
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.signIn.logout(cookieOf(request), new Date());
    clearRefreshCookie(request, response);
  }

  @Allow([...ROLES], 'anyone with a token asks who it says they are')
  @Get('me')
  @ApiOperation({
    operationId: 'getCurrentOfficer',
    summary: 'Who the bearer token says is signed in, and how they signed in',
  })
  @ApiOkResponse({ type: WhoAmIResponse })
  me(@Caller() principal: Principal): Promise<WhoAmI> {
    return this.signIn.whoAmI(principal);
  }

  @Public('the sign-in page asks which ways of signing in this ledger offers')
  @Get('methods')
  @ApiOperation({
    operationId: 'listSignInMethods',
    summary: 'The ways of signing in: password always, OpenID Connect when configured',
  })
  @ApiOkResponse({ type: SignInMethodsResponse })
  methods(): SignInMethods {
    return { password: true, oidc: this.oidc ?? { enabled: false, label: '' } };
  }

  /**
   * Sent here rather than returned: the body names the signed-in officer to themselves, which the redaction
   * of actors on public routes would otherwise strip.
   */
  private answer(request: Request, response: Response, outcome: SignInOutcome): void {
    writeRefreshCookie(request, response, outcome.refreshToken, outcome.refreshExpiresAt);
    response.setHeader('Cache-Control', 'no-store');
    response.status(200).json(outcome.body satisfies SignedIn);
  }
}
