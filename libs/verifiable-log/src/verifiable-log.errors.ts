// Typed errors of the server side of the verifiable log (the tree store and the signer). The verifier throws
// none of these: it answers every malformed input with a failed result and a reason.
import { LedgerError } from '@ledger/domain';

export abstract class VerifiableLogError extends LedgerError {
  /** Requests are checked before they reach the tree: reaching HTTP, these are a 500. */
  readonly kind = 'internal';
}

/** A leaf index or tree size outside what the request allows (index >= size, m > n, not an integer, ...). */
export class TreeRangeError extends VerifiableLogError {
  readonly code = 'TREE_RANGE';
}

/**
 * The node store lacks a node the request needs: the size asked for is beyond the tree built so far (nodes
 * are written only once complete, so every larger size needs one), or a stored node was lost.
 */
export class MissingTreeNodeError extends VerifiableLogError {
  readonly code = 'MISSING_TREE_NODE';
  constructor(
    readonly level: number,
    readonly index: number,
  ) {
    super(`tree node ${level}:${index} is not stored`);
  }
}

/** A stored node is not a 32-byte hash: the node store was damaged. */
export class CorruptTreeNodeError extends VerifiableLogError {
  readonly code = 'CORRUPT_TREE_NODE';
  constructor(
    readonly level: number,
    readonly index: number,
    detail: string,
  ) {
    super(`tree node ${level}:${index} is corrupt: ${detail}`);
  }
}

/** A leaf appended out of order: event positions must arrive as size + 1, size + 2, ... with no gap. */
export class LeafOutOfOrderError extends VerifiableLogError {
  readonly code = 'LEAF_OUT_OF_ORDER';
  constructor(
    readonly expectedPosition: number,
    readonly position: number,
  ) {
    super(`the tree expects the event at position ${expectedPosition}, got position ${position}`);
  }
}

/** A tree head or a key that cannot be signed: malformed size, root or time, a logId of another key, not Ed25519. */
export class InvalidTreeHeadError extends VerifiableLogError {
  readonly code = 'INVALID_TREE_HEAD';
}
