// What starts a signed-in session, whichever way the person proved who they are (a password checked against
// the credential store, or an OpenID Connect provider): the identity goes in, an access token and a refresh
// token come out. The refresh token travels only in the HttpOnly cookie written by refresh-cookie.ts.
import type { Role } from '@ledger/domain';

/** Who signs in, as the sign-in method established it. */
export interface SignInIdentity {
  officer: string;
  displayName: string;
  agency: string;
  orgUnits: readonly string[];
  roles: readonly Role[];
  /** How the person proved it: `password` (an account of the ledger) or `oidc` (the configured provider). */
  method: 'password' | 'oidc';
}

/** Where the sign-in came from, kept with the session for the officer and the inspector. */
export interface SignInContext {
  address: string;
  userAgent: string;
  now: Date;
}

export interface StartedSession {
  /** The session's id (the token's `sid`): every refresh token of one sign-in belongs to it. */
  sessionId: string;
  accessToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
  /** The opaque refresh token, for the cookie only; the server keeps its hash. */
  refreshToken: string;
  refreshExpiresAt: Date;
}

export interface Sessions {
  start(identity: SignInIdentity, context: SignInContext): Promise<StartedSession>;
}

export const SESSIONS = Symbol('SESSIONS');
