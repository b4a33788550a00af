// Exports: the indicators' figures for DHIS2 (data value sets as JSON, CSV, ADX) and for IATI (the plan's
// results as an IATI 2.03 activity), read through the reporting feature's indicator query.
import { Module } from '@nestjs/common';
import { ReportingModule } from '../reporting/reporting.module';
import { dhis2MappingProvider, iatiActivityProvider } from './exports.providers';
import { GetDhis2DataValuesHandler } from './queries/get-dhis2-data-values/get-dhis2-data-values.handler';
import { GetIatiResultsHandler } from './queries/get-iati-results/get-iati-results.handler';

@Module({
  imports: [ReportingModule],
  providers: [dhis2MappingProvider, iatiActivityProvider, GetDhis2DataValuesHandler, GetIatiResultsHandler],
})
export class ExportsModule {}
