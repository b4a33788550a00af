// Binds the EVENT_STORE port to the adapter named in configuration (STYLE.md practice 4).
import { Logger, type FactoryProvider } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { eventStoreLocation, openEventStore } from './open-event-store';

export const eventStoreProvider: FactoryProvider<EventStore> = {
  provide: EVENT_STORE,
  inject: [LEDGER_CONFIG],
  useFactory: (config: LedgerConfig): EventStore => {
    new Logger('EventStore').log(`${config.eventStore} event store at ${eventStoreLocation(config)}`);
    return openEventStore(config);
  },
};
