// Binds the READ_STORE port to the adapter named in configuration, and its two halves to the same instance:
// the reader for queries (READ_STORE_READER), the writer for the projection runner (READ_STORE_WRITER).
import { Logger, type ExistingProvider, type FactoryProvider } from '@nestjs/common';
import { join } from 'node:path';
import {
  openMongoReadStore,
  openSqliteReadStore,
  READ_STORE,
  READ_STORE_READER,
  READ_STORE_WRITER,
  SQLITE_READ_STORE_FILE,
  type ReadStore,
} from '@ledger/read-store';
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
      case 'mongodb': {
        // Validated at start-up: MONGO_URL is required when LEDGER_READ_STORE=mongodb. The URL is not logged
        // (it may hold a password); the store connects on first use, so the process starts while MongoDB is down.
        new Logger('ReadStore').log('MongoDB read store (replica set required for transactions)');
        return openMongoReadStore(config.mongoUrl!);
      }
    }
  },
};

export const readStoreReaderProvider: ExistingProvider = {
  provide: READ_STORE_READER,
  useExisting: READ_STORE,
};

export const readStoreWriterProvider: ExistingProvider = {
  provide: READ_STORE_WRITER,
  useExisting: READ_STORE,
};
