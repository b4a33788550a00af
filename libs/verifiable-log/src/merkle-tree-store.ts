// The log's Merkle tree, append-only and incremental, kept as its perfect subtrees in a node store.
//
// Node (level, index) is the root of the perfect subtree over leaves [index * 2^level, (index + 1) * 2^level);
// level 0 holds the leaf hashes. A node is written once, when its last leaf arrives, and never changes, so
// a replay writes the same nodes with the same hashes. Every subtree the RFC 6962 recursion visits for a
// tree of size m is either such a node or lies on the right edge of m, where it folds from at most
// log2(m) + 1 nodes. Hence the root of any earlier size, an inclusion proof and a consistency proof each
// read O(log n) nodes, and appending a leaf writes 1 + (trailing ones of the old size) nodes: 2 on average.
//
// Reading is split into a pure plan (which nodes) and one fetch, so that an adapter with batch reads
// (NodeStore.getMany) answers a whole proof in one round trip.
//
// Persisting (for a projection): keep a TreeFrontier, feed each event to appendEvent in position order, and
// put every returned write in the same batch as the checkpoint (= frontier.size = last position), one
// document per node keyed nodeKey(node) = `${level}:${index}` holding the hash (or, to write far fewer
// documents, only the nodes leaf-tiles.ts stores, with the leaves in tiles). After a restart,
// loadFrontier(store, checkpoint) rebuilds the frontier. Writes are a pure function of the events, so a
// replay rewrites identical documents, and since a batch commits atomically no node exists beyond the
// checkpoint: asking for a larger size fails with MissingTreeNodeError instead of giving a wrong answer.
import { emptyTreeRoot, eventLeafHash, HASH_LENGTH, nodeHash, splitPoint } from './rfc6962';
import {
  CorruptTreeNodeError,
  LeafOutOfOrderError,
  MissingTreeNodeError,
  TreeRangeError,
} from './verifiable-log.errors';

/** A perfect subtree: 2^level leaves starting at leaf index * 2^level. */
export interface NodeRef {
  readonly level: number;
  readonly index: number;
}

/** A node with its 32-byte hash: what the writer gives back to persist, and what a frontier holds. */
export interface TreeNode extends NodeRef {
  readonly hash: Buffer;
}

/** Where the nodes live. Read-only for the tree: writes come back from the append functions as data. */
export interface NodeStore {
  /** The 32-byte hash of the node, or null when it is not stored. */
  get(level: number, index: number): Promise<Uint8Array | null>;
  /** Optional batch read, aligned with refs (null where missing). Used instead of get when present. */
  getMany?(refs: readonly NodeRef[]): Promise<ReadonlyArray<Uint8Array | null>>;
}

/** Key of a node as a document id: `${level}:${index}`. */
export function nodeKey(ref: NodeRef): string {
  return `${ref.level}:${ref.index}`;
}

// --- Writing ---------------------------------------------------------------------------------------------

/**
 * The right edge of a tree of `size` leaves: one perfect subtree per set bit of size, largest (leftmost)
 * first. It is all an append needs, and folds into the current root, so the writer reads nothing.
 */
export interface TreeFrontier {
  readonly size: number;
  readonly nodes: readonly TreeNode[];
}

export const EMPTY_FRONTIER: TreeFrontier = Object.freeze({ size: 0, nodes: Object.freeze([]) });

export interface TreeAppend {
  readonly frontier: TreeFrontier;
  /** Nodes completed by the append, leaf first; persist them with the checkpoint `frontier.size`. */
  readonly writes: readonly TreeNode[];
}

/** Appends one leaf hash (32 bytes) at index frontier.size. Pure. */
export function appendLeafHash(frontier: TreeFrontier, leafHash: Uint8Array): TreeAppend {
  if (!(leafHash instanceof Uint8Array) || leafHash.length !== HASH_LENGTH)
    throw new TreeRangeError(`a leaf hash is ${HASH_LENGTH} bytes`);
  const nodes = [...frontier.nodes];
  let carry: TreeNode = { level: 0, index: frontier.size, hash: Buffer.from(leafHash) };
  const writes: TreeNode[] = [carry];
  // Like adding one to a binary counter: each completed pair carries into its parent.
  for (let left = nodes.at(-1); left !== undefined && left.level === carry.level; left = nodes.at(-1)) {
    nodes.pop();
    carry = { level: carry.level + 1, index: left.index / 2, hash: nodeHash(left.hash, carry.hash) };
    writes.push(carry);
  }
  nodes.push(carry);
  return { frontier: { size: frontier.size + 1, nodes }, writes };
}

/** Appends several leaf hashes; the writes of all of them, in order. */
export function appendLeafHashes(frontier: TreeFrontier, leafHashes: readonly Uint8Array[]): TreeAppend {
  const writes: TreeNode[] = [];
  let current = frontier;
  for (const leaf of leafHashes) {
    const next = appendLeafHash(current, leaf);
    writes.push(...next.writes);
    current = next.frontier;
  }
  return { frontier: current, writes };
}

/**
 * Appends an event (leaf index = position - 1). Refuses any position but size + 1, so a gap or a reordering
 * in the feed stops the projection instead of producing a tree of the wrong events.
 */
export function appendEvent(frontier: TreeFrontier, event: { position: number; hash: string }): TreeAppend {
  if (event.position !== frontier.size + 1) throw new LeafOutOfOrderError(frontier.size + 1, event.position);
  return appendLeafHash(frontier, eventLeafHash(event.hash));
}

/** Root (lowercase hex) of the tree the frontier ends. */
export function frontierRoot(frontier: TreeFrontier): string {
  return fold(frontier.nodes.map((node) => node.hash)).toString('hex');
}

/** Rebuilds the frontier of a stored tree of `size` leaves: popcount(size) reads, one batch. */
export async function loadFrontier(store: NodeStore, size: number): Promise<TreeFrontier> {
  requireInteger('size', size, 0);
  const refs = rangeNodes(0, size);
  const hashes = await readNodes(store, refs);
  return { size, nodes: refs.map((ref) => ({ ...ref, hash: hashOf(hashes, ref) })) };
}

// --- Reading -----------------------------------------------------------------------------------------------

/** Each proof element as the nodes (left to right) whose right fold gives its hash. */
export type ProofPlan = ReadonlyArray<readonly NodeRef[]>;

/** Nodes whose fold is the root of the tree of `size` leaves (none for the empty tree). */
export function rootPlan(size: number): NodeRef[] {
  requireInteger('size', size, 0);
  return rangeNodes(0, size);
}

/** PATH(index, D[size]) of RFC 6962 section 2.1.1 as nodes to read; deepest sibling first. */
export function inclusionProofPlan(index: number, size: number): ProofPlan {
  requireInteger('size', size, 1);
  requireInteger('leaf index', index, 0);
  if (index >= size) throw new TreeRangeError(`leaf index ${index} is not in a tree of ${size} leaves`);
  const topDown: NodeRef[][] = [];
  let lo = 0;
  let hi = size;
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (index < lo + k) {
      topDown.push(rangeNodes(lo + k, hi));
      hi = lo + k;
    } else {
      topDown.push(rangeNodes(lo, lo + k));
      lo += k;
    }
  }
  return topDown.reverse();
}

/** PROOF(m, D[n]) of RFC 6962 section 2.1.2 as nodes to read; empty when m = 0 or m = n. */
export function consistencyProofPlan(m: number, n: number): ProofPlan {
  requireInteger('size m', m, 0);
  requireInteger('size n', n, 0);
  if (m > n) throw new TreeRangeError(`size ${m} is larger than size ${n}`);
  if (m === 0 || m === n) return [];
  const topDown: NodeRef[][] = [];
  let lo = 0;
  let hi = n;
  // Whether D[lo:m] is still the whole old tree, whose root the verifier holds and so is left out.
  let oldTreeWhole = true;
  while (m !== hi) {
    const k = splitPoint(hi - lo);
    if (m <= lo + k) {
      topDown.push(rangeNodes(lo + k, hi));
      hi = lo + k;
    } else {
      topDown.push(rangeNodes(lo, lo + k));
      lo += k;
      oldTreeWhole = false;
    }
  }
  if (!oldTreeWhole) topDown.push(rangeNodes(lo, hi));
  return topDown.reverse();
}

/** Every distinct node a plan reads. */
export function planNodes(plan: ProofPlan): NodeRef[] {
  const seen = new Map<string, NodeRef>();
  for (const element of plan) for (const ref of element) seen.set(nodeKey(ref), ref);
  return [...seen.values()];
}

/** Root (lowercase hex) of the tree of the first `size` leaves, from at most log2(size) + 1 nodes. */
export async function rootAt(store: NodeStore, size: number): Promise<string> {
  const refs = rootPlan(size);
  const hashes = await readNodes(store, refs);
  return fold(refs.map((ref) => hashOf(hashes, ref))).toString('hex');
}

/** Inclusion proof (lowercase hex, deepest first) of leaf `index` in the tree of `size` leaves. */
export async function inclusionProof(store: NodeStore, index: number, size: number): Promise<string[]> {
  return resolve(store, inclusionProofPlan(index, size));
}

/** Consistency proof (lowercase hex) that the tree of m leaves is a prefix of the tree of n leaves. */
export async function consistencyProof(store: NodeStore, m: number, n: number): Promise<string[]> {
  return resolve(store, consistencyProofPlan(m, n));
}

// --- In memory -----------------------------------------------------------------------------------------------

/** A NodeStore in a Map, for tests and for trees rebuilt in memory. */
export class InMemoryNodeStore implements NodeStore {
  private readonly nodes = new Map<string, Buffer>();

  put(writes: readonly TreeNode[]): void {
    for (const node of writes) this.nodes.set(nodeKey(node), Buffer.from(node.hash));
  }

  get(level: number, index: number): Promise<Uint8Array | null> {
    return Promise.resolve(this.nodes.get(nodeKey({ level, index })) ?? null);
  }

  get nodeCount(): number {
    return this.nodes.size;
  }
}

// --- Internals -------------------------------------------------------------------------------------------

/**
 * The perfect subtrees that make up leaves [start, end), largest first, for the ranges the RFC recursion
 * produces (start a multiple of the bit ceiling of end - start): greedily the widest aligned subtree that
 * fits. Their right fold is MTH(D[start:end]), because the RFC split puts the largest power of two on the left.
 */
function rangeNodes(start: number, end: number): NodeRef[] {
  const refs: NodeRef[] = [];
  let at = start;
  while (at < end) {
    let width = 1;
    let level = 0;
    while (at % (width * 2) === 0 && at + width * 2 <= end) {
      width *= 2;
      level += 1;
    }
    refs.push({ level, index: at / width });
    at += width;
  }
  return refs;
}

function fold(hashes: readonly Buffer[]): Buffer {
  const last = hashes.at(-1);
  if (last === undefined) return emptyTreeRoot();
  let hash = last;
  for (let i = hashes.length - 2; i >= 0; i--) hash = nodeHash(hashes[i], hash);
  return hash;
}

async function resolve(store: NodeStore, plan: ProofPlan): Promise<string[]> {
  const hashes = await readNodes(store, planNodes(plan));
  return plan.map((element) => fold(element.map((ref) => hashOf(hashes, ref))).toString('hex'));
}

function hashOf(hashes: ReadonlyMap<string, Buffer>, ref: NodeRef): Buffer {
  const hash = hashes.get(nodeKey(ref));
  if (hash === undefined) throw new MissingTreeNodeError(ref.level, ref.index);
  return hash;
}

/** Reads the nodes (each once) and checks them; the map is complete or this throws. */
async function readNodes(store: NodeStore, refs: readonly NodeRef[]): Promise<Map<string, Buffer>> {
  const unique = [...new Map(refs.map((ref) => [nodeKey(ref), ref])).values()];
  if (unique.length === 0) return new Map();
  const values = store.getMany
    ? await store.getMany(unique)
    : await Promise.all(unique.map((ref) => store.get(ref.level, ref.index)));
  const hashes = new Map<string, Buffer>();
  unique.forEach((ref, i) => {
    const value = values[i];
    if (value === null || value === undefined) throw new MissingTreeNodeError(ref.level, ref.index);
    if (!(value instanceof Uint8Array) || value.length !== HASH_LENGTH)
      throw new CorruptTreeNodeError(ref.level, ref.index, `expected ${HASH_LENGTH} bytes`);
    hashes.set(nodeKey(ref), Buffer.from(value));
  });
  return hashes;
}

function requireInteger(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min)
    throw new TreeRangeError(`${name} must be an integer >= ${min}, got ${String(value)}`);
}
