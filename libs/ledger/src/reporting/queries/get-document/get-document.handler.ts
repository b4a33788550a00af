import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE_READER, type ReadStoreReader } from '@ledger/read-store';
import { ResourceNotFoundError } from '../../../errors/ledger-errors';
import { GetDocumentQuery } from './get-document.query';

@QueryHandler(GetDocumentQuery)
export class GetDocumentHandler implements IQueryHandler<GetDocumentQuery> {
  constructor(@Inject(READ_STORE_READER) private readonly store: ReadStoreReader) {}

  async execute(query: GetDocumentQuery): Promise<Record<string, unknown>> {
    const doc = await this.store.get(query.collection, query.id);
    if (!doc) throw new ResourceNotFoundError(query.notFoundCode, `no ${query.what} ${query.id}`);
    return doc;
  }
}
