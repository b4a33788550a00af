// Loads the configured plan folder when the API starts, so a fresh data directory has the whole plan on
// the record before the first request. Idempotent: a restart finds every fact recorded and appends nothing.
// Then, where this process runs the projections and heads are signed on a schedule, it signs a tree head
// of the log as it stands (once the Merkle projection has every event), unless the latest head already
// covers it: a fresh ledger always has a head, over the whole plan, before it serves anyone.
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import {
  LEDGER_CONFIG,
  PlanSeeder,
  PROJECTION_RUNNER,
  signHeadOverLog,
  type ProjectionsHandle,
  TREE_HEADS,
  type LedgerConfig,
  type TreeHeads,
} from '@ledger/ledger';

@Injectable()
export class PlanSeedOnStart implements OnApplicationBootstrap {
  private readonly logger = new Logger('PlanSeed');

  constructor(
    private readonly seeder: PlanSeeder,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionsHandle,
    @Inject(TREE_HEADS) private readonly heads: TreeHeads,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedOnStart) {
      const started = Date.now();
      const report = await this.seeder.seedFolder(this.config.seedDir);
      this.logger.log(
        `plan ${report.planId} from ${this.config.seedDir}: ${report.facts} facts, ${report.appended} appended, ` +
          `${report.alreadyRecorded} already recorded (${Date.now() - started} ms)`,
      );
    }
    await this.signHead();
  }

  private async signHead(): Promise<void> {
    if (!this.config.projectionsInApi || this.config.headSigningIntervalMinutes === 0) return;
    try {
      const head = await signHeadOverLog(this.eventStore, this.runner, this.heads);
      if (head) this.logger.log(`signed tree head ${head.sequence} at start: size ${head.treeSize}`);
    } catch (error) {
      // The schedule signs the next one; a start is not refused for it.
      this.logger.warn(`could not sign a tree head at start: ${String(error)}`);
    }
  }
}
