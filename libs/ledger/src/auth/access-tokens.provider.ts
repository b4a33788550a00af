// ACCESS_TOKENS for the api and the cli alike: the configured keys (LEDGER_TOKEN_SECRET and, while a
// rotation's grace lasts, LEDGER_TOKEN_PREVIOUS_SECRET) or the key ring of
// the data directory, with the issuer, audience and key grace period of the configuration.
import type { FactoryProvider } from '@nestjs/common';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { ACCESS_TOKENS, type AccessTokens } from './access-tokens.port';
import { JoseAccessTokens } from './jose-access-tokens';
import { configuredKeyRing, fileKeyRing, tokenKeysFile } from './token-key-ring';

export function accessTokensFor(config: LedgerConfig): JoseAccessTokens {
  const ring = config.tokenSecret
    ? configuredKeyRing(config.tokenSecret, config.tokenPreviousSecret)
    : fileKeyRing(tokenKeysFile(config.dataDir));
  return new JoseAccessTokens(ring, {
    issuer: config.tokenIssuer,
    audience: config.tokenAudience,
    keyGraceSeconds: config.tokenKeyGraceSeconds,
  });
}

export const accessTokensProvider: FactoryProvider<AccessTokens> = {
  provide: ACCESS_TOKENS,
  inject: [LEDGER_CONFIG],
  useFactory: accessTokensFor,
};
