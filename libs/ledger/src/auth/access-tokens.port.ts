// Access tokens as the rest of the ledger sees them: issue one for a principal, verify one from a request.
// The implementation (signing keys, algorithm, rotation) stays behind this port.

/** What an access token says about its bearer. */
export interface AccessTokenClaims {
  /** The officer. */
  sub: string;
  agency: string;
  orgUnits: readonly string[];
  roles: readonly string[];
  /** The signed-in session it belongs to; absent on a service token issued by the operator CLI. */
  sid?: string;
}

export interface VerifiedAccessToken extends AccessTokenClaims {
  /** Seconds since the epoch. */
  iat: number;
  exp: number;
  nbf?: number;
  /** The token's own id. */
  jti?: string;
}

export interface AccessTokens {
  issue(claims: AccessTokenClaims, options: { ttlSeconds: number; now?: Date }): Promise<string>;
  /** The token's claims; throws TokenError when it does not verify. */
  verify(token: string, now?: Date): Promise<VerifiedAccessToken>;
}

export const ACCESS_TOKENS = Symbol('ACCESS_TOKENS');
