// Access tokens through jose: HS256 signed with the newest key of the ring (its kid in the header), with
// iss, aud, sub, iat, nbf, exp and jti; verified with the algorithm pinned, the issuer and audience
// required, 30 s of clock tolerance, then the claim shape of token-claims.ts. A token's signature is checked
// once per process (verified-signatures.ts); the key, the clock and the claim shape on every use.
import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { AccessTokenClaims, AccessTokens, VerifiedAccessToken } from './access-tokens.port';
import { CLOCK_SKEW_SECONDS, checkClaimShape, checkTtl, TokenError } from './token-claims';
import { signingKey, verifyingKey, type TokenKeyRing } from './token-key-ring';
import { VerifiedSignatures } from './verified-signatures';

export const TOKEN_ALGORITHM = 'HS256';

export interface AccessTokenSettings {
  issuer: string;
  audience: string;
  /** How long after the next key was made an older key still verifies the tokens it signed. */
  keyGraceSeconds: number;
}

const HEADER_FIELDS = new Set(['alg', 'kid', 'typ']);
const seconds = (date: Date): number => Math.floor(date.getTime() / 1000);

export class JoseAccessTokens implements AccessTokens {
  private readonly signatures = new VerifiedSignatures();

  constructor(
    private readonly ring: TokenKeyRing,
    private readonly settings: AccessTokenSettings,
  ) {}

  async issue(claims: AccessTokenClaims, options: { ttlSeconds: number; now?: Date }): Promise<string> {
    checkTtl(options.ttlSeconds);
    const iat = seconds(options.now ?? new Date());
    const exp = iat + options.ttlSeconds;
    const jti = randomUUID();
    const body = {
      agency: claims.agency,
      orgUnits: [...claims.orgUnits],
      roles: [...claims.roles],
      ...(claims.sid !== undefined ? { sid: claims.sid } : {}),
    };
    // Nothing is signed that verification would refuse.
    checkClaimShape({ ...body, sub: claims.sub, iat, nbf: iat, exp, jti }, iat);
    const key = signingKey(this.ring);
    return new SignJWT(body)
      .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: key.kid, typ: 'JWT' })
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setSubject(claims.sub)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(exp)
      .setJti(jti)
      .sign(key.secret);
  }

  async verify(token: string, now: Date = new Date()): Promise<VerifiedAccessToken> {
    const parts = token.split('.');
    if (parts.length !== 3 || !parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part)))
      throw new TokenError('token is not header.payload.signature in base64url');
    // The canonical encoding only: a decoder ignores a signature's trailing bits, so several texts would
    // name the same signature.
    if (Buffer.from(parts[2], 'base64url').toString('base64url') !== parts[2])
      throw new TokenError('token signature does not verify');
    const known = this.signatures.get(token, seconds(now), CLOCK_SKEW_SECONDS);
    if (known) {
      const found = verifyingKey(this.ring, known.kid, now, this.settings.keyGraceSeconds);
      if (found.key.secret.equals(known.secret)) {
        // jose's time checks, in its order (nbf before exp; exp is the cache's own bound), then ours.
        if ((known.payload.nbf as number) > seconds(now) + CLOCK_SKEW_SECONDS)
          throw new TokenError('token is not valid yet (nbf)');
        // Lists copied: what a caller does with its claims never reaches the remembered payload.
        const claims = this.claimsAt(known.payload, now, found.retiredAt);
        return { ...claims, orgUnits: [...claims.orgUnits], roles: [...claims.roles] };
      }
      this.signatures.forget(token);
    }
    let retiredAt: Date | undefined;
    let used: { kid: string; secret: Buffer } | undefined;
    let verified;
    try {
      verified = await jwtVerify(
        token,
        (header) => {
          const found = verifyingKey(this.ring, header.kid, now, this.settings.keyGraceSeconds);
          retiredAt = found.retiredAt;
          used = found.key;
          return found.key.secret;
        },
        {
          algorithms: [TOKEN_ALGORITHM],
          issuer: this.settings.issuer,
          audience: this.settings.audience,
          clockTolerance: CLOCK_SKEW_SECONDS,
          currentDate: now,
          requiredClaims: ['iss', 'aud', 'sub', 'iat', 'nbf', 'exp', 'jti'],
        },
      );
    } catch (error) {
      throw tokenErrorOf(error);
    }
    if (Object.keys(verified.protectedHeader).some((field) => !HEADER_FIELDS.has(field)))
      throw new TokenError('token header may hold alg, kid and typ only');
    if (verified.protectedHeader.typ !== undefined && verified.protectedHeader.typ !== 'JWT')
      throw new TokenError('token typ must be JWT');
    const payload = verified.payload as Record<string, unknown>;
    const claims = this.claimsAt(payload, now, retiredAt);
    if (used)
      this.signatures.remember(token, { kid: used.kid, secret: used.secret, payload, exp: claims.exp });
    return { ...claims, orgUnits: [...claims.orgUnits], roles: [...claims.roles] };
  }

  /** What the payload claims when its shape holds at `now` and its key was not replaced before it was issued. */
  private claimsAt(
    payload: Record<string, unknown>,
    now: Date,
    retiredAt: Date | undefined,
  ): VerifiedAccessToken {
    const claims = checkClaimShape(payload, seconds(now));
    if (retiredAt && claims.iat > seconds(retiredAt) + CLOCK_SKEW_SECONDS)
      throw new TokenError('token is signed with a key replaced before it was issued');
    return claims;
  }
}

/** What a jose refusal says, as a TokenError (a 401 at the edge); other errors are the server's. */
function tokenErrorOf(error: unknown): unknown {
  if (error instanceof TokenError) return error;
  if (error instanceof errors.JWTExpired) return new TokenError('token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    const claim = error.claim;
    if (error.reason === 'missing') return new TokenError(`token ${claim} is missing`);
    if (claim === 'nbf') return new TokenError('token is not valid yet (nbf)');
    if (claim === 'iss') return new TokenError('token issuer (iss) is not the one this ledger trusts');
    if (claim === 'aud') return new TokenError('token audience (aud) is not this ledger');
    return new TokenError(`token ${claim} does not hold`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported)
    return new TokenError(`token algorithm is not ${TOKEN_ALGORITHM}`);
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new TokenError('token signature does not verify');
  if (error instanceof errors.JOSEError) return new TokenError('token is not a well-formed JWT');
  return error;
}
