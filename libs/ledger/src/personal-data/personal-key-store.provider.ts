// Binds PERSONAL_KEYS to the adapter that goes with the read store in configuration: the embedded SQLite file in
// the data directory's secrets, or MongoDB when the read store is MongoDB (stateless api instances share it).
import { Logger, type FactoryProvider } from '@nestjs/common';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { MongoPersonalKeyStore } from './mongo-personal-key-store';
import { PERSONAL_KEYS, type PersonalKeyStore } from './personal-key-store.port';
import { personalKeysFile, SqlitePersonalKeyStore } from './sqlite-personal-key-store';

export function openPersonalKeyStore(config: LedgerConfig): PersonalKeyStore {
  switch (config.readStore) {
    case 'sqlite':
      return new SqlitePersonalKeyStore(personalKeysFile(config.dataDir));
    case 'mongodb':
      return new MongoPersonalKeyStore(config.mongoUrl!);
  }
}

export const personalKeyStoreProvider: FactoryProvider<PersonalKeyStore> = {
  provide: PERSONAL_KEYS,
  inject: [LEDGER_CONFIG],
  useFactory: (config: LedgerConfig): PersonalKeyStore => {
    new Logger('PersonalKeys').log(
      config.readStore === 'sqlite'
        ? `personal keys at ${personalKeysFile(config.dataDir)}`
        : `personal keys in MongoDB (collection personal_keys)`,
    );
    return openPersonalKeyStore(config);
  },
};
