// Signed bearer tokens (JWT, HS256) for officers: issued by the operator CLI, verified on every request.
// Built on node:crypto alone and strict: one header shape, the canonical base64url signature only, every
// claim present and well-formed (iat and nbf not in the future, exp a whole number within the longest
// lifetime, sub, agency and org units codes).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readOrCreateHexKey, secretFile } from '../secrets/data-dir-secret';

/** The longest lifetime of a token: 30 days. The CLI issues none longer, the API accepts none longer. */
export const MAX_TOKEN_TTL_SECONDS = 30 * 86_400;
/** How far a token's iat or nbf may be ahead of this server's clock (the issuer's clock may run fast). */
export const CLOCK_SKEW_SECONDS = 30;
/** An officer id, agency code or org unit code: 2-64 letters, digits, dot, underscore, dash. */
export const TOKEN_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

export interface TokenClaims {
  /** The officer. */
  sub: string;
  agency: string;
  orgUnits: string[];
  roles: string[];
  /** Seconds since the epoch. */
  iat: number;
  exp: number;
  nbf?: number;
}

export class TokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenError';
  }
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** "8h", "30d", "15m", "45s" as seconds; undefined for anything else. */
export function parseTtl(text: string): number | undefined {
  const m = /^(\d{1,6})([smhd])$/.exec(text.trim());
  if (!m) return undefined;
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
  const seconds = Number(m[1]) * unit;
  return seconds > 0 && seconds <= MAX_TOKEN_TTL_SECONDS ? seconds : undefined;
}

export function issueToken(
  claims: Omit<TokenClaims, 'iat' | 'exp'>,
  secret: Buffer,
  options: { ttlSeconds: number; now: Date },
): string {
  const { ttlSeconds } = options;
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds <= 0 || ttlSeconds > MAX_TOKEN_TTL_SECONDS)
    throw new TokenError(`a token lives 1 s to ${MAX_TOKEN_TTL_SECONDS / 86_400} days`);
  const iat = Math.floor(options.now.getTime() / 1000);
  const payload: TokenClaims = { ...claims, iat, exp: iat + options.ttlSeconds };
  const head = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}`;
  return `${head}.${b64url(createHmac('sha256', secret).update(head).digest())}`;
}

/** The token's claims when its header, signature and every claim hold; throws TokenError otherwise. */
export function verifyToken(token: string, secret: Buffer, now: Date): TokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw new TokenError('token is not header.payload.signature');
  const [header, payload, signature] = parts;
  let head: unknown;
  let claims: unknown;
  try {
    head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new TokenError('token header or payload is not base64url JSON');
  }
  if (!isObject(head) || head.alg !== 'HS256')
    throw new TokenError(`token algorithm ${String(isObject(head) ? head.alg : head)} is not HS256`);
  if (Object.keys(head).some((key) => key !== 'alg' && key !== 'typ') || (head.typ ?? 'JWT') !== 'JWT')
    throw new TokenError('token header may hold alg HS256 and typ JWT only');
  // The canonical encoding only: the signature's text must be exactly the one of the expected bytes (a
  // decoder ignores trailing bits and padding, so several texts decode to the same bytes).
  const expected = Buffer.from(
    createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url'),
    'utf8',
  );
  const given = Buffer.from(signature, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new TokenError('token signature does not verify');
  if (!isObject(claims)) throw new TokenError('token payload is not an object');
  return checkClaims(claims, Math.floor(now.getTime() / 1000));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isTime = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

function checkClaims(claims: Record<string, unknown>, now: number): TokenClaims {
  const { sub, agency, orgUnits, roles, iat, exp, nbf } = claims;
  if (!isTime(iat)) throw new TokenError('token iat must be a time in whole seconds');
  if (iat > now + CLOCK_SKEW_SECONDS) throw new TokenError('token is issued in the future (iat)');
  if (nbf !== undefined && (!isTime(nbf) || nbf > now + CLOCK_SKEW_SECONDS))
    throw new TokenError('token is not valid yet (nbf)');
  if (!isTime(exp)) throw new TokenError('token exp must be a time in whole seconds');
  if (exp <= now) throw new TokenError('token has expired');
  if (exp <= iat || exp - iat > MAX_TOKEN_TTL_SECONDS || exp > now + MAX_TOKEN_TTL_SECONDS)
    throw new TokenError(`token lifetime must be 1 s to ${MAX_TOKEN_TTL_SECONDS / 86_400} days`);
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
    ...(nbf !== undefined ? { nbf } : {}),
  };
}

/** LEDGER_TOKEN_SECRET, or a key generated (0600) into <dataDir>/secrets/token.key on first use. */
export function loadTokenSecret(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return Buffer.from(configured, 'utf8');
  return readOrCreateHexKey(secretFile(dataDir, 'token.key'));
}

export const TOKEN_SECRET = Symbol('TOKEN_SECRET');
