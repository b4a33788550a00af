// Configuration is a validated schema that fails fast at start-up with one message per bad value
// (STYLE.md practice 14). Values come from the environment, then from a `.env` file in the working
// directory for whatever the environment leaves unset.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isIP } from 'node:net';
import { createPrivateKey } from 'node:crypto';
import { parseSignInConfig, type SignInConfig } from './sign-in-config';
import { parseOidcConfig, type OidcConfig } from '../sign-in/oidc/oidc-config';

export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');

export type EventStoreKind = 'sqlite' | 'eventstoredb';
export type ReadStoreKind = 'sqlite' | 'mongodb';

export interface LedgerConfig {
  port: number;
  host: string;
  dataDir: string;
  eventStore: EventStoreKind;
  readStore: ReadStoreKind;
  eventStoreUrl?: string;
  mongoUrl?: string;
  /** HMAC key for citizen ids (hex, >= 32 bytes). When unset, a key is generated into the data directory. */
  pseudonymKey?: string;
  /** Ed25519 private key (PKCS#8 PEM) signing tree heads. When unset, one is generated into the data directory. */
  signingKey?: string;
  /** HMAC secret (>= 32 bytes) signing officers' tokens. When unset, one is generated into the data directory. */
  tokenSecret?: string;
  /** The secret replaced by tokenSecret: still verifies (never signs) while configured (LEDGER_TOKEN_PREVIOUS_SECRET). */
  tokenPreviousSecret?: string;
  /** The iss of access tokens, and the one accepted (LEDGER_TOKEN_ISSUER). */
  tokenIssuer: string;
  /** The aud of access tokens, and the one accepted (LEDGER_TOKEN_AUDIENCE). */
  tokenAudience: string;
  /** Seconds an older token key still verifies after the next was made (LEDGER_TOKEN_KEY_GRACE, default 30d). */
  tokenKeyGraceSeconds: number;
  /** Sign a tree head every this many minutes when the tree grew; 0 turns the schedule off. */
  headSigningIntervalMinutes: number;
  /** Requests per minute one token may make; 0 turns the limit off. */
  rateLimitPerToken: number;
  /** Requests per minute one client address may make without a (valid) token; 0 turns it off. */
  rateLimitPerAddress: number;
  /**
   * Express `trust proxy`: which proxies' X-Forwarded-For to believe for the client address. false (the
   * default: the address is the connection's), a number of hops, or a list of addresses, subnets and the
   * names loopback, linklocal, uniquelocal.
   */
  trustProxy: false | number | string[];
  /** Log one JSON line per request (request id, method, path, status, ms, officer); never a body. */
  accessLog: boolean;
  /** GET /health/ready answers 503 while a projection is more than this many events behind the log. */
  readyMaxLag: number;
  /** Largest JSON body accepted, e.g. "100kb". */
  bodyLimit: string;
  /** The plan folder: loaded at start-up when seedOnStart, and the source of the projections' plan model. */
  seedDir: string;
  seedOnStart: boolean;
  /** Run the projections inside the api process (the embedded default); else apps/projector runs them. */
  projectionsInApi: boolean;
  /** Access and refresh token lifetimes, sign-in lockout (sign-in-config.ts). */
  signIn: SignInConfig;
  /** A file outside the data directory where every erasure is also logged, for restores from older backups. */
  erasureLog?: string;
  /** Single sign-on through an OpenID Connect provider (LEDGER_OIDC_*); absent when LEDGER_OIDC_ISSUER is unset. */
  oidc?: OidcConfig;
}

/** The iss and aud of access tokens unless LEDGER_TOKEN_ISSUER / LEDGER_TOKEN_AUDIENCE say otherwise. */
export const DEFAULT_TOKEN_ISSUER = 'policy-ledger';
export const DEFAULT_TOKEN_AUDIENCE = 'policy-ledger-api';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Parses KEY=VALUE lines; `#` comments, optional quotes. No interpolation. */
export function parseDotEnv(text: string): Env {
  const out: Env = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) {
      value = value.slice(1, -1);
    }
    out[key] = value;
  }
  return out;
}

export function readEnvironment(env: Env = process.env, dotEnvPath = resolve(process.cwd(), '.env')): Env {
  const fromFile = existsSync(dotEnvPath) ? parseDotEnv(readFileSync(dotEnvPath, 'utf8')) : {};
  return { ...fromFile, ...env };
}

export function loadConfig(env: Env = readEnvironment()): LedgerConfig {
  const problems: string[] = [];
  const str = (key: string): string | undefined => {
    const v = env[key];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const v = str(key) ?? fallback;
    if (!(allowed as readonly string[]).includes(v)) {
      problems.push(`${key}: "${v}" is not one of ${allowed.join(', ')}`);
      return fallback;
    }
    return v as T;
  };

  const portText = str('PORT') ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 0 || port > 65535) {
    problems.push(`PORT: "${portText}" is not a port number (0-65535; 0 picks a free port)`);
  }

  const eventStore = oneOf<EventStoreKind>('LEDGER_EVENT_STORE', ['sqlite', 'eventstoredb'], 'sqlite');
  const readStore = oneOf<ReadStoreKind>('LEDGER_READ_STORE', ['sqlite', 'mongodb'], 'sqlite');
  const eventStoreUrl = str('EVENTSTORE_URL');
  const mongoUrl = str('MONGO_URL');
  if (eventStore === 'eventstoredb' && !eventStoreUrl) {
    problems.push(
      'EVENTSTORE_URL: required when LEDGER_EVENT_STORE=eventstoredb (e.g. esdb://localhost:2113?tls=false)',
    );
  }
  if (eventStoreUrl && !/^(esdb|esdb\+discover|kurrentdb|kurrent):\/\//.test(eventStoreUrl)) {
    problems.push(`EVENTSTORE_URL: "${eventStoreUrl}" must start with esdb:// or esdb+discover://`);
  }
  if (readStore === 'mongodb' && !mongoUrl) {
    problems.push(
      'MONGO_URL: required when LEDGER_READ_STORE=mongodb (e.g. mongodb://localhost:27017/ledger?replicaSet=rs0)',
    );
  }
  if (mongoUrl && !/^mongodb(\+srv)?:\/\//.test(mongoUrl)) {
    problems.push(`MONGO_URL: "${mongoUrl}" must start with mongodb:// or mongodb+srv://`);
  }
  if (eventStore === 'sqlite' && readStore === 'mongodb') {
    // Allowed, but worth knowing: a local event log feeding a shared read store is rarely what one wants.
  }

  const pseudonymKey = str('LEDGER_PSEUDONYM_KEY');
  if (pseudonymKey && !/^[0-9a-fA-F]{64,}$/.test(pseudonymKey)) {
    problems.push('LEDGER_PSEUDONYM_KEY: must be at least 32 bytes written as hex (64+ hex digits)');
  }

  // A PEM in one environment line usually has its newlines written as \n.
  const signingKey = str('LEDGER_SIGNING_KEY')?.replace(/\\n/g, '\n');
  if (signingKey && !isEd25519PrivateKeyPem(signingKey)) {
    problems.push('LEDGER_SIGNING_KEY: must be an Ed25519 private key in PKCS#8 PEM (BEGIN PRIVATE KEY)');
  }
  const tokenSecret = str('LEDGER_TOKEN_SECRET');
  if (tokenSecret && Buffer.byteLength(tokenSecret, 'utf8') < 32) {
    problems.push('LEDGER_TOKEN_SECRET: must be at least 32 bytes');
  }
  const tokenPreviousSecret = str('LEDGER_TOKEN_PREVIOUS_SECRET');
  if (tokenPreviousSecret && (!tokenSecret || tokenPreviousSecret === tokenSecret))
    problems.push('LEDGER_TOKEN_PREVIOUS_SECRET: only beside a new, different LEDGER_TOKEN_SECRET');
  else if (tokenPreviousSecret && Buffer.byteLength(tokenPreviousSecret, 'utf8') < 32)
    problems.push('LEDGER_TOKEN_PREVIOUS_SECRET: must be at least 32 bytes');
  const tokenIssuer = str('LEDGER_TOKEN_ISSUER') ?? DEFAULT_TOKEN_ISSUER;
  const tokenAudience = str('LEDGER_TOKEN_AUDIENCE') ?? DEFAULT_TOKEN_AUDIENCE;
  for (const [key, value] of [
    ['LEDGER_TOKEN_ISSUER', tokenIssuer],
    ['LEDGER_TOKEN_AUDIENCE', tokenAudience],
  ])
    if (!/^[\x21-\x7e]{1,200}$/.test(value))
      problems.push(`${key}: must be 1-200 printable characters without spaces (a name or a URL)`);
  const graceText = str('LEDGER_TOKEN_KEY_GRACE') ?? '30d';
  const grace = /^(\d{1,6})([smhd])$/.exec(graceText);
  const tokenKeyGraceSeconds = grace
    ? Number(grace[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[grace[2] as 's' | 'm' | 'h' | 'd']
    : 0;
  if (!grace) problems.push(`LEDGER_TOKEN_KEY_GRACE: "${graceText}" is not a duration like 30d, 36h or 90m`);
  const intervalText = str('LEDGER_HEAD_SIGNING_INTERVAL_MINUTES') ?? '60';
  const headSigningIntervalMinutes = Number(intervalText);
  if (!/^\d{1,6}$/.test(intervalText)) {
    problems.push(
      `LEDGER_HEAD_SIGNING_INTERVAL_MINUTES: "${intervalText}" is not a whole number of minutes (0 turns it off)`,
    );
  }

  const perMinute = (key: string, fallback: number): number => {
    const text = str(key) ?? String(fallback);
    if (!/^\d{1,7}$/.test(text))
      problems.push(`${key}: "${text}" is not a whole number of requests per minute (0 turns it off)`);
    return Number(text);
  };
  const rateLimitPerToken = perMinute('LEDGER_RATE_LIMIT_PER_MINUTE', 600);
  const rateLimitPerAddress = perMinute('LEDGER_RATE_LIMIT_PER_ADDRESS_PER_MINUTE', 1200);

  const trustProxy = parseTrustProxy(str('LEDGER_TRUST_PROXY'), problems);

  const bodyLimit = str('LEDGER_BODY_LIMIT') ?? '100kb';
  if (!/^\d+(b|kb|mb)$/i.test(bodyLimit))
    problems.push(`LEDGER_BODY_LIMIT: "${bodyLimit}" is not a size like 100kb`);

  const flag = (key: string, fallback: boolean): boolean => {
    const text = (str(key) ?? String(fallback)).toLowerCase();
    if (!['true', 'false'].includes(text)) problems.push(`${key}: "${text}" is not true or false`);
    return text === 'true';
  };
  const seedOnStart = flag('LEDGER_SEED_ON_START', true);
  const accessLog = flag('LEDGER_ACCESS_LOG', true);
  const readyMaxLagText = str('LEDGER_READY_MAX_LAG') ?? '1000';
  if (!/^\d{1,9}$/.test(readyMaxLagText))
    problems.push(`LEDGER_READY_MAX_LAG: "${readyMaxLagText}" is not a whole number of events`);
  const projectionsInApi = flag(
    'LEDGER_PROJECTIONS_IN_API',
    eventStore === 'sqlite' && readStore === 'sqlite',
  );

  const signIn = parseSignInConfig(env, problems);
  const oidc = parseOidcConfig(str, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host: str('HOST') ?? '127.0.0.1',
    dataDir: resolve(str('LEDGER_DATA_DIR') ?? './data'),
    eventStore,
    readStore,
    eventStoreUrl,
    mongoUrl,
    pseudonymKey,
    signingKey,
    ...(tokenSecret ? { tokenSecret } : {}),
    ...(tokenPreviousSecret ? { tokenPreviousSecret } : {}),
    tokenIssuer,
    tokenAudience,
    tokenKeyGraceSeconds,
    headSigningIntervalMinutes,
    rateLimitPerToken,
    rateLimitPerAddress,
    trustProxy,
    accessLog,
    readyMaxLag: Number(readyMaxLagText),
    bodyLimit,
    seedDir: resolve(str('LEDGER_SEED_DIR') ?? 'seeds'),
    seedOnStart,
    projectionsInApi,
    signIn,
    ...(str('LEDGER_ERASURE_LOG') ? { erasureLog: resolve(str('LEDGER_ERASURE_LOG')!) } : {}),
    ...(oidc ? { oidc } : {}),
  };
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** LEDGER_TRUST_PROXY: false, a hop count, or proxies by address, subnet or name; never "everyone". */
function parseTrustProxy(text: string | undefined, problems: string[]): false | number | string[] {
  if (text === undefined || text === '' || text.toLowerCase() === 'false') return false;
  if (/^\d{1,2}$/.test(text) && Number(text) >= 1) return Number(text);
  const entries = text.split(',').map((e) => e.trim());
  const bad = entries.filter((entry) => {
    if (PROXY_NAMES.has(entry)) return false;
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address);
    if (family === 0 || rest.length > 0) return true;
    if (bits === undefined) return false;
    return !/^\d{1,3}$/.test(bits) || Number(bits) > (family === 4 ? 32 : 128);
  });
  if (bad.length > 0 || text.toLowerCase() === 'true')
    problems.push(
      `LEDGER_TRUST_PROXY: "${text}" must be false, a number of proxy hops (1-99), or the proxies' addresses, subnets or loopback/linklocal/uniquelocal separated by commas (never "true": that would believe any client's X-Forwarded-For)`,
    );
  return entries;
}

function isEd25519PrivateKeyPem(text: string): boolean {
  try {
    const key = createPrivateKey(text);
    return key.type === 'private' && key.asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}
