import type { FactoryProvider } from '@nestjs/common';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { loadPseudonymKey, PSEUDONYMIZER, Pseudonymizer } from '../pseudonym/pseudonymizer';

export const pseudonymizerProvider: FactoryProvider<Pseudonymizer> = {
  provide: PSEUDONYMIZER,
  inject: [LEDGER_CONFIG],
  useFactory: (config: LedgerConfig) =>
    new Pseudonymizer(loadPseudonymKey(config.pseudonymKey, config.dataDir)),
};
