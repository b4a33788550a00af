// Starts the projection runner when this process runs the projections (in this thread, or in its worker
// thread), and on shutdown stops it before closing the stores it reads and writes (Nest gives no order
// between separate shutdown hooks).
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { READ_STORE, type ReadStore } from '@ledger/read-store';
import { ProjectionWorkerHost } from '../read/projection-worker-host';
import type { ProjectionsHandle } from '../read/projections-handle';
import { PROJECTION_RUNNER } from '../read/projections.providers';

export const RUN_PROJECTIONS = Symbol('RUN_PROJECTIONS');

@Injectable()
export class StoresLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionsHandle,
    @Inject(RUN_PROJECTIONS) private readonly runProjections: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.runProjections || this.runner instanceof ProjectionWorkerHost) await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.readStore.close();
    await this.eventStore.close();
  }
}
