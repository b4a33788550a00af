import { Module, type DynamicModule } from '@nestjs/common';
import { LedgerModule, type LedgerConfig } from '@ledger/ledger';
import { commandControllers } from './http/commands';
import { EventsHttpController } from './http/read/events.http.controller';
import { HealthHttpController } from './http/read/health.http.controller';
import { StreamsHttpController } from './http/read/streams.http.controller';
import { PlanSeedOnStart } from './plan-seed-on-start';

@Module({})
export class AppModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [LedgerModule.forRoot(config)],
      controllers: [...commandControllers, EventsHttpController, StreamsHttpController, HealthHttpController],
      providers: [PlanSeedOnStart],
    };
  }
}
