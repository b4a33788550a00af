// The shape an access token's claims must have beyond what its signature proves: whole-second times within
// the longest lifetime, codes for the officer, agency and org units, a list of roles, a token id, and the
// session when there is one. The registered claims iss, aud, exp and nbf are checked by jose before this.
import type { VerifiedAccessToken } from './access-tokens.port';

/** The longest lifetime of a token: 30 days. Nothing issues one longer, the API accepts none longer. */
export const MAX_TOKEN_TTL_SECONDS = 30 * 86_400;
/** How far a token's iat or nbf may be ahead of this server's clock (the issuer's clock may run fast). */
export const CLOCK_SKEW_SECONDS = 30;
/** An officer id, agency code or org unit code: 2-64 letters, digits, dot, underscore, dash. */
export const TOKEN_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;
/** A token id or session id: 1-128 letters, digits and . _ : - (a UUID fits). */
const TOKEN_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export class TokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenError';
  }
}

/** "8h", "30d", "15m", "45s" as seconds within the longest lifetime; undefined for anything else. */
export function parseTtl(text: string): number | undefined {
  const m = /^(\d{1,6})([smhd])$/.exec(text.trim());
  if (!m) return undefined;
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
  const seconds = Number(m[1]) * unit;
  return seconds > 0 && seconds <= MAX_TOKEN_TTL_SECONDS ? seconds : undefined;
}

export function checkTtl(ttlSeconds: number): void {
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds <= 0 || ttlSeconds > MAX_TOKEN_TTL_SECONDS)
    throw new TokenError(`a token lives 1 s to ${MAX_TOKEN_TTL_SECONDS / 86_400} days`);
}

const isTime = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

/** The claims when every one holds at `now` (seconds); throws TokenError naming the first that does not. */
export function checkClaimShape(claims: Record<string, unknown>, now: number): VerifiedAccessToken {
  const { sub, agency, orgUnits, roles, iat, exp, nbf, jti, sid } = claims;
  if (!isTime(iat)) throw new TokenError('token iat must be a time in whole seconds');
  if (iat > now + CLOCK_SKEW_SECONDS) throw new TokenError('token is issued in the future (iat)');
  if (!isTime(nbf)) throw new TokenError('token nbf must be a time in whole seconds');
  if (nbf > now + CLOCK_SKEW_SECONDS) throw new TokenError('token is not valid yet (nbf)');
  if (!isTime(exp)) throw new TokenError('token exp must be a time in whole seconds');
  if (exp <= iat || exp - iat > MAX_TOKEN_TTL_SECONDS || exp > now + MAX_TOKEN_TTL_SECONDS)
    throw new TokenError(`token lifetime must be 1 s to ${MAX_TOKEN_TTL_SECONDS / 86_400} days`);
  if (typeof jti !== 'string' || !TOKEN_ID.test(jti))
    throw new TokenError('token jti must be a token id (1-128 letters, digits, . _ : -)');
  if (sid !== undefined && (typeof sid !== 'string' || !TOKEN_ID.test(sid)))
    throw new TokenError('token sid must be a session id (1-128 letters, digits, . _ : -)');
  if (typeof sub !== 'string' || !TOKEN_CODE.test(sub))
    throw new TokenError('token sub must be an officer id (2-64 letters, digits, . _ -)');
  if (typeof agency !== 'string' || !TOKEN_CODE.test(agency))
    throw new TokenError('token agency must be an agency code');
  if (
    !Array.isArray(orgUnits) ||
    orgUnits.length === 0 ||
    orgUnits.length > 64 ||
    !orgUnits.every((u) => typeof u === 'string' && TOKEN_CODE.test(u))
  )
    throw new TokenError('token orgUnits must be a list of 1 to 64 org unit codes');
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every((r) => typeof r === 'string'))
    throw new TokenError('token roles must be a list of roles');
  return {
    sub,
    agency,
    orgUnits: orgUnits as string[],
    roles: roles as string[],
    iat,
    exp,
    nbf,
    jti,
    ...(sid !== undefined ? { sid } : {}),
  };
}
