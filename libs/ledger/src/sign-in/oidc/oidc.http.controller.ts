// Single sign-on over HTTP: a browser navigates to /auth/oidc/login, signs in at the provider, comes back to
// /auth/oidc/callback, leaves with the refresh cookie for /dashboard/#/, whose POST /auth/refresh then gets
// the access token. No token ever travels in a URL.
import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../http/access-rule.decorator';
import { writeRefreshCookie } from '../refresh-cookie';
import { OidcSignIn } from './oidc-sign-in';
import { clearTransactionCookie, readTransactionCookie, writeTransactionCookie } from './oidc-transaction';
import { ApiProblems } from '../../http/api-problems.decorator';

const SIGN_IN =
  'anyone may start a single sign-on; the provider decides who they are, the mapping what they may do';

@ApiTags('sign-in')
@Controller('auth/oidc')
export class OidcHttpController {
  constructor(private readonly signIn: OidcSignIn) {}

  @Public(SIGN_IN)
  @Get('login')
  @ApiOperation({
    operationId: 'startOidcSignIn',
    summary: 'Redirects to the OpenID Connect provider (authorization code, PKCE S256, state, nonce)',
  })
  @ApiFoundResponse({
    description: 'Location: the provider; a sealed sign-in cookie for the callback',
    headers: {
      Location: { description: "The provider's authorization endpoint", schema: { type: 'string' } },
    },
  })
  @ApiProblems(404, 503)
  async login(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { location, sealedTransaction } = await this.signIn.begin(new Date());
    writeTransactionCookie(request, response, sealedTransaction);
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(302, location);
  }

  @Public(SIGN_IN)
  @Get('callback')
  @ApiOperation({
    operationId: 'completeOidcSignIn',
    summary: "The provider's answer: starts a session and redirects to the dashboard",
  })
  @ApiFoundResponse({
    description: 'Location: /dashboard/#/; the refresh cookie set (then POST /auth/refresh)',
    headers: { Location: { description: 'The dashboard', schema: { type: 'string' } } },
  })
  @ApiProblems(400, 403, 404, 503)
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const query = new URL(request.originalUrl, 'http://callback.invalid').searchParams;
    // The sign-in cookie serves one callback, whatever its outcome.
    clearTransactionCookie(request, response);
    const { session } = await this.signIn.complete(
      { query, sealedTransaction: readTransactionCookie(request) },
      { address: request.ip ?? 'unknown', userAgent: request.headers['user-agent'] ?? '', now: new Date() },
    );
    writeRefreshCookie(request, response, session.refreshToken, session.refreshExpiresAt);
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(302, '/dashboard/#/');
  }
}
