// Starts the projection runner when this process runs the projections, and on shutdown stops it before
// closing the stores it reads and writes (Nest gives no order between separate shutdown hooks).
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import type { ProjectionRunner } from '@ledger/projections';
import { READ_STORE, type ReadStore } from '@ledger/read-store';
import { PROJECTION_RUNNER } from '../read/projections.providers';

export const RUN_PROJECTIONS = Symbol('RUN_PROJECTIONS');

@Injectable()
export class StoresLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(RUN_PROJECTIONS) private readonly runProjections: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.runProjections) await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.readStore.close();
    await this.eventStore.close();
  }
}
