// What the login step hands to the callback step: the PKCE verifier, the state and the nonce. It travels in
// a short-lived cookie sealed with AES-256-GCM (nobody can read or forge it, so no server state is needed and
// any api instance can finish a sign-in another one started), HttpOnly, scoped to /auth/oidc. SameSite=Lax,
// not Strict: the callback is a navigation coming from the provider's site, and Strict would withhold it.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';

export const OIDC_TRANSACTION_COOKIE = 'ledger_oidc';
/** A person has this long to sign in at the provider. */
export const OIDC_TRANSACTION_SECONDS = 600;

export interface OidcTransaction {
  codeVerifier: string;
  state: string;
  nonce: string;
  /** Milliseconds since the epoch. */
  startedAt: number;
}

export class OidcTransactionSeal {
  private readonly key: Buffer;

  /** `secret`: shared by every instance of the api; absent, a key of this process only. */
  constructor(secret: string | undefined) {
    const material = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
    this.key = Buffer.from(hkdfSync('sha256', material, 'ledger-oidc', 'oidc transaction cookie', 32));
  }

  seal(transaction: OidcTransaction): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(transaction), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The transaction, or null when the cookie was not sealed here, was altered, or is too old. */
  open(sealed: string, now: Date): OidcTransaction | null {
    const raw = Buffer.from(sealed, 'base64url');
    if (raw.length < 29) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      const t = JSON.parse(text) as OidcTransaction;
      const age = now.getTime() - t.startedAt;
      if (age < 0 || age > OIDC_TRANSACTION_SECONDS * 1000) return null;
      return t;
    } catch {
      return null;
    }
  }
}

function options(request: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/auth/oidc', secure: request.secure };
}

export function writeTransactionCookie(request: Request, response: Response, sealed: string): void {
  response.cookie(OIDC_TRANSACTION_COOKIE, sealed, {
    ...options(request),
    maxAge: OIDC_TRANSACTION_SECONDS * 1000,
  });
}

export function clearTransactionCookie(request: Request, response: Response): void {
  response.clearCookie(OIDC_TRANSACTION_COOKIE, options(request));
}

/** The cookie's value from the Cookie header (whether or not a cookie parser ran before). */
export function readTransactionCookie(request: Request): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === OIDC_TRANSACTION_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}
