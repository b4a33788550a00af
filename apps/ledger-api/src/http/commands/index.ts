import { CorrectEventHttpController } from './correct-event/correct-event.http.controller';
import { ReviseTargetHttpController } from './revise-target/revise-target.http.controller';

/** The write routes that are not actions: corrections and target revisions (actions: see the feature modules). */
export const commandControllers = [CorrectEventHttpController, ReviseTargetHttpController];
import { VerifyActionHttpController } from './verify-action/verify-action.http.controller';
import { DisputeActionHttpController } from './dispute-action/dispute-action.http.controller';
import { ApproveCorrectionHttpController } from './approve-correction/approve-correction.http.controller';
import { RejectCorrectionHttpController } from './reject-correction/reject-correction.http.controller';
import { ApproveReportHttpController } from './approve-report/approve-report.http.controller';

/** Issue 8: verification, correction approval and report approval. */
export const fourEyesCommandControllers = [
  VerifyActionHttpController,
  DisputeActionHttpController,
  ApproveCorrectionHttpController,
  RejectCorrectionHttpController,
  ApproveReportHttpController,
];
