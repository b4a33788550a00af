import { Query } from '@nestjs/cqrs';

/** RFC 6962 consistency proof that the tree of `from` leaves is a prefix of the tree of `to` leaves. */
export interface ConsistencyProofView {
  from: number;
  to: number;
  fromRootHash: string;
  toRootHash: string;
  proof: string[];
}

export class GetConsistencyProofQuery extends Query<ConsistencyProofView> {
  constructor(
    readonly from: number,
    readonly to: number,
  ) {
    super();
  }
}
