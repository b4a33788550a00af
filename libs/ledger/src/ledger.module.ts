// The application core shared by the api, the projector and the cli: configuration, the ports bound to
// their adapters, and the CQRS command and query handlers.
import { Inject, Module, type DynamicModule, type OnApplicationShutdown, type Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import * as commands from './commands';
import { LEDGER_CONFIG, type LedgerConfig } from './config/ledger-config';
import { eventStoreProvider } from './infrastructure/event-store.provider';
import { pseudonymizerProvider } from './infrastructure/pseudonymizer.provider';
import { PlanSeeder } from './plan/plan-seeder';
import { PSEUDONYMIZER } from './pseudonym/pseudonymizer';
import { GetEventHandler } from './queries/get-event/get-event.handler';
import { GetHealthHandler } from './queries/get-health/get-health.handler';
import { GetStreamHandler } from './queries/get-stream/get-stream.handler';
import { AggregateCommandExecutor } from './write/aggregate-command-executor';
import { checkUpcasters } from './write/upcasting';

const commandHandlers = Object.values(commands).filter(
  (value) => typeof value === 'function' && value.name.endsWith('Handler'),
) as Type<unknown>[];
const queryHandlers = [GetEventHandler, GetStreamHandler, GetHealthHandler];

class StoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Module({})
export class LedgerModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    checkUpcasters();
    return {
      module: LedgerModule,
      global: true,
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        eventStoreProvider,
        pseudonymizerProvider,
        AggregateCommandExecutor,
        PlanSeeder,
        StoreLifecycle,
        ...commandHandlers,
        ...queryHandlers,
      ],
      exports: [LEDGER_CONFIG, EVENT_STORE, PSEUDONYMIZER, AggregateCommandExecutor, PlanSeeder, CqrsModule],
    };
  }
}
