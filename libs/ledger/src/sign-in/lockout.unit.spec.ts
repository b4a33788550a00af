import { loadConfig } from '../config/ledger-config';
import { lockoutSeconds } from './lockout';

const signIn = (env: Record<string, string> = {}) => loadConfig({ LEDGER_DATA_DIR: '/tmp/x', ...env }).signIn;

describe('lockout', () => {
  it('locks after the fifth failure in a row for a minute, doubling with each further failure up to an hour', () => {
    const config = signIn();
    const seconds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => lockoutSeconds(n, config));
    expect(seconds).toEqual([0, 0, 0, 0, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
    expect(lockoutSeconds(1000, config)).toBe(3600);
  });

  it('follows the configuration, and never locks with 0 failures allowed', () => {
    const config = signIn({
      LEDGER_LOGIN_MAX_FAILURES: '3',
      LEDGER_LOGIN_LOCK: '30s',
      LEDGER_LOGIN_LOCK_MAX: '2m',
    });
    expect([2, 3, 4, 5, 6].map((n) => lockoutSeconds(n, config))).toEqual([0, 30, 60, 120, 120]);
    expect(lockoutSeconds(50, signIn({ LEDGER_LOGIN_MAX_FAILURES: '0' }))).toBe(0);
  });

  it('reads the token and session lifetimes, with their defaults, and names a wrong value', () => {
    expect(signIn()).toMatchObject({
      accessTokenTtlSeconds: 900,
      refreshIdleSeconds: 12 * 3600,
      refreshAbsoluteSeconds: 7 * 86_400,
      loginPerAddressPerMinute: 20,
    });
    expect(signIn({ LEDGER_ACCESS_TOKEN_TTL: '5m' }).accessTokenTtlSeconds).toBe(300);
    expect(() => signIn({ LEDGER_ACCESS_TOKEN_TTL: '15 minutes' })).toThrow(/LEDGER_ACCESS_TOKEN_TTL/);
    expect(() => signIn({ LEDGER_ACCESS_TOKEN_TTL: '2d' })).toThrow(/LEDGER_ACCESS_TOKEN_TTL/);
    expect(() => signIn({ LEDGER_REFRESH_IDLE: '8d' })).toThrow(/LEDGER_REFRESH_IDLE/);
    expect(() => signIn({ LEDGER_LOGIN_MAX_FAILURES: 'many' })).toThrow(/LEDGER_LOGIN_MAX_FAILURES/);
  });
});
