import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { inclusionProof, rootAt } from '@ledger/verifiable-log';
import { ResourceNotFoundError, ValidationFailedError } from '../../../errors/ledger-errors';
import type { MerkleLogReader } from '../../merkle-log.reader';
import { MERKLE_LOG_READER } from '../../verifiable-log.di-tokens';
import { GetInclusionProofQuery, type InclusionProofView } from './get-inclusion-proof.query';

@QueryHandler(GetInclusionProofQuery)
export class GetInclusionProofHandler implements IQueryHandler<GetInclusionProofQuery> {
  constructor(
    @Inject(MERKLE_LOG_READER) private readonly tree: MerkleLogReader,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async execute({ eventId, treeSize }: GetInclusionProofQuery): Promise<InclusionProofView> {
    const event = await this.events.getEvent(eventId);
    if (!event) throw new ResourceNotFoundError('EVENT_NOT_FOUND', `no event with id ${eventId}`);
    const [leaf, state] = await Promise.all([this.tree.leafAt(event.position), this.tree.state()]);
    if (!leaf || leaf.eventId !== eventId) {
      throw new ResourceNotFoundError(
        'EVENT_NOT_IN_TREE_YET',
        `event ${eventId} (position ${event.position}) is not in the Merkle tree yet: retry shortly`,
      );
    }
    const size = treeSize ?? state.frontier.size;
    if (size > state.frontier.size)
      throw new ResourceNotFoundError(
        'TREE_SIZE_NOT_FOUND',
        `the tree has ${state.frontier.size} leaves, not ${size}`,
      );
    if (size <= leaf.leafIndex)
      throw new ValidationFailedError([
        {
          field: 'size',
          message: `event ${eventId} is leaf ${leaf.leafIndex}: size must be greater than ${leaf.leafIndex}`,
        },
      ]);
    const [proof, rootHash] = await Promise.all([
      inclusionProof(this.tree, leaf.leafIndex, size),
      rootAt(this.tree, size),
    ]);
    return {
      eventId: leaf.eventId,
      position: leaf.position,
      leafIndex: leaf.leafIndex,
      eventHash: leaf.eventHash,
      treeSize: size,
      rootHash,
      proof,
    };
  }
}
