// Binds the EVENT_STORE port to the adapter named in configuration (STYLE.md practice 4).
import { Logger, type FactoryProvider } from '@nestjs/common';
import { join } from 'node:path';
import { EVENT_STORE, SqliteEventStore, type EventStore } from '@ledger/event-store';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';

export const eventStoreProvider: FactoryProvider<EventStore> = {
  provide: EVENT_STORE,
  inject: [LEDGER_CONFIG],
  useFactory: (config: LedgerConfig): EventStore => {
    switch (config.eventStore) {
      case 'sqlite': {
        const file = join(config.dataDir, 'events.db');
        new Logger('EventStore').log(`embedded event store at ${file}`);
        return new SqliteEventStore(file);
      }
      case 'eventstoredb':
        throw new Error(
          'LEDGER_EVENT_STORE=eventstoredb: the EventStoreDB adapter is not part of this build yet',
        );
    }
  },
};
