// The projections of the ledger, built from the plan folder's model (the org-unit tree for roll-ups, the
// contribution rules, the programme norms), and the runner that applies them from the event store to the
// read store.
import { Logger, type FactoryProvider } from '@nestjs/common';
import { planModelFromSeed, type PlanModel, type PlanSeed } from '@ledger/domain';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { ProjectionRunner, createLedgerProjections } from '@ledger/projections';
import {
  READ_STORE_READER,
  READ_STORE_WRITER,
  type ReadStoreReader,
  type ReadStoreWriter,
} from '@ledger/read-store';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { readSeedFiles } from '../plan/read-seed-files';
import { createMerkleLogProjection } from '../verifiable-log/merkle-log.projection';
import { upcastEvent } from '../write/upcasting';
import { ProjectionWorkerHost } from './projection-worker-host';

export const PLAN_SEED = Symbol('PLAN_SEED');
export const PLAN_MODEL = Symbol('PLAN_MODEL');
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');

/** The plan folder, read and validated once per process. */
export const planSeedProvider: FactoryProvider<PlanSeed> = {
  provide: PLAN_SEED,
  inject: [LEDGER_CONFIG],
  useFactory: (config: LedgerConfig) => readSeedFiles(config.seedDir),
};

export const planModelProvider: FactoryProvider<PlanModel> = {
  provide: PLAN_MODEL,
  inject: [PLAN_SEED],
  useFactory: (seed: PlanSeed) => planModelFromSeed(seed),
};

export const projectionRunnerProvider: FactoryProvider<ProjectionRunner> = {
  provide: PROJECTION_RUNNER,
  inject: [EVENT_STORE, READ_STORE_WRITER, PLAN_MODEL],
  useFactory: (eventStore: EventStore, readStore: ReadStoreWriter, plan: PlanModel) => {
    const logger = new Logger('Projections');
    return new ProjectionRunner({
      eventStore,
      readStore,
      // The Merkle tree of the verifiable log is a projection like the others (see merkle-log.projection.ts).
      projections: [...createLedgerProjections(plan), createMerkleLogProjection()],
      upcast: upcastEvent,
      logger: {
        log: (message: string) => logger.log(message),
        warn: (message: string) => logger.warn(message),
        error: (message: string) => logger.error(message),
      },
    });
  },
};

/**
 * The projections in a worker thread of this process (see ProjectionWorkerHost), in place of the runner:
 * `script` is the worker's built entry point.
 */
export function projectionWorkerProvider(script: string): FactoryProvider<ProjectionWorkerHost> {
  return {
    provide: PROJECTION_RUNNER,
    inject: [EVENT_STORE, READ_STORE_READER, PLAN_MODEL],
    useFactory: (eventStore: EventStore, readStore: ReadStoreReader, plan: PlanModel) => {
      const logger = new Logger('Projections');
      return new ProjectionWorkerHost({
        script,
        projectionNames: [...createLedgerProjections(plan), createMerkleLogProjection()].map((p) => p.name),
        eventStore,
        readStore,
        logger: {
          log: (message: string) => logger.log(message),
          error: (message: string) => logger.error(message),
        },
      });
    },
  };
}
