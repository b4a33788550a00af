import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { REPORT_APPROVALS, type ReportApprovalDoc } from '@ledger/projections';
import { READ_STORE_READER, type Filter, type ReadStoreReader } from '@ledger/read-store';
import { FigureReader } from '../../figure-reader';
import { ListReportApprovalsQuery, type ApprovedReportView } from './list-report-approvals.query';

@QueryHandler(ListReportApprovalsQuery)
export class ListReportApprovalsHandler implements IQueryHandler<ListReportApprovalsQuery> {
  constructor(
    private readonly figures: FigureReader,
    @Inject(READ_STORE_READER) private readonly store: ReadStoreReader,
  ) {}

  async execute({ filter }: ListReportApprovalsQuery): Promise<{ items: ApprovedReportView[] }> {
    const where: Record<string, string> = {};
    if (filter.indicatorKey) where.indicatorKey = filter.indicatorKey;
    if (filter.orgUnit) where.orgUnit = filter.orgUnit;
    const page = await this.store.find<ReportApprovalDoc>(REPORT_APPROVALS, {
      where: where as Filter,
      orderBy: [{ field: 'lastPosition', direction: 'desc' }],
      limit: 500,
    });
    const items: ApprovedReportView[] = [];
    for (const { doc } of page.items) {
      const { status, changes } = await this.figures.status(doc);
      if (filter.status && status !== filter.status) continue;
      items.push({ status, approval: doc, changesSinceApproval: changes });
      if (items.length >= filter.limit) break;
    }
    return { items };
  }
}
