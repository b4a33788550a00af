import { Module } from '@nestjs/common';
import { ReadScope } from '../http/read-scope';
import { TrailHttpController } from './queries/find-documents/trail.http.controller';
import { AgencyTrailHttpController } from './queries/get-agency-trail/agency-trail.http.controller';
import { EventsHttpController } from './queries/get-event/get-event.http.controller';
import { HealthHttpController } from './queries/get-health/get-health.http.controller';
import { IndicatorsHttpController } from './queries/get-indicator-progress/indicators.http.controller';
import { ReportsHttpController } from './queries/get-report/get-report.http.controller';
import { StreamsHttpController } from './queries/get-stream/get-stream.http.controller';
import { SummaryHttpController } from './queries/get-summary/get-summary.http.controller';
import { ReportingModule } from './reporting.module';

@Module({
  imports: [ReportingModule],
  controllers: [
    EventsHttpController,
    StreamsHttpController,
    HealthHttpController,
    IndicatorsHttpController,
    AgencyTrailHttpController,
    TrailHttpController,
    ReportsHttpController,
    SummaryHttpController,
  ],
  providers: [ReadScope],
})
export class ReportingHttpModule {}
