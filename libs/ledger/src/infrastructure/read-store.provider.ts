// Binds the READ_STORE port to the adapter named in configuration.
import { Logger, type FactoryProvider } from '@nestjs/common';
import { join } from 'node:path';
import { openSqliteReadStore, READ_STORE, SQLITE_READ_STORE_FILE, type ReadStore } from '@ledger/read-store';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';

export const readStoreProvider: FactoryProvider<ReadStore> = {
  provide: READ_STORE,
  inject: [LEDGER_CONFIG],
  useFactory: (config: LedgerConfig): ReadStore => {
    switch (config.readStore) {
      case 'sqlite': {
        const file = join(config.dataDir, SQLITE_READ_STORE_FILE);
        new Logger('ReadStore').log(`embedded read store at ${file}`);
        return openSqliteReadStore(file);
      }
      case 'mongodb':
        throw new Error('LEDGER_READ_STORE=mongodb: the MongoDB adapter is not part of this build yet');
    }
  },
};
