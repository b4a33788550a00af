import { Query } from '@nestjs/cqrs';
import type { ReportSnapshot } from '@ledger/domain';
import type { FigureChangeDoc, ReportApprovalDoc } from '@ledger/projections';
import type { ReportStatus } from '../../figure-reader';

export interface ReportApprovalView {
  indicatorKey: string;
  orgUnit: string;
  period: string;
  status: ReportStatus;
  /** The figures as they stand now: what an approver signs off (send figuresDigest back to approve). */
  current: ReportSnapshot;
  /** The standing approval and the earlier ones; null when never approved. */
  approval: ReportApprovalDoc | null;
  /** Events after the approval's position that moved the report's figures. */
  changesSinceApproval: FigureChangeDoc[];
  /** Reports right below (communes of a district) with figures in the period, and their status. */
  below: Array<{ orgUnit: string; status: ReportStatus }>;
}

export class GetReportApprovalQuery extends Query<ReportApprovalView> {
  constructor(
    readonly indicatorKey: string,
    readonly orgUnit: string,
    readonly period: string,
  ) {
    super();
  }
}
