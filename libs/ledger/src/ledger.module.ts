// A process's ledger: the core every process needs and the feature modules it uses (every feature's command
// and query handlers unless told, never controllers). The api adds the features' HTTP modules, the projector
// asks for the tree-head signing only, each cli command for the features it uses.
import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { ActionCommandsModule } from './actions/action-commands.module';
import type { LedgerConfig } from './config/ledger-config';
import { CorrectionsModule } from './corrections/corrections.module';
import { ExportsModule } from './exports/exports.module';
import { FourEyesModule } from './four-eyes/four-eyes.module';
import { LedgerCoreModule } from './ledger-core.module';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { PlanModule } from './plan/plan.module';
import { ReportingModule } from './reporting/reporting.module';
import { VerifiableLogModule } from './verifiable-log/verifiable-log.module';

/** Every feature's core module, for a process that runs them all. */
export const LEDGER_FEATURES: Type<unknown>[] = [
  ActionCommandsModule,
  CorrectionsModule,
  ExportsModule,
  FourEyesModule,
  PersonalDataModule,
  PlanModule,
  ReportingModule,
  VerifiableLogModule,
];

@Module({})
export class LedgerModule {
  /**
   * `runProjections`: this process applies the projections (the api in embedded mode, the projector).
   * `projectionWorker`: they run in a worker thread running that script, not in the main thread.
   * `features`: the feature modules this process uses, every one unless told.
   */
  static forRoot(
    config: LedgerConfig,
    options: { runProjections: boolean; projectionWorker?: string; features?: Type<unknown>[] },
  ): DynamicModule {
    const core = LedgerCoreModule.forRoot(config, {
      runProjections: options.runProjections,
      ...(options.projectionWorker ? { projectionWorker: options.projectionWorker } : {}),
    });
    const features = options.features ?? LEDGER_FEATURES;
    return {
      module: LedgerModule,
      global: true,
      imports: [core, ...features],
      exports: [core, ...features],
    };
  }
}
