// Four eyes: a second person verifies or disputes a recorded action, approves or rejects a proposed
// correction, approves a period's report; the figures as verified, restated, and the double claims to review.
import { Module } from '@nestjs/common';
import { ApproveCorrectionHandler } from './commands/approve-correction/approve-correction.handler';
import { ApproveReportHandler } from './commands/approve-report/approve-report.handler';
import { DisputeActionHandler } from './commands/dispute-action/dispute-action.handler';
import { RejectCorrectionHandler } from './commands/reject-correction/reject-correction.handler';
import { VerifyActionHandler } from './commands/verify-action/verify-action.handler';
import { FigureReader } from './figure-reader';
import { GetReportApprovalHandler } from './queries/get-report-approval/get-report-approval.handler';
import { GetRestatementHandler } from './queries/get-restatement/get-restatement.handler';
import { ListDoubleClaimsHandler } from './queries/list-double-claims/list-double-claims.handler';
import { ListReportApprovalsHandler } from './queries/list-report-approvals/list-report-approvals.handler';

@Module({
  providers: [
    FigureReader,
    VerifyActionHandler,
    DisputeActionHandler,
    ApproveCorrectionHandler,
    RejectCorrectionHandler,
    ApproveReportHandler,
    GetReportApprovalHandler,
    ListReportApprovalsHandler,
    GetRestatementHandler,
    ListDoubleClaimsHandler,
  ],
  exports: [FigureReader],
})
export class FourEyesModule {}
