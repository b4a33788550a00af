// Signed bearer tokens (JWT, HS256) for officers. Issued by the operator CLI (`ledger-cli token`); the API
// verifies them on every route with verifyToken. Built on node:crypto alone.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readOrCreateHexKey, secretFile } from '../secrets/data-dir-secret';

export interface TokenClaims {
  /** The officer. */
  sub: string;
  agency: string;
  orgUnits: string[];
  roles: string[];
  /** Seconds since the epoch. */
  iat: number;
  exp: number;
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
  return seconds > 0 ? seconds : undefined;
}

export function issueToken(
  claims: Omit<TokenClaims, 'iat' | 'exp'>,
  secret: Buffer,
  options: { ttlSeconds: number; now: Date },
): string {
  const iat = Math.floor(options.now.getTime() / 1000);
  const payload: TokenClaims = { ...claims, iat, exp: iat + options.ttlSeconds };
  const head = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}`;
  return `${head}.${b64url(createHmac('sha256', secret).update(head).digest())}`;
}

/** The token's claims when its signature, algorithm and expiry hold; throws TokenError otherwise. */
export function verifyToken(token: string, secret: Buffer, now: Date): TokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw new TokenError('token is not header.payload.signature');
  const [header, payload, signature] = parts;
  let alg: unknown;
  let claims: Partial<TokenClaims>;
  try {
    alg = (JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown }).alg;
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<TokenClaims>;
  } catch {
    throw new TokenError('token header or payload is not base64url JSON');
  }
  if (alg !== 'HS256') throw new TokenError(`token algorithm ${String(alg)} is not HS256`);
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new TokenError('token signature does not verify');
  if (typeof claims.exp !== 'number' || claims.exp <= Math.floor(now.getTime() / 1000))
    throw new TokenError('token has expired');
  if (typeof claims.sub !== 'string' || typeof claims.agency !== 'string')
    throw new TokenError('token lacks sub or agency');
  return claims as TokenClaims;
}

/** LEDGER_TOKEN_SECRET, or a key generated (0600) into <dataDir>/secrets/token.key on first use. */
export function loadTokenSecret(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return Buffer.from(configured, 'utf8');
  return readOrCreateHexKey(secretFile(dataDir, 'token.key'));
}

export const TOKEN_SECRET = Symbol('TOKEN_SECRET');
