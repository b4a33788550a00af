import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@ledger/read-store';
import { FindDocumentsQuery, type DocumentPage } from './find-documents.query';

@QueryHandler(FindDocumentsQuery)
export class FindDocumentsHandler implements IQueryHandler<FindDocumentsQuery> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute(query: FindDocumentsQuery): Promise<DocumentPage> {
    const page = await this.store.find(query.collection, {
      where: query.where,
      orderBy: query.orderBy,
      limit: query.limit,
      ...(query.cursor ? { after: query.cursor } : {}),
    });
    return {
      items: page.items.map((item) => item.doc),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }
}
