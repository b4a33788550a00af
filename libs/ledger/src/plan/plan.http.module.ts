import { Module } from '@nestjs/common';
import { ReportingModule } from '../reporting/reporting.module';
import { ReviseTargetHttpController } from './commands/revise-target/revise-target.http.controller';
import { PlanModule } from './plan.module';
import { AgenciesHttpController } from './queries/agencies/agencies.http.controller';
import { OrgUnitsHttpController } from './queries/org-units/org-units.http.controller';

@Module({
  // Org units and agencies are documents of the plan, read through reporting's document queries.
  imports: [PlanModule, ReportingModule],
  controllers: [ReviseTargetHttpController, OrgUnitsHttpController, AgenciesHttpController],
})
export class PlanHttpModule {}
