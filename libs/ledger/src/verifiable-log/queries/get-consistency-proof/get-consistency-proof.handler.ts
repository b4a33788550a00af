import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { consistencyProof, rootAt } from '@ledger/verifiable-log';
import { ResourceNotFoundError, ValidationFailedError } from '../../../errors/ledger-errors';
import type { MerkleLogReader } from '../../merkle-log.reader';
import { MERKLE_LOG_READER } from '../../verifiable-log.di-tokens';
import { GetConsistencyProofQuery, type ConsistencyProofView } from './get-consistency-proof.query';

@QueryHandler(GetConsistencyProofQuery)
export class GetConsistencyProofHandler implements IQueryHandler<GetConsistencyProofQuery> {
  constructor(@Inject(MERKLE_LOG_READER) private readonly tree: MerkleLogReader) {}

  async execute({ from, to }: GetConsistencyProofQuery): Promise<ConsistencyProofView> {
    if (from > to)
      throw new ValidationFailedError([{ field: 'from', message: `must not be larger than to (${to})` }]);
    const { frontier } = await this.tree.state();
    if (to > frontier.size)
      throw new ResourceNotFoundError(
        'TREE_SIZE_NOT_FOUND',
        `the tree has ${frontier.size} leaves, not ${to}`,
      );
    const [proof, fromRootHash, toRootHash] = await Promise.all([
      consistencyProof(this.tree, from, to),
      rootAt(this.tree, from),
      rootAt(this.tree, to),
    ]);
    return { from, to, fromRootHash, toRootHash, proof };
  }
}
