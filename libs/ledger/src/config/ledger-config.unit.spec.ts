import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig, parseDotEnv } from './ledger-config';

describe('configuration', () => {
  it('defaults to the embedded stores in ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      eventStore: 'sqlite',
      readStore: 'sqlite',
      bodyLimit: '100kb',
    });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it('reports every wrong value at once, one message each', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        LEDGER_EVENT_STORE: 'postgres',
        LEDGER_READ_STORE: 'mongodb',
        LEDGER_PSEUDONYM_KEY: 'short',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/LEDGER_EVENT_STORE: "postgres"/);
    expect(problems.join('\n')).toMatch(/MONGO_URL: required/);
    expect(problems.join('\n')).toMatch(/LEDGER_PSEUDONYM_KEY/);
  });

  it('requires the EventStoreDB URL when that store is chosen', () => {
    expect(() => loadConfig({ LEDGER_EVENT_STORE: 'eventstoredb' })).toThrow(/EVENTSTORE_URL: required/);
    expect(
      loadConfig({ LEDGER_EVENT_STORE: 'eventstoredb', EVENTSTORE_URL: 'esdb://localhost:2113?tls=false' })
        .eventStore,
    ).toBe('eventstoredb');
  });

  it('takes rate limits per token and per address in requests per minute (0 turns one off)', () => {
    expect(loadConfig({})).toMatchObject({
      rateLimitPerToken: 600,
      rateLimitPerAddress: 1200,
      accessLog: true,
    });
    expect(
      loadConfig({ LEDGER_RATE_LIMIT_PER_MINUTE: '0', LEDGER_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '30' }),
    ).toMatchObject({ rateLimitPerToken: 0, rateLimitPerAddress: 30 });
    expect(() => loadConfig({ LEDGER_RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow(
      /LEDGER_RATE_LIMIT_PER_MINUTE/,
    );
  });

  it('takes the lag /health/ready allows in events (default 1000), refusing anything else', () => {
    expect(loadConfig({}).readyMaxLag).toBe(1000);
    expect(loadConfig({ LEDGER_READY_MAX_LAG: '0' }).readyMaxLag).toBe(0);
    for (const bad of ['-1', '1.5', 'lots'])
      expect(() => loadConfig({ LEDGER_READY_MAX_LAG: bad })).toThrow(
        /LEDGER_READY_MAX_LAG: ".+" is not a whole number/,
      );
  });

  it('trusts X-Forwarded-For only from proxies it is told of, never from everyone', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ LEDGER_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ LEDGER_TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::1',
    ]);
    for (const bad of ['true', 'everyone', '10.0.0.0/33', '300.1.1.1', '0'])
      expect(() => loadConfig({ LEDGER_TRUST_PROXY: bad })).toThrow(/LEDGER_TRUST_PROXY/);
  });

  it('takes the log signing key as an Ed25519 PEM (newlines may be written \\n) and the head schedule in minutes', () => {
    const { privateKey } = generateKeyPairSync('ed25519', {
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const config = loadConfig({
      LEDGER_SIGNING_KEY: privateKey.replace(/\n/g, '\\n'),
      LEDGER_HEAD_SIGNING_INTERVAL_MINUTES: '0',
    });
    expect(config.signingKey).toBe(privateKey);
    expect(config.headSigningIntervalMinutes).toBe(0);
    expect(loadConfig({}).headSigningIntervalMinutes).toBe(60);
    const rsa = generateKeyPairSync('rsa', {
      modulusLength: 1024,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    }).privateKey;
    expect(() =>
      loadConfig({ LEDGER_SIGNING_KEY: rsa, LEDGER_HEAD_SIGNING_INTERVAL_MINUTES: 'hourly' }),
    ).toThrow(/LEDGER_SIGNING_KEY[\s\S]*LEDGER_HEAD_SIGNING_INTERVAL_MINUTES/);
  });

  it('reads .env lines with comments and quotes', () => {
    expect(parseDotEnv('# comment\nPORT=4000\nLEDGER_DATA_DIR="/var/lib/ledger"\n\nBROKEN\n')).toEqual({
      PORT: '4000',
      LEDGER_DATA_DIR: '/var/lib/ledger',
    });
  });

  it('takes a token secret of at least 32 bytes', () => {
    expect(loadConfig({ LEDGER_TOKEN_SECRET: 'x'.repeat(32) }).tokenSecret).toBe('x'.repeat(32));
    expect(loadConfig({}).tokenSecret).toBeUndefined();
    expect(() => loadConfig({ LEDGER_TOKEN_SECRET: 'short' })).toThrow(
      /LEDGER_TOKEN_SECRET: must be at least 32 bytes/,
    );
  });
});
