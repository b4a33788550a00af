import { Query } from '@nestjs/cqrs';
import type { StoredTreeHead } from '../../tree-heads';

export class ListTreeHeadsQuery extends Query<StoredTreeHead[]> {}

export class GetLatestTreeHeadQuery extends Query<StoredTreeHead> {}
