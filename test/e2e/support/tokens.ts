// Bearer tokens for the end-to-end suites, signed with the secret startTestLedger gives the app.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issueToken } from '@ledger/ledger';
import type { Role } from '@ledger/domain';

export const TEST_TOKEN_SECRET = 'test-token-secret-of-at-least-32-bytes!!';

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
  const now = new Date(Date.now() + (ttl < 0 ? (ttl - 10) * 1000 : 0));
  return issueToken(
    {
      sub: who.officer ?? 'can-bo-01',
      agency: who.agency ?? DEFAULT_AGENCY,
      orgUnits: who.orgUnits ?? unitsOf(who.agency ?? DEFAULT_AGENCY),
      roles: who.roles ?? ['officer'],
    },
    Buffer.from(TEST_TOKEN_SECRET, 'utf8'),
    { ttlSeconds: Math.abs(ttl), now },
  );
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

/** A token signed with the test secret over any payload text: claims the issuer would never write. */
export function signedPayload(payload: string): string {
  const head = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from(payload).toString('base64url')}`;
  return `${head}.${createHmac('sha256', Buffer.from(TEST_TOKEN_SECRET, 'utf8')).update(head).digest('base64url')}`;
}
