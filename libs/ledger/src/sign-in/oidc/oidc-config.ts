// The OpenID Connect settings: the provider, this ledger as its client, and how the provider's claims become
// an officer of the ledger (which claim names the officer, which holds the groups, and what each group grants).
// Read from LEDGER_OIDC_* as part of the validated configuration; unset LEDGER_OIDC_ISSUER turns it off.
import { existsSync, readFileSync } from 'node:fs';
import { isRole, refuseRoleMix, ROLES, type Role } from '@ledger/domain';
import type { OidcSignInOffer } from '../sign-in-methods';

/** What one provider group grants; groups a person is in add up (roles and org units; one agency). */
export interface OidcGroupGrant {
  roles: readonly Role[];
  agency?: string;
  orgUnits: readonly string[];
}

export interface OidcClaimMapping {
  /** The claim holding the officer id (e.g. preferred_username); a dotted path reads a nested claim. */
  officerClaim: string;
  /** The claim holding the name shown to others. */
  displayNameClaim: string;
  /** The claim holding the person's groups (a list of strings, or one string). */
  groupsClaim: string;
  /** Group, as the provider writes it (Keycloak: "/bac-ai/..." with "Full group path" on), to what it grants. */
  groups: Readonly<Record<string, OidcGroupGrant>>;
}

export interface OidcConfig {
  issuer: URL;
  clientId: string;
  /** Absent for a public client (PKCE only, token endpoint auth "none"). */
  clientSecret?: string;
  /** This ledger's /auth/oidc/callback as the provider knows it, exactly. */
  redirectUrl: URL;
  scopes: readonly string[];
  /** The sign-in button's text. */
  label: string;
  mapping: OidcClaimMapping;
  /**
   * Seals the short-lived cookie that carries the PKCE verifier, state and nonce between login and callback.
   * From LEDGER_OIDC_COOKIE_SECRET, else derived from the client secret; absent: a key per process.
   */
  cookieSecret?: string;
}

export const DEFAULT_OIDC_LABEL = 'Đăng nhập một lần (SSO)';

/** What GET /auth/methods says of single sign-on, for the sign-in page: on or off, and the button's text. */
export function oidcSignInOffer(config: { oidc?: OidcConfig }): OidcSignInOffer {
  return config.oidc ? { enabled: true, label: config.oidc.label } : { enabled: false, label: '' };
}

type Read = (key: string) => string | undefined;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An http(s) URL; plain http only on this machine (a provider or ledger on loopback, as in tests). */
function parseUrl(key: string, text: string, problems: string[]): URL | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    problems.push(`${key}: "${text}" is not a URL`);
    return undefined;
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return url;
  problems.push(`${key}: "${text}" must be https (plain http only on localhost)`);
  return undefined;
}

/** Parses LEDGER_OIDC_*; undefined when LEDGER_OIDC_ISSUER is unset (single sign-on off). */
export function parseOidcConfig(read: Read, problems: string[]): OidcConfig | undefined {
  const issuerText = read('LEDGER_OIDC_ISSUER');
  if (issuerText === undefined) {
    const stray = ['LEDGER_OIDC_CLIENT_ID', 'LEDGER_OIDC_REDIRECT_URL', 'LEDGER_OIDC_CLAIMS_FILE'].filter(
      (key) => read(key) !== undefined,
    );
    if (stray.length > 0)
      problems.push(
        `LEDGER_OIDC_ISSUER: required when ${stray.join(', ')} is set (single sign-on is off without it)`,
      );
    return undefined;
  }
  const before = problems.length;
  const issuer = parseUrl('LEDGER_OIDC_ISSUER', issuerText, problems);
  const clientId = read('LEDGER_OIDC_CLIENT_ID');
  if (!clientId) problems.push('LEDGER_OIDC_CLIENT_ID: required when LEDGER_OIDC_ISSUER is set');
  const redirectText = read('LEDGER_OIDC_REDIRECT_URL');
  let redirectUrl: URL | undefined;
  if (!redirectText)
    problems.push(
      'LEDGER_OIDC_REDIRECT_URL: required when LEDGER_OIDC_ISSUER is set (e.g. https://ledger.example.vn/auth/oidc/callback)',
    );
  else {
    redirectUrl = parseUrl('LEDGER_OIDC_REDIRECT_URL', redirectText, problems);
    if (redirectUrl && !redirectUrl.pathname.endsWith('/auth/oidc/callback'))
      problems.push(`LEDGER_OIDC_REDIRECT_URL: "${redirectText}" must end with /auth/oidc/callback`);
  }
  const scopes = (read('LEDGER_OIDC_SCOPES') ?? 'openid profile').split(/[\s,]+/).filter((s) => s !== '');
  if (!scopes.includes('openid')) problems.push('LEDGER_OIDC_SCOPES: must include openid');
  const cookieSecret = read('LEDGER_OIDC_COOKIE_SECRET');
  if (cookieSecret && Buffer.byteLength(cookieSecret, 'utf8') < 32)
    problems.push('LEDGER_OIDC_COOKIE_SECRET: must be at least 32 bytes');
  const mapping = readMapping(read, problems);
  if (problems.length > before || !issuer || !clientId || !redirectUrl || !mapping) return undefined;
  const clientSecret = read('LEDGER_OIDC_CLIENT_SECRET');
  return {
    issuer,
    clientId,
    ...(clientSecret ? { clientSecret } : {}),
    redirectUrl,
    scopes,
    label: read('LEDGER_OIDC_LABEL') ?? DEFAULT_OIDC_LABEL,
    mapping,
    ...(cookieSecret ? { cookieSecret } : clientSecret ? { cookieSecret: clientSecret } : {}),
  };
}

/** The claim mapping from LEDGER_OIDC_CLAIMS_FILE (a JSON file) or LEDGER_OIDC_CLAIMS (the JSON itself). */
function readMapping(read: Read, problems: string[]): OidcClaimMapping | undefined {
  const file = read('LEDGER_OIDC_CLAIMS_FILE');
  const inline = read('LEDGER_OIDC_CLAIMS');
  if (file && inline) {
    problems.push('LEDGER_OIDC_CLAIMS_FILE: set it or LEDGER_OIDC_CLAIMS, not both');
    return undefined;
  }
  const key = file ? 'LEDGER_OIDC_CLAIMS_FILE' : 'LEDGER_OIDC_CLAIMS';
  let text = inline;
  if (file) {
    if (!existsSync(file)) {
      problems.push(`LEDGER_OIDC_CLAIMS_FILE: "${file}" does not exist`);
      return undefined;
    }
    text = readFileSync(file, 'utf8');
  }
  if (text === undefined) {
    problems.push(
      'LEDGER_OIDC_CLAIMS_FILE: required when LEDGER_OIDC_ISSUER is set (a JSON file mapping the groups to roles, agency and org units; see README "Single sign-on")',
    );
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    problems.push(`${key}: not valid JSON`);
    return undefined;
  }
  const found = parseMapping(json);
  if (typeof found === 'string') {
    problems.push(`${key}: ${found}`);
    return undefined;
  }
  return found;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;
const CLAIM = /^[A-Za-z0-9_:/.-]{1,128}$/;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The mapping, or what is wrong with it. The codes are checked against the plan at each sign-in. */
export function parseMapping(json: unknown): OidcClaimMapping | string {
  if (!isObject(json)) return 'must be a JSON object';
  const claim = (name: string, fallback: string): string | Error => {
    const value = json[name] ?? fallback;
    return typeof value === 'string' && CLAIM.test(value)
      ? value
      : new Error(`${name} must be a claim name (letters, digits, _ : / . -)`);
  };
  const officerClaim = claim('officerClaim', 'preferred_username');
  const displayNameClaim = claim('displayNameClaim', 'name');
  const groupsClaim = claim('groupsClaim', 'groups');
  for (const c of [officerClaim, displayNameClaim, groupsClaim]) if (c instanceof Error) return c.message;
  if (!isObject(json.groups) || Object.keys(json.groups).length === 0)
    return 'groups must be an object mapping each provider group to { roles, agency, orgUnits }';
  const groups: Record<string, OidcGroupGrant> = {};
  for (const [group, grant] of Object.entries(json.groups)) {
    const at = `groups["${group}"]`;
    if (!isObject(grant)) return `${at} must be an object { roles, agency, orgUnits }`;
    const unknownKeys = Object.keys(grant).filter((k) => !['roles', 'agency', 'orgUnits'].includes(k));
    if (unknownKeys.length > 0)
      return `${at}: unknown key ${unknownKeys.join(', ')} (roles, agency, orgUnits)`;
    const roles = grant.roles ?? [];
    if (!Array.isArray(roles) || !roles.every(isRole))
      return `${at}.roles must be a list of ${ROLES.join(', ')}`;
    const mixed = refuseRoleMix(roles);
    if (mixed) return `${at}.roles: ${mixed}`;
    if (grant.agency !== undefined && (typeof grant.agency !== 'string' || !CODE.test(grant.agency)))
      return `${at}.agency must be an agency code of the plan`;
    const orgUnits = grant.orgUnits ?? [];
    if (!Array.isArray(orgUnits) || !orgUnits.every((u) => typeof u === 'string' && CODE.test(u)))
      return `${at}.orgUnits must be a list of org unit codes of the plan`;
    groups[group] = {
      roles,
      ...(grant.agency !== undefined ? { agency: grant.agency as string } : {}),
      orgUnits: orgUnits as string[],
    };
  }
  return {
    officerClaim: officerClaim as string,
    displayNameClaim: displayNameClaim as string,
    groupsClaim: groupsClaim as string,
    groups,
  };
}
