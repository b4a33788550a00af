import { Query } from '@nestjs/cqrs';

/** RFC 6962 inclusion proof of an event's leaf in the tree of `treeSize` leaves. */
export interface InclusionProofView {
  eventId: string;
  position: number;
  leafIndex: number;
  /** The event's stored hash; the leaf hash is SHA-256(0x00 || its 32 bytes). */
  eventHash: string;
  treeSize: number;
  rootHash: string;
  /** Sibling hashes, deepest first. */
  proof: string[];
}

export class GetInclusionProofQuery extends Query<InclusionProofView> {
  /** treeSize: default the current tree. */
  constructor(
    readonly eventId: string,
    readonly treeSize?: number,
  ) {
    super();
  }
}
