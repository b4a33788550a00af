import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE_READER, type ReadStoreReader } from '@ledger/read-store';
import { GetOpenCaseStepsQuery } from './get-open-case-steps.query';
import { openStepsPage, type OpenStepsPage } from './open-case-steps';

@QueryHandler(GetOpenCaseStepsQuery)
export class GetOpenCaseStepsHandler implements IQueryHandler<GetOpenCaseStepsQuery> {
  constructor(@Inject(READ_STORE_READER) private readonly store: ReadStoreReader) {}

  execute({ agency, dueBefore, limit, cursor }: GetOpenCaseStepsQuery): Promise<OpenStepsPage> {
    return openStepsPage(
      this.store,
      { agency, ...(dueBefore !== undefined ? { dueBefore } : {}) },
      limit,
      cursor,
    );
  }
}
