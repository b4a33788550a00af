// Bearer tokens for the end-to-end suites, signed with the secret startTestLedger gives the app. Signed here
// with node:crypto, synchronously and independently of the app's jose signer, as another issuer would: the
// app must verify them through jose (kid, iss, aud, nbf, jti as the app issues them).
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configuredKeyId, DEFAULT_TOKEN_AUDIENCE, DEFAULT_TOKEN_ISSUER } from '@ledger/ledger';
import type { Role } from '@ledger/domain';

export const TEST_TOKEN_SECRET = 'test-token-secret-of-at-least-32-bytes!!';
/** The kid, iss and aud of the app that startTestLedger starts (its configuration's defaults). */
export const TEST_TOKEN_KID = configuredKeyId(TEST_TOKEN_SECRET);
export const TEST_TOKEN_ISSUER = DEFAULT_TOKEN_ISSUER;
export const TEST_TOKEN_AUDIENCE = DEFAULT_TOKEN_AUDIENCE;

/**
 * The officer the suites record as by default: the culture and social affairs office of xã Bác Ái Đông, in
 * force from 1 July 2025 (it took over the district labour office's duties there), for its commune, which
 * covers the old communes it was made from. An action dated before 1 July 2025 is recorded by the agencies
 * of then (`OLD_AGENCY`, `OLD_ORG_UNITS`).
 */
export const DEFAULT_AGENCY = 'VHXH-XA-BAC-AI-DONG';
export const DEFAULT_ORG_UNITS = ['KH-BAC-AI-DONG'];

const AGENCY_UNITS = new Map(
  (
    JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'seeds', 'agencies.json'), 'utf8')) as {
      agencies: { code: string; orgUnit: string }[];
    }
  ).agencies.map((a) => [a.code, a.orgUnit]),
);
/** The org unit an agency serves (its token's default scope); an unknown agency gets the default's. */
export const unitsOf = (agency: string): string[] => {
  const unit = AGENCY_UNITS.get(agency);
  return unit ? [unit] : DEFAULT_ORG_UNITS;
};
/** The commune the suites record in by default (in force from 1 July 2025). */
export const DEFAULT_COMMUNE = 'KH-BAC-AI-DONG';
export const OLD_AGENCY = 'LDTBXH-BAC-AI';
export const OLD_ORG_UNITS = ['NT-BAC-AI'];

export interface TokenFor {
  officer?: string;
  agency?: string;
  orgUnits?: string[];
  roles?: Role[];
  /** Seconds; negative issues a token that has already expired. */
  ttlSeconds?: number;
}

export function tokenFor(who: TokenFor = {}): string {
  const ttl = who.ttlSeconds ?? 3600;
  // An expired token expired more than the app's 30 s of clock tolerance ago.
  const iat = Math.floor(Date.now() / 1000) + (ttl < 0 ? ttl - 40 : 0);
  return sign(
    JSON.stringify({
      iss: TEST_TOKEN_ISSUER,
      aud: TEST_TOKEN_AUDIENCE,
      sub: who.officer ?? 'can-bo-01',
      agency: who.agency ?? DEFAULT_AGENCY,
      orgUnits: who.orgUnits ?? unitsOf(who.agency ?? DEFAULT_AGENCY),
      roles: who.roles ?? ['officer'],
      iat,
      nbf: iat,
      exp: iat + Math.abs(ttl),
      jti: randomUUID(),
    }),
  );
}

/** An HS256 JWT over `payload` (any text) with the test key's kid, or the header given. */
function sign(payload: string, header = { alg: 'HS256', typ: 'JWT', kid: TEST_TOKEN_KID }): string {
  const head = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(payload).toString('base64url')}`;
  return `${head}.${createHmac('sha256', Buffer.from(TEST_TOKEN_SECRET, 'utf8')).update(head).digest('base64url')}`;
}

export const bearer = (who: TokenFor = {}) => ({ Authorization: `Bearer ${tokenFor(who)}` });

/** An officer of `agency` (of the default office by default), for the org unit it serves unless told. */
export const officer = (agency = DEFAULT_AGENCY, id = 'can-bo-01', orgUnits = unitsOf(agency)) =>
  bearer({ officer: id, agency, orgUnits, roles: ['officer'] });

export const supervisor = (agency = DEFAULT_AGENCY, id = 'truong-phong-01', orgUnits = unitsOf(agency)) =>
  bearer({ officer: id, agency, orgUnits, roles: ['supervisor'] });

export const inspector = (id = 'thanh-tra-01', orgUnits = ['NINH-THUAN', 'KHANH-HOA']) =>
  bearer({ officer: id, agency: 'THANHTRA-BAC-AI', orgUnits, roles: ['inspector'] });

export const viewer = () => bearer({ officer: 'xem-01', agency: 'UBND-BAC-AI', roles: ['viewer'] });

export const admin = () => bearer({ officer: 'quan-tri-01', agency: 'UBND-BAC-AI', roles: ['admin'] });

/**
 * A token signed with the test key over any payload text: claims the issuer would never write. The
 * registered claims iss, aud, nbf (now) and jti come first, so the payload's own override them (the last
 * of two equal keys wins in JSON.parse); the payload's text is kept as it is (1e400 stays 1e400).
 */
export function signedPayload(payload: string): string {
  const registered = JSON.stringify({
    iss: TEST_TOKEN_ISSUER,
    aud: TEST_TOKEN_AUDIENCE,
    nbf: Math.floor(Date.now() / 1000),
    jti: randomUUID(),
  });
  const body = payload.trim();
  const merged = body.startsWith('{') && body !== '{}' ? `${registered.slice(0, -1)},${body.slice(1)}` : body;
  return sign(merged);
}
