// The access-token settings of the configuration: issuer, audience and the grace of a replaced key.
import { DEFAULT_TOKEN_AUDIENCE, DEFAULT_TOKEN_ISSUER, loadConfig } from './ledger-config';

describe('access-token configuration', () => {
  it('defaults the issuer and audience, and the key grace to the longest lifetime of a token (30 days)', () => {
    const config = loadConfig({});
    expect([config.tokenIssuer, config.tokenAudience]).toEqual([
      DEFAULT_TOKEN_ISSUER,
      DEFAULT_TOKEN_AUDIENCE,
    ]);
    expect(config.tokenKeyGraceSeconds).toBe(30 * 86_400);
  });

  it('reads LEDGER_TOKEN_ISSUER, LEDGER_TOKEN_AUDIENCE and LEDGER_TOKEN_KEY_GRACE', () => {
    const config = loadConfig({
      LEDGER_TOKEN_ISSUER: 'https://ledger.bacai.example',
      LEDGER_TOKEN_AUDIENCE: 'ledger-api',
      LEDGER_TOKEN_KEY_GRACE: '36h',
    });
    expect([config.tokenIssuer, config.tokenAudience, config.tokenKeyGraceSeconds]).toEqual([
      'https://ledger.bacai.example',
      'ledger-api',
      36 * 3600,
    ]);
  });

  it('names a bad grace and an issuer with a space', () => {
    expect(() => loadConfig({ LEDGER_TOKEN_KEY_GRACE: 'a month' })).toThrow(/LEDGER_TOKEN_KEY_GRACE/);
    expect(() => loadConfig({ LEDGER_TOKEN_ISSUER: 'the ledger' })).toThrow(/LEDGER_TOKEN_ISSUER/);
    expect(() => loadConfig({ LEDGER_TOKEN_PREVIOUS_SECRET: 'p'.repeat(32) })).toThrow(
      /LEDGER_TOKEN_PREVIOUS_SECRET: only beside/,
    );
    const both = { LEDGER_TOKEN_SECRET: 'n'.repeat(32), LEDGER_TOKEN_PREVIOUS_SECRET: 'p'.repeat(32) };
    expect(loadConfig(both).tokenPreviousSecret).toBe('p'.repeat(32));
    expect(() => loadConfig({ ...both, LEDGER_TOKEN_PREVIOUS_SECRET: 'short' })).toThrow(/at least 32 bytes/);
  });
});
