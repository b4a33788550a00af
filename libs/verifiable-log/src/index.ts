// The verifiable log of DESIGN.md: RFC 6962 hashing (rfc6962.ts), the incremental Merkle tree over a node
// store (merkle-tree-store.ts) whose lowest levels are kept as tiles of leaves (leaf-tiles.ts), signing tree heads (signed-tree-head.ts), and the offline verifier
// (verifier.ts, which needs only rfc6962.ts).
export {
  HASH_LENGTH,
  emptyTreeRoot,
  eventLeafHash,
  eventLeafInput,
  isPowerOfTwo,
  leafHash,
  nodeHash,
  referenceConsistencyProof,
  referenceInclusionPath,
  rootOf,
  rootOfLeafHashes,
  splitPoint,
} from './rfc6962';
export {
  EMPTY_FRONTIER,
  InMemoryNodeStore,
  appendEvent,
  appendLeafHash,
  appendLeafHashes,
  consistencyProof,
  consistencyProofPlan,
  frontierRoot,
  inclusionProof,
  inclusionProofPlan,
  loadFrontier,
  nodeKey,
  planNodes,
  rootAt,
  rootPlan,
  type NodeRef,
  type NodeStore,
  type ProofPlan,
  type TreeAppend,
  type TreeFrontier,
  type TreeNode,
} from './merkle-tree-store';
export {
  TILE_HEIGHT,
  TILE_WIDTH,
  nodesToStore,
  storedAsNode,
  tileOfLeaf,
  tileSpan,
  tiledNodeStore,
  type TileSource,
} from './leaf-tiles';
export {
  generateLogKeyPair,
  publicKeyPemOf,
  signTreeHead,
  treeHead,
  type LogKeyPair,
} from './signed-tree-head';
export {
  TREE_HEAD_SIGNING_LENGTH,
  logKeyId,
  treeHeadSigningBytes,
  verifyConsistency,
  verifyEventInSignedHead,
  verifyEventInclusion,
  verifyInclusion,
  verifySignedHeadsConsistent,
  verifyTreeHead,
  type HashInput,
  type SignedTreeHead,
  type TreeHead,
  type Verification,
} from './verifier';
export * from './verifiable-log.errors';
