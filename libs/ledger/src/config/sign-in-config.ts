// The sign-in settings of the configuration: how long access tokens and refresh tokens live, and when
// repeated failed sign-ins lock an account or an address out.
type Env = Record<string, string | undefined>;

export interface SignInConfig {
  /** Seconds an access token lives (LEDGER_ACCESS_TOKEN_TTL, default 15m, at most 24h). */
  accessTokenTtlSeconds: number;
  /** Seconds a refresh token may go unused before the session ends (LEDGER_REFRESH_IDLE, default 12h). */
  refreshIdleSeconds: number;
  /** Seconds after sign-in when a session ends however active (LEDGER_REFRESH_ABSOLUTE, default 7d). */
  refreshAbsoluteSeconds: number;
  /** Failed sign-ins in a row that lock an account (LEDGER_LOGIN_MAX_FAILURES, default 5; 0 never locks). */
  loginMaxFailures: number;
  /** The first lock's length; each further failure doubles it (LEDGER_LOGIN_LOCK, default 1m). */
  loginLockSeconds: number;
  /** The longest lock (LEDGER_LOGIN_LOCK_MAX, default 1h). */
  loginLockMaxSeconds: number;
  /** Sign-in attempts per minute from one client address, the login route's own rate limit (LEDGER_LOGIN_PER_ADDRESS_PER_MINUTE, default 20; 0 off). */
  loginPerAddressPerMinute: number;
}

const UNIT = { s: 1, m: 60, h: 3600, d: 86400 } as const;

export function parseSignInConfig(env: Env, problems: string[]): SignInConfig {
  const str = (key: string) => (env[key]?.trim() ? env[key]!.trim() : undefined);
  const duration = (key: string, fallback: string, max: number): number => {
    const text = str(key) ?? fallback;
    const m = /^(\d{1,7})([smhd])$/.exec(text);
    const seconds = m ? Number(m[1]) * UNIT[m[2] as keyof typeof UNIT] : 0;
    if (!m || seconds <= 0 || seconds > max) {
      problems.push(
        `${key}: "${text}" is not a duration like 15m, 12h or 7d (more than 0, at most ${max} s)`,
      );
      return Number(/^\d+/.exec(fallback)![0]) * UNIT[fallback.slice(-1) as keyof typeof UNIT];
    }
    return seconds;
  };
  const count = (key: string, fallback: number): number => {
    const text = str(key) ?? String(fallback);
    if (!/^\d{1,6}$/.test(text)) {
      problems.push(`${key}: "${text}" is not a whole number (0 turns it off)`);
      return fallback;
    }
    return Number(text);
  };
  const config: SignInConfig = {
    accessTokenTtlSeconds: duration('LEDGER_ACCESS_TOKEN_TTL', '15m', 86_400),
    refreshIdleSeconds: duration('LEDGER_REFRESH_IDLE', '12h', 30 * 86_400),
    refreshAbsoluteSeconds: duration('LEDGER_REFRESH_ABSOLUTE', '7d', 90 * 86_400),
    loginMaxFailures: count('LEDGER_LOGIN_MAX_FAILURES', 5),
    loginLockSeconds: duration('LEDGER_LOGIN_LOCK', '1m', 86_400),
    loginLockMaxSeconds: duration('LEDGER_LOGIN_LOCK_MAX', '1h', 7 * 86_400),
    loginPerAddressPerMinute: count('LEDGER_LOGIN_PER_ADDRESS_PER_MINUTE', 20),
  };
  if (config.refreshIdleSeconds > config.refreshAbsoluteSeconds)
    problems.push('LEDGER_REFRESH_IDLE: must not be longer than LEDGER_REFRESH_ABSOLUTE');
  return config;
}
