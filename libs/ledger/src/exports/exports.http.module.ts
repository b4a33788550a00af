import { Module } from '@nestjs/common';
import { ExportsModule } from './exports.module';
import { Dhis2DataValueSetsHttpController } from './queries/get-dhis2-data-values/dhis2-data-value-sets.http.controller';
import { IatiResultsHttpController } from './queries/get-iati-results/iati-results.http.controller';

@Module({
  imports: [ExportsModule],
  controllers: [Dhis2DataValueSetsHttpController, IatiResultsHttpController],
})
export class ExportsHttpModule {}
