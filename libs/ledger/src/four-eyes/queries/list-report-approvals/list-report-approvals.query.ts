import { Query } from '@nestjs/cqrs';
import type { FigureChangeDoc, ReportApprovalDoc } from '@ledger/projections';
import type { ReportStatus } from '../../figure-reader';

export interface ApprovedReportView {
  status: ReportStatus;
  approval: ReportApprovalDoc;
  changesSinceApproval: FigureChangeDoc[];
}

/** Approved reports (optionally of one indicator, org unit or status), most recently approved first. */
export class ListReportApprovalsQuery extends Query<{ items: ApprovedReportView[] }> {
  constructor(
    readonly filter: { indicatorKey?: string; orgUnit?: string; status?: ReportStatus; limit: number },
  ) {
    super();
  }
}
