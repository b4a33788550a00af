import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import {
  ActionCommandsModule,
  LedgerModule,
  PlanModule,
  TreeHeadSigningModule,
  type LedgerConfig,
} from '@ledger/ledger';
import {
  AccountsHttpModule,
  ActionsCatalogueHttpModule,
  CorrectionsHttpModule,
  ExportsHttpModule,
  FourEyesHttpModule,
  HousingHttpModule,
  OidcHttpModule,
  OneOffActionsHttpModule,
  PersonalDataHttpModule,
  PlanHttpModule,
  RemainsHttpModule,
  ReportingHttpModule,
  SignInHttpModule,
  TrainingHttpModule,
  UploadsHttpModule,
  VerifiableLogHttpModule,
} from '@ledger/ledger/http-modules';
import { PlanSeedOnStart } from './plan-seed-on-start';
import { AccessGuard } from './http/auth/access.guard';
import { RateLimitsModule } from './http/auth/rate-limits.module';
import { PublicRedactionInterceptor } from './http/auth/public-redaction.interceptor';
import { DashboardController } from './dashboard/dashboard.controller';
import { PersonalDataInterceptor } from './http/personal-data/personal-data.interceptor';
import { nestLogging } from './http/nest-logging.module';

@Module({})
export class AppModule {
  /**
   * `logger`: the process's JSON logger, which Nest's own logs go through. `projectionWorker`: the script of
   * the worker thread the projections run in, when not in this thread (see createApp).
   */
  static forRoot(config: LedgerConfig, logger: Logger, projectionWorker?: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        nestLogging(logger),
        // The features' core modules come in through their HTTP modules; the plan's seeder runs on start.
        LedgerModule.forRoot(config, {
          runProjections: config.projectionsInApi,
          ...(projectionWorker ? { projectionWorker } : {}),
          features: [ActionCommandsModule, PlanModule],
        }),
        HousingHttpModule,
        RemainsHttpModule,
        TrainingHttpModule,
        OneOffActionsHttpModule,
        ActionsCatalogueHttpModule,
        CorrectionsHttpModule,
        ExportsHttpModule,
        FourEyesHttpModule,
        PersonalDataHttpModule,
        PlanHttpModule,
        ReportingHttpModule,
        VerifiableLogHttpModule,
        UploadsHttpModule,
        // Sign-in (/auth) with the session check of every write, and the admin's accounts.
        SignInHttpModule,
        AccountsHttpModule,
        // Single sign-on through the OpenID Connect provider (its routes answer 404 while it is not configured).
        OidcHttpModule,
        // The tree heads, for the head PlanSeedOnStart signs once the plan is loaded.
        TreeHeadSigningModule,
        // The rate limits the access guard counts every request in.
        RateLimitsModule.forRoot(config),
      ],
      controllers: [DashboardController],
      // Every route passes the access guard: rate limits, bearer token, the route's stated rule.
      providers: [
        PlanSeedOnStart,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: PublicRedactionInterceptor },
        // Sealed names and contacts opened for those who may read the event, or shown erased; never on a public route.
        { provide: APP_INTERCEPTOR, useClass: PersonalDataInterceptor },
      ],
    };
  }
}
