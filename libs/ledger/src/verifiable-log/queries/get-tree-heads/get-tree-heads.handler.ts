import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ResourceNotFoundError } from '../../../errors/ledger-errors';
import type { StoredTreeHead, TreeHeads } from '../../tree-heads';
import { TREE_HEADS } from '../../verifiable-log.di-tokens';
import { GetLatestTreeHeadQuery, ListTreeHeadsQuery } from './get-tree-heads.query';

@QueryHandler(ListTreeHeadsQuery)
export class ListTreeHeadsHandler implements IQueryHandler<ListTreeHeadsQuery> {
  constructor(@Inject(TREE_HEADS) private readonly heads: TreeHeads) {}

  execute(): Promise<StoredTreeHead[]> {
    return this.heads.all();
  }
}

@QueryHandler(GetLatestTreeHeadQuery)
export class GetLatestTreeHeadHandler implements IQueryHandler<GetLatestTreeHeadQuery> {
  constructor(@Inject(TREE_HEADS) private readonly heads: TreeHeads) {}

  async execute(): Promise<StoredTreeHead> {
    const head = await this.heads.latest();
    if (!head) throw new ResourceNotFoundError('TREE_HEAD_NOT_FOUND', 'no tree head has been signed yet');
    return head;
  }
}
