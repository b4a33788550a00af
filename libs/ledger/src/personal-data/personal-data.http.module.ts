import { Module } from '@nestjs/common';
import { ReadScope } from '../http/read-scope';
import { ReportingModule } from '../reporting/reporting.module';
import { PersonalDataHttpController } from './commands/erase-person/erase-person.http.controller';
import { PersonalDataModule } from './personal-data.module';
import { BeneficiariesHttpController } from './queries/beneficiary-history/beneficiary-history.http.controller';

@Module({
  imports: [PersonalDataModule, ReportingModule],
  controllers: [PersonalDataHttpController, BeneficiariesHttpController],
  providers: [ReadScope],
})
export class PersonalDataHttpModule {}
