// What every process needs, the api, the projector and the cli alike: configuration, the event and read
// stores, the plan, write access and the access tokens, the pseudonymizer and personal keys, the command
// executor the write handlers share, and the projection runner with the stores' lifecycle. Global, so the
// feature modules inject these without importing it.
import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EVENT_STORE } from '@ledger/event-store';
import { READ_STORE_READER, READ_STORE_WRITER } from '@ledger/read-store';
import { ACCESS_TOKENS } from './auth/access-tokens.port';
import { accessTokensProvider } from './auth/access-tokens.provider';
import { WRITE_ACCESS, writeAccessProvider } from './auth/write-access';
import { LEDGER_CONFIG, type LedgerConfig } from './config/ledger-config';
import { eventStoreProvider } from './infrastructure/event-store.provider';
import { pseudonymizerProvider } from './infrastructure/pseudonymizer.provider';
import {
  readStoreProvider,
  readStoreReaderProvider,
  readStoreWriterProvider,
} from './infrastructure/read-store.provider';
import { RUN_PROJECTIONS, StoresLifecycle } from './infrastructure/stores-lifecycle';
import { PERSONAL_KEYS } from './personal-data/personal-key-store.port';
import { personalKeyStoreProvider } from './personal-data/personal-key-store.provider';
import { PSEUDONYMIZER } from './pseudonym/pseudonymizer';
import {
  PLAN_MODEL,
  PLAN_SEED,
  planModelProvider,
  planSeedProvider,
  PROJECTION_RUNNER,
  projectionRunnerProvider,
  projectionWorkerProvider,
} from './read/projections.providers';
import { AggregateCommandExecutor } from './write/aggregate-command-executor';
import { checkUpcasters } from './write/upcasting';

@Module({})
export class LedgerCoreModule {
  /**
   * `runProjections`: this process applies the projections (the api in embedded mode, the projector);
   * `projectionWorker`: in a worker thread running that script (the api's `npm start`), not in this thread.
   */
  static forRoot(
    config: LedgerConfig,
    options: { runProjections: boolean; projectionWorker?: string },
  ): DynamicModule {
    const worker = options.runProjections ? options.projectionWorker : undefined;
    checkUpcasters();
    return {
      module: LedgerCoreModule,
      global: true,
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        // This thread applies them (the worker, when there is one, counts as a process of its own).
        { provide: RUN_PROJECTIONS, useValue: options.runProjections && worker === undefined },
        eventStoreProvider,
        readStoreProvider,
        readStoreReaderProvider,
        readStoreWriterProvider,
        planSeedProvider,
        planModelProvider,
        writeAccessProvider,
        accessTokensProvider,
        worker === undefined ? projectionRunnerProvider : projectionWorkerProvider(worker),
        pseudonymizerProvider,
        personalKeyStoreProvider,
        AggregateCommandExecutor,
        StoresLifecycle,
      ],
      exports: [
        LEDGER_CONFIG,
        RUN_PROJECTIONS,
        EVENT_STORE,
        READ_STORE_READER,
        READ_STORE_WRITER,
        PLAN_SEED,
        PLAN_MODEL,
        WRITE_ACCESS,
        ACCESS_TOKENS,
        PROJECTION_RUNNER,
        PSEUDONYMIZER,
        PERSONAL_KEYS,
        AggregateCommandExecutor,
        CqrsModule,
      ],
    };
  }
}
