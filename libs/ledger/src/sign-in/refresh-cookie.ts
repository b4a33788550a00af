// The refresh token's cookie: HttpOnly (no script reads it), SameSite=Strict (no other site sends it),
// scoped to /auth (no other route receives it), Secure whenever the request came over HTTPS.
import type { CookieOptions, Request, Response } from 'express';

export const REFRESH_COOKIE = 'ledger_refresh';

function options(request: Request, expires: Date): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', path: '/auth', secure: request.secure, expires };
}

export function writeRefreshCookie(request: Request, response: Response, token: string, expires: Date): void {
  response.cookie(REFRESH_COOKIE, token, options(request, expires));
}

export function clearRefreshCookie(request: Request, response: Response): void {
  response.clearCookie(REFRESH_COOKIE, { ...options(request, new Date(0)), expires: undefined });
}
