// The verifiable log's injection tokens.
/** The log's Ed25519 signing key (`LogSigningKey`). */
export const LOG_SIGNING_KEY = Symbol('LOG_SIGNING_KEY');
/** The Merkle tree over the event log, read from the read store (`MerkleLogReader`). */
export const MERKLE_LOG_READER = Symbol('MERKLE_LOG_READER');
/** The signed tree heads kept so far (`TreeHeads`). */
export const TREE_HEADS = Symbol('TREE_HEADS');
