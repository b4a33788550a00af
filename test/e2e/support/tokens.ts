// Bearer tokens for the end-to-end suites, signed with the secret startTestLedger gives the app.
import { createHmac } from 'node:crypto';
import { issueToken } from '@ledger/ledger';
import type { Role } from '@ledger/domain';

export const TEST_TOKEN_SECRET = 'test-token-secret-of-at-least-32-bytes!!';

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
      agency: who.agency ?? 'LDTBXH-BAC-AI',
      orgUnits: who.orgUnits ?? ['NT-BAC-AI'],
      roles: who.roles ?? ['officer'],
    },
    Buffer.from(TEST_TOKEN_SECRET, 'utf8'),
    { ttlSeconds: Math.abs(ttl), now },
  );
}

export const bearer = (who: TokenFor = {}) => ({ Authorization: `Bearer ${tokenFor(who)}` });

/** An officer of `agency` (district-wide by default). */
export const officer = (agency = 'LDTBXH-BAC-AI', id = 'can-bo-01', orgUnits = ['NT-BAC-AI']) =>
  bearer({ officer: id, agency, orgUnits, roles: ['officer'] });

export const supervisor = (agency = 'LDTBXH-BAC-AI', id = 'truong-phong-01', orgUnits = ['NT-BAC-AI']) =>
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
