// The verifiable log's Merkle tree (DESIGN.md, "verifiable log"; RFC 6962) kept as a projection.
//
// Why a BatchProjection and not a reducer: appending a leaf writes the 1 + (trailing ones of the size)
// nodes it completes, each computed from the tree's frontier; a per-document reducer sees only its own
// document, and the ids of those nodes depend on the leaf index, which is not a function of the event:
// on EventStoreDB positions have gaps, so leaves are numbered in the order events are seen (leaf index =
// position - 1 holds only on the contiguous embedded store). As a BatchProjection it loads the frontier
// document once per batch, appends the events, and hands back nodes, leaf documents and the new frontier,
// which the runner commits atomically with the checkpoint: a crash never leaves a node beyond the
// frontier, a replay writes identical documents, and generations, rebuild, status in /health and waitFor
// come from the runner as for every other projection. Being a projection, it runs the same over the
// embedded store and EventStoreDB.
//
// Documents:
// - merkle_tree / "frontier": { size, lastPosition, nodes: [{ level, index, hash }] } (the right edge)
// - merkle_nodes / "<level>:<index>": { hash } for every completed perfect subtree (level 0: leaf hashes)
// - merkle_leaves / <event id>: { eventId, position, leafIndex, eventHash }: finds an event's leaf by id
// A proof or a root for any size reads O(log n) node documents (see libs/verifiable-log merkle-tree-store.ts).
import type { RecordedEvent } from '@ledger/domain';
import type { AppliedBatch, BatchProjection } from '@ledger/projections';
import type { DocumentWrite, ReadStoreReader } from '@ledger/read-store';
import {
  appendLeafHash,
  EMPTY_FRONTIER,
  eventLeafHash,
  LeafOutOfOrderError,
  nodeKey,
  type NodeRef,
  type NodeStore,
  type TreeFrontier,
} from '@ledger/verifiable-log';

export const MERKLE_LOG_PROJECTION = 'merkle-log';
export const MERKLE_TREE = 'merkle_tree';
export const MERKLE_NODES = 'merkle_nodes';
export const MERKLE_LEAVES = 'merkle_leaves';
const FRONTIER_ID = 'frontier';

export interface MerkleNodeDoc {
  hash: string;
}

export interface MerkleLeafDoc {
  eventId: string;
  position: number;
  leafIndex: number;
  eventHash: string;
}

export interface MerkleTreeDoc {
  size: number;
  /** Position of the last event appended: the next must be greater. */
  lastPosition: number;
  nodes: Array<{ level: number; index: number; hash: string }>;
}

export interface MerkleTreeState {
  frontier: TreeFrontier;
  lastPosition: number;
}

const EMPTY_STATE: MerkleTreeState = { frontier: EMPTY_FRONTIER, lastPosition: 0 };

export function treeStateOf(doc: MerkleTreeDoc | null): MerkleTreeState {
  if (doc === null) return EMPTY_STATE;
  return {
    lastPosition: doc.lastPosition,
    frontier: {
      size: doc.size,
      nodes: doc.nodes.map((n) => ({ level: n.level, index: n.index, hash: Buffer.from(n.hash, 'hex') })),
    },
  };
}

function treeDocOf(state: MerkleTreeState): MerkleTreeDoc {
  return {
    size: state.frontier.size,
    lastPosition: state.lastPosition,
    nodes: state.frontier.nodes.map((n) => ({
      level: n.level,
      index: n.index,
      hash: n.hash.toString('hex'),
    })),
  };
}

/** Appends one stored event to the tree: the new state and the documents to write. Pure. */
export function appendToTree(
  state: MerkleTreeState,
  event: Pick<RecordedEvent, 'id' | 'position' | 'hash'>,
): { state: MerkleTreeState; writes: DocumentWrite[] } {
  if (event.position <= state.lastPosition)
    throw new LeafOutOfOrderError(state.lastPosition + 1, event.position);
  const leafIndex = state.frontier.size;
  const appended = appendLeafHash(state.frontier, eventLeafHash(event.hash));
  const leaf: MerkleLeafDoc = {
    eventId: event.id,
    position: event.position,
    leafIndex,
    eventHash: event.hash,
  };
  const writes: DocumentWrite[] = [
    ...appended.writes.map((node): DocumentWrite => ({
      collection: MERKLE_NODES,
      id: nodeKey(node),
      doc: { hash: node.hash.toString('hex') } satisfies MerkleNodeDoc,
    })),
    { collection: MERKLE_LEAVES, id: event.id, doc: leaf },
  ];
  return { state: { frontier: appended.frontier, lastPosition: event.position }, writes };
}

/** Bump the version when the documents it writes change: the runner then rebuilds from position 0. */
export function createMerkleLogProjection(): BatchProjection {
  return {
    name: MERKLE_LOG_PROJECTION,
    version: 1,
    collections: [MERKLE_TREE, MERKLE_NODES, MERKLE_LEAVES],
    indexes: { [MERKLE_LEAVES]: [['leafIndex'], ['position']] },
    async applyBatch(events, context): Promise<AppliedBatch> {
      const [stored] = await context.load([{ collection: MERKLE_TREE, id: FRONTIER_ID }]);
      let state = treeStateOf((stored ?? null) as MerkleTreeDoc | null);
      const writes: DocumentWrite[] = [];
      let checkpoint = context.checkpoint;
      let applied = 0;
      for (const event of events) {
        if (event.position <= context.checkpoint) continue;
        try {
          const next = appendToTree(state, event);
          writes.push(...next.writes);
          state = next.state;
        } catch (error) {
          writes.push({ collection: MERKLE_TREE, id: FRONTIER_ID, doc: treeDocOf(state) });
          return { writes, checkpoint, applied, failure: { event, error } };
        }
        checkpoint = event.position;
        applied++;
      }
      writes.push({ collection: MERKLE_TREE, id: FRONTIER_ID, doc: treeDocOf(state) });
      return { writes, checkpoint, applied };
    },
  };
}

/** The tree as readers see it (the projection's active generation). */
export class MerkleLogReader implements NodeStore {
  constructor(private readonly readStore: ReadStoreReader) {}

  async state(): Promise<MerkleTreeState> {
    return treeStateOf(await this.readStore.get<MerkleTreeDoc>(MERKLE_TREE, FRONTIER_ID));
  }

  leaf(eventId: string): Promise<MerkleLeafDoc | null> {
    return this.readStore.get<MerkleLeafDoc>(MERKLE_LEAVES, eventId);
  }

  async get(level: number, index: number): Promise<Uint8Array | null> {
    const doc = await this.readStore.get<MerkleNodeDoc>(MERKLE_NODES, nodeKey({ level, index }));
    return doc ? Buffer.from(doc.hash, 'hex') : null;
  }

  getMany(refs: readonly NodeRef[]): Promise<Array<Uint8Array | null>> {
    return Promise.all(refs.map((ref) => this.get(ref.level, ref.index)));
  }
}

/** The leaves as the projection recorded them, in leaf order: what `verify` compares the events with. */
export async function* recordedLeaves(readStore: ReadStoreReader): AsyncIterable<MerkleLeafDoc> {
  let after: string | undefined;
  do {
    const page = await readStore.find<MerkleLeafDoc>(MERKLE_LEAVES, {
      orderBy: [{ field: 'leafIndex' }],
      limit: 500,
      ...(after ? { after } : {}),
    });
    for (const item of page.items) yield item.doc;
    after = page.nextCursor;
  } while (after);
}
