import { Module } from '@nestjs/common';
import { ApproveCorrectionHttpController } from './commands/approve-correction/approve-correction.http.controller';
import { ApproveReportHttpController } from './commands/approve-report/approve-report.http.controller';
import { DisputeActionHttpController } from './commands/dispute-action/dispute-action.http.controller';
import { RejectCorrectionHttpController } from './commands/reject-correction/reject-correction.http.controller';
import { VerifyActionHttpController } from './commands/verify-action/verify-action.http.controller';
import { FourEyesModule } from './four-eyes.module';
import { FourEyesHttpController } from './queries/four-eyes.http.controller';

@Module({
  imports: [FourEyesModule],
  controllers: [
    VerifyActionHttpController,
    DisputeActionHttpController,
    ApproveCorrectionHttpController,
    RejectCorrectionHttpController,
    ApproveReportHttpController,
    FourEyesHttpController,
  ],
})
export class FourEyesHttpModule {}
