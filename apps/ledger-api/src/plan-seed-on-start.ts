// Loads the configured plan folder when the API starts, so a fresh data directory has the whole plan on
// the record before the first request. Idempotent: a restart finds every fact recorded and appends nothing.
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { LEDGER_CONFIG, PlanSeeder, type LedgerConfig } from '@ledger/ledger';

@Injectable()
export class PlanSeedOnStart implements OnApplicationBootstrap {
  private readonly logger = new Logger('PlanSeed');

  constructor(
    private readonly seeder: PlanSeeder,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedOnStart) return;
    const started = Date.now();
    const report = await this.seeder.seedFolder(this.config.seedDir);
    this.logger.log(
      `plan ${report.planId} from ${this.config.seedDir}: ${report.facts} facts, ${report.appended} appended, ` +
        `${report.alreadyRecorded} already recorded (${Date.now() - started} ms)`,
    );
  }
}
