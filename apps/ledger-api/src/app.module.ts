import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { LedgerModule, type LedgerConfig } from '@ledger/ledger';
import { commandControllers, fourEyesCommandControllers } from './http/commands';
import { ActionsCatalogueModule } from './http/actions/actions-catalogue.module';
import { HousingModule } from './housing/housing.module';
import { OneOffActionsModule } from './one-off-actions/one-off-actions.module';
import { RemainsModule } from './remains/remains.module';
import { TrainingModule } from './training/training.module';
import { FourEyesHttpController } from './http/read/four-eyes.http.controller';
import { AgenciesHttpController } from './http/read/agencies.http.controller';
import { AgencyTrailHttpController } from './http/read/agency-trail.http.controller';
import { BeneficiariesHttpController } from './http/read/beneficiaries.http.controller';
import { ReportsHttpController } from './http/read/reports.http.controller';
import { SummaryHttpController } from './http/read/summary.http.controller';
import { TrailHttpController } from './http/read/trail.http.controller';
import { EventsHttpController } from './http/read/events.http.controller';
import { IndicatorsHttpController } from './http/read/indicators.http.controller';
import { OrgUnitsHttpController } from './http/read/org-units.http.controller';
import { HealthHttpController } from './http/read/health.http.controller';
import { StreamsHttpController } from './http/read/streams.http.controller';
import { VerifiableLogHttpController } from './http/read/verifiable-log.http.controller';
import { PlanSeedOnStart } from './plan-seed-on-start';
import { AccessGuard } from './http/auth/access.guard';
import { ReadScope } from './http/auth/read-scope';
import { PublicRedactionInterceptor } from './http/auth/public-redaction.interceptor';
import { DashboardController } from './dashboard/dashboard.controller';
import { PersonalDataHttpController } from './http/personal-data/personal-data.http.controller';
import { PersonalDataInterceptor } from './http/personal-data/personal-data.interceptor';

@Module({})
export class AppModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LedgerModule.forRoot(config, { runProjections: config.projectionsInApi }),
        HousingModule,
        RemainsModule,
        TrainingModule,
        OneOffActionsModule,
        ActionsCatalogueModule,
      ],
      controllers: [
        ...commandControllers,
        ...fourEyesCommandControllers,
        FourEyesHttpController,
        EventsHttpController,
        StreamsHttpController,
        HealthHttpController,
        OrgUnitsHttpController,
        AgenciesHttpController,
        IndicatorsHttpController,
        AgencyTrailHttpController,
        TrailHttpController,
        BeneficiariesHttpController,
        ReportsHttpController,
        SummaryHttpController,
        VerifiableLogHttpController,
        DashboardController,
        PersonalDataHttpController,
      ],
      // Every route passes the access guard: rate limits, bearer token, the route's stated rule.
      providers: [
        PlanSeedOnStart,
        ReadScope,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: PublicRedactionInterceptor },
        // Sealed names and contacts opened for those who may read the event, or shown erased; never on a public route.
        { provide: APP_INTERCEPTOR, useClass: PersonalDataInterceptor },
      ],
    };
  }
}
