// Reporting: indicator progress, the summary, period reports, agency trails and open case steps, the
// trail of documents, single events and streams, health and readiness.
import { Module } from '@nestjs/common';
import { FourEyesModule } from '../four-eyes/four-eyes.module';
import { FindDocumentsHandler } from './queries/find-documents/find-documents.handler';
import { FindTrailHandler } from './queries/find-trail/find-trail.handler';
import { GetAgencyTrailHandler } from './queries/get-agency-trail/get-agency-trail.handler';
import { GetDocumentHandler } from './queries/get-document/get-document.handler';
import { GetEventHandler } from './queries/get-event/get-event.handler';
import { GetHealthHandler } from './queries/get-health/get-health.handler';
import { GetIndicatorProgressHandler } from './queries/get-indicator-progress/get-indicator-progress.handler';
import { GetOpenCaseStepsHandler } from './queries/get-open-case-steps/get-open-case-steps.handler';
import { GetReadinessHandler } from './queries/get-readiness/get-readiness.handler';
import { GetReportHandler } from './queries/get-report/get-report.handler';
import { GetStreamHandler } from './queries/get-stream/get-stream.handler';
import { GetSummaryHandler } from './queries/get-summary/get-summary.handler';
import { ListIndicatorsHandler } from './queries/list-indicators/list-indicators.handler';

@Module({
  // Indicator progress reads the verified figures through four eyes' figure reader.
  imports: [FourEyesModule],
  providers: [
    GetEventHandler,
    GetStreamHandler,
    GetHealthHandler,
    GetReadinessHandler,
    FindDocumentsHandler,
    FindTrailHandler,
    GetDocumentHandler,
    GetIndicatorProgressHandler,
    GetAgencyTrailHandler,
    GetOpenCaseStepsHandler,
    GetReportHandler,
    GetSummaryHandler,
    ListIndicatorsHandler,
  ],
})
export class ReportingModule {}
