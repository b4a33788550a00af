import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../config/ledger-config';
import { DEFAULT_OIDC_LABEL, oidcSignInOffer, parseMapping } from './oidc-config';

const MAPPING = {
  officerClaim: 'preferred_username',
  groupsClaim: 'groups',
  groups: {
    '/vhxh/can-bo': { roles: ['officer'], agency: 'VHXH-XA-BAC-AI-DONG', orgUnits: ['KH-BAC-AI-DONG'] },
  },
};

const ENV = {
  LEDGER_OIDC_ISSUER: 'https://sso.example.vn/realms/bac-ai',
  LEDGER_OIDC_CLIENT_ID: 'policy-ledger',
  LEDGER_OIDC_CLIENT_SECRET: 'a-client-secret-of-thirty-two-bytes-or-so',
  LEDGER_OIDC_REDIRECT_URL: 'https://ledger.example.vn/auth/oidc/callback',
  LEDGER_OIDC_CLAIMS: JSON.stringify(MAPPING),
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('single sign-on configuration', () => {
  it('is off when LEDGER_OIDC_ISSUER is unset, and GET /auth/methods says so', () => {
    const config = loadConfig({});
    expect(config.oidc).toBeUndefined();
    expect(oidcSignInOffer(config)).toEqual({ enabled: false, label: '' });
  });

  it('reads the provider, the client, the redirect URL, the scopes, the label and the mapping', () => {
    const config = loadConfig({ ...ENV, LEDGER_OIDC_LABEL: 'Đăng nhập bằng tài khoản tỉnh' });
    expect(config.oidc).toMatchObject({
      clientId: 'policy-ledger',
      clientSecret: ENV.LEDGER_OIDC_CLIENT_SECRET,
      scopes: ['openid', 'profile'],
      label: 'Đăng nhập bằng tài khoản tỉnh',
      mapping: {
        officerClaim: 'preferred_username',
        displayNameClaim: 'name',
        groupsClaim: 'groups',
        groups: MAPPING.groups,
      },
    });
    expect(config.oidc?.issuer.href).toBe(ENV.LEDGER_OIDC_ISSUER);
    expect(config.oidc?.redirectUrl.href).toBe(ENV.LEDGER_OIDC_REDIRECT_URL);
    expect(oidcSignInOffer(config)).toEqual({ enabled: true, label: 'Đăng nhập bằng tài khoản tỉnh' });
  });

  it('labels the button in Vietnamese by default and accepts a public client (no secret)', () => {
    const { LEDGER_OIDC_CLIENT_SECRET: _secret, ...publicClient } = ENV;
    const config = loadConfig(publicClient);
    expect(config.oidc?.label).toBe(DEFAULT_OIDC_LABEL);
    expect(config.oidc?.clientSecret).toBeUndefined();
    expect(config.oidc?.cookieSecret).toBeUndefined();
  });

  it('reads the mapping from a JSON file, as the README example', () => {
    const { LEDGER_OIDC_CLAIMS: _inline, ...env } = ENV;
    const config = loadConfig({
      ...env,
      LEDGER_OIDC_CLAIMS_FILE: join(
        __dirname,
        '..',
        '..',
        '..',
        '..',
        '..',
        'docs',
        'oidc-claims.example.json',
      ),
    });
    expect(Object.keys(config.oidc?.mapping.groups ?? {})).toContain('/bac-ai-dong/vhxh/can-bo');
  });

  it('names every missing or wrong setting at once', () => {
    const problems = problemsOf({
      LEDGER_OIDC_ISSUER: 'http://sso.example.vn/realms/bac-ai',
      LEDGER_OIDC_REDIRECT_URL: 'https://ledger.example.vn/callback',
      LEDGER_OIDC_SCOPES: 'profile email',
      LEDGER_OIDC_COOKIE_SECRET: 'short',
    });
    expect(problems).toEqual([
      expect.stringMatching(/^LEDGER_OIDC_ISSUER: .* must be https/),
      expect.stringMatching(/^LEDGER_OIDC_CLIENT_ID: required/),
      expect.stringMatching(/^LEDGER_OIDC_REDIRECT_URL: .* must end with \/auth\/oidc\/callback/),
      expect.stringMatching(/^LEDGER_OIDC_SCOPES: must include openid/),
      expect.stringMatching(/^LEDGER_OIDC_COOKIE_SECRET: must be at least 32 bytes/),
      expect.stringMatching(/^LEDGER_OIDC_CLAIMS_FILE: required/),
    ]);
  });

  it('allows plain http only on this machine', () => {
    expect(problemsOf({ ...ENV, LEDGER_OIDC_ISSUER: 'http://127.0.0.1:8080/' })).toEqual([]);
    expect(
      problemsOf({ ...ENV, LEDGER_OIDC_REDIRECT_URL: 'http://ledger.example.vn/auth/oidc/callback' }),
    ).toEqual([expect.stringMatching(/^LEDGER_OIDC_REDIRECT_URL: .* must be https/)]);
  });

  it('refuses a client or mapping set without an issuer, and a mapping file that is missing or not JSON', () => {
    expect(problemsOf({ LEDGER_OIDC_CLIENT_ID: 'policy-ledger' })).toEqual([
      expect.stringMatching(/^LEDGER_OIDC_ISSUER: required when LEDGER_OIDC_CLIENT_ID is set/),
    ]);
    const { LEDGER_OIDC_CLAIMS: _inline, ...env } = ENV;
    expect(problemsOf({ ...env, LEDGER_OIDC_CLAIMS_FILE: '/nonexistent/claims.json' })).toEqual([
      expect.stringMatching(/LEDGER_OIDC_CLAIMS_FILE: "\/nonexistent\/claims.json" does not exist/),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'oidc-config-'));
    writeFileSync(join(dir, 'claims.json'), '{ "groups": ');
    expect(problemsOf({ ...env, LEDGER_OIDC_CLAIMS_FILE: join(dir, 'claims.json') })).toEqual([
      'LEDGER_OIDC_CLAIMS_FILE: not valid JSON',
    ]);
  });

  it('checks the mapping: known roles, no roles four eyes keep apart in one group, codes, no stray keys', () => {
    const grant = (g: object) => parseMapping({ groups: { g } });
    expect(parseMapping([])).toBe('must be a JSON object');
    expect(parseMapping({ groups: {} })).toMatch(/groups must be an object mapping/);
    expect(parseMapping({ officerClaim: 'a b', groups: MAPPING.groups })).toMatch(
      /officerClaim must be a claim name/,
    );
    expect(grant({ roles: ['chief'] })).toMatch(/groups\["g"\].roles must be a list of officer, supervisor/);
    expect(grant({ roles: ['officer', 'inspector'] })).toMatch(
      /roles officer and inspector are never held together/,
    );
    expect(grant({ roles: ['viewer'], agency: 'not a code' })).toMatch(/agency must be an agency code/);
    expect(grant({ roles: ['viewer'], orgUnits: 'KH-BAC-AI' })).toMatch(/orgUnits must be a list/);
    expect(grant({ roles: ['viewer'], role: 'admin' })).toMatch(/unknown key role/);
    // A group may grant only an agency or only org units; another group of the person adds the roles.
    expect(grant({ orgUnits: ['KH-BAC-AI'] })).toMatchObject({
      groups: { g: { roles: [], orgUnits: ['KH-BAC-AI'] } },
    });
  });
});
