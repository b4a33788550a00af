// Binds CREDENTIALS to the adapter that goes with the read store in configuration, as the personal keys are:
// the embedded SQLite file in the data directory's secrets, or MongoDB when the read store is MongoDB.
import { Logger, type FactoryProvider } from '@nestjs/common';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { CREDENTIALS, type CredentialStore } from './credential-store.port';
import { MongoCredentialStore } from './mongo-credential-store';
import { credentialsFile, SqliteCredentialStore } from './sqlite-credential-store';

export function openCredentialStore(config: LedgerConfig): CredentialStore {
  switch (config.readStore) {
    case 'sqlite':
      return new SqliteCredentialStore(credentialsFile(config.dataDir));
    case 'mongodb':
      return new MongoCredentialStore(config.mongoUrl!);
  }
}

export const credentialStoreProvider: FactoryProvider<CredentialStore> = {
  provide: CREDENTIALS,
  inject: [LEDGER_CONFIG],
  useFactory: (config: LedgerConfig): CredentialStore => {
    new Logger('Credentials').log(
      config.readStore === 'sqlite'
        ? `credentials at ${credentialsFile(config.dataDir)}`
        : 'credentials in MongoDB (collections credential_*)',
    );
    return openCredentialStore(config);
  },
};
