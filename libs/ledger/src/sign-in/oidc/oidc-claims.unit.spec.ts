import { claimAt, mapClaims, type PlanCodes } from './oidc-claims';
import type { OidcClaimMapping } from './oidc-config';
import { OidcSignInRefusedError } from './oidc-errors';

const PLAN: PlanCodes = {
  agencies: new Set(['VHXH-XA-BAC-AI-DONG', 'THANHTRA-BAC-AI', 'UBND-BAC-AI']),
  orgUnits: new Set(['KH-BAC-AI-DONG', 'KH-BAC-AI', 'NT-BAC-AI']),
};

const MAPPING: OidcClaimMapping = {
  officerClaim: 'preferred_username',
  displayNameClaim: 'name',
  groupsClaim: 'groups',
  groups: {
    '/vhxh/can-bo': { roles: ['officer'], agency: 'VHXH-XA-BAC-AI-DONG', orgUnits: ['KH-BAC-AI-DONG'] },
    '/vhxh/truong-phong': {
      roles: ['supervisor'],
      agency: 'VHXH-XA-BAC-AI-DONG',
      orgUnits: ['KH-BAC-AI-DONG'],
    },
    '/vung/bac-ai': { roles: [], orgUnits: ['KH-BAC-AI'] },
    '/thanh-tra': { roles: ['inspector'], agency: 'THANHTRA-BAC-AI', orgUnits: ['NT-BAC-AI'] },
    '/ubnd/xem': { roles: ['viewer'], agency: 'UBND-BAC-AI', orgUnits: ['NT-BAC-AI'] },
    '/dia-ban-cu': { roles: ['viewer'], agency: 'UBND-BAC-AI', orgUnits: ['BA-PHUOC-XXX'] },
    '/co-quan-la': { roles: ['viewer'], agency: 'SO-KHONG-CO', orgUnits: ['NT-BAC-AI'] },
  },
};

const claims = (groups: unknown, extra: Record<string, unknown> = {}) => ({
  sub: 'f2c1d0e4-5b6a',
  preferred_username: 'nguyen-van-a',
  name: 'Nguyễn Văn A',
  groups,
  ...extra,
});

const refusal = (c: Record<string, unknown>, mapping = MAPPING): string => {
  try {
    mapClaims(c, mapping, PLAN);
  } catch (error) {
    if (error instanceof OidcSignInRefusedError) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('mapping the provider claims to an officer', () => {
  it('takes the officer and name from their claims and roles, agency, org units from the groups', () => {
    expect(mapClaims(claims(['/vhxh/can-bo', '/offline_access']), MAPPING, PLAN)).toEqual({
      officer: 'nguyen-van-a',
      displayName: 'Nguyễn Văn A',
      agency: 'VHXH-XA-BAC-AI-DONG',
      orgUnits: ['KH-BAC-AI-DONG'],
      roles: ['officer'],
    });
  });

  it('adds up the groups: roles and org units from several, one agency', () => {
    const identity = mapClaims(claims(['/vhxh/can-bo', '/vhxh/truong-phong', '/vung/bac-ai']), MAPPING, PLAN);
    expect(identity.roles).toEqual(['officer', 'supervisor']);
    expect(identity.orgUnits).toEqual(['KH-BAC-AI-DONG', 'KH-BAC-AI']);
    expect(identity.agency).toBe('VHXH-XA-BAC-AI-DONG');
  });

  it('reads a single group as a string, a nested claim by a dotted path, and names the officer when no name', () => {
    const nested: OidcClaimMapping = { ...MAPPING, groupsClaim: 'realm_access.roles', officerClaim: 'email' };
    const identity = mapClaims(
      { sub: 'x', email: 'a.nguyen', realm_access: { roles: '/ubnd/xem' } },
      nested,
      PLAN,
    );
    expect(identity).toMatchObject({ officer: 'a.nguyen', displayName: 'a.nguyen', roles: ['viewer'] });
    expect(claimAt({ 'https://ledger/groups': ['g'] }, 'https://ledger/groups')).toEqual(['g']);
  });

  it('refuses a person whose groups grant no role', () => {
    expect(refusal(claims(['/offline_access', '/vung/bac-ai']))).toMatch(
      /nguyen-van-a: none of the provider's groups \(\/offline_access, \/vung\/bac-ai in claim groups\) grants a role/,
    );
    expect(refusal(claims(undefined))).toMatch(/none of the provider's groups \(none in claim groups\)/);
  });

  it('refuses roles that four eyes keep apart, even from two groups', () => {
    expect(refusal(claims(['/vhxh/can-bo', '/thanh-tra']))).toMatch(
      /roles officer and inspector are never held together/,
    );
  });

  it('refuses several agencies, or none', () => {
    expect(refusal(claims(['/ubnd/xem', '/vhxh/can-bo']))).toMatch(
      /several agencies \(UBND-BAC-AI, VHXH-XA-BAC-AI-DONG\)/,
    );
    const noAgency: OidcClaimMapping = {
      ...MAPPING,
      groups: { g: { roles: ['viewer'], orgUnits: ['NT-BAC-AI'] } },
    };
    expect(refusal(claims(['g']), noAgency)).toMatch(/none of the provider's groups names an agency/);
  });

  it("refuses an agency or org unit that is not the plan's, and a group naming no org unit", () => {
    expect(refusal(claims(['/co-quan-la']))).toMatch(/agency SO-KHONG-CO is not an agency of the plan/);
    expect(refusal(claims(['/dia-ban-cu']))).toMatch(/org unit BA-PHUOC-XXX is not an org unit of the plan/);
    const noUnit: OidcClaimMapping = {
      ...MAPPING,
      groups: { g: { roles: ['viewer'], agency: 'UBND-BAC-AI', orgUnits: [] } },
    };
    expect(refusal(claims(['g']), noUnit)).toMatch(/names an org unit/);
  });

  it('refuses a missing or malformed officer id', () => {
    expect(refusal(claims(['/vhxh/can-bo'], { preferred_username: undefined }))).toMatch(
      /claim preferred_username must hold an officer id .* it holds nothing/,
    );
    expect(refusal(claims(['/vhxh/can-bo'], { preferred_username: 'a b@c' }))).toMatch(/it holds "a b@c"/);
  });
});
