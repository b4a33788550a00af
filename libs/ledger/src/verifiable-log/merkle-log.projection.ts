// The verifiable log's Merkle tree (DESIGN.md, "verifiable log"; RFC 6962) kept as a projection.
//
// Why a BatchProjection and not a reducer: appending a leaf writes the 1 + (trailing ones of the size)
// nodes it completes, each computed from the tree's frontier; a per-document reducer sees only its own
// document, and the ids of those nodes depend on the leaf index, which is not a function of the event:
// on EventStoreDB positions have gaps, so leaves are numbered in the order events are seen (leaf index =
// position - 1 holds only on the contiguous embedded store). As a BatchProjection it loads the frontier
// document (and the tile being filled) once per batch, appends the events, and hands back the nodes, the
// tiles and the new frontier, which the runner commits atomically with the checkpoint: a crash never leaves a node beyond the
// frontier, a replay writes identical documents, and generations, rebuild, status in /health and waitFor
// come from the runner as for every other projection. Being a projection, it runs the same over the
// embedded store and EventStoreDB.
//
// Documents (the lowest levels of the tree as tiles of leaves, libs/verifiable-log leaf-tiles.ts):
// - merkle_tree / "frontier": { size, lastPosition, nodes: [{ level, index, hash }] } (the right edge)
// - merkle_leaf_tiles / "<tile>": { tile, firstPosition, leaves: [{ eventId, position, eventHash }] }, the
//   leaves tile * TILE_WIDTH onwards (fewer while the tile fills): which event each leaf is, and the leaf
//   hashes the nodes below TILE_HEIGHT are computed from
// - merkle_nodes / "<level>:<index>": { hash } for every completed perfect subtree of level >= TILE_HEIGHT
// So an event costs about 1/8 of a document besides its share of a tile, instead of the three (its leaf
// document and two nodes on average) of one document per node. A proof or a root for any size reads
// O(log n) documents (merkle-log.reader.ts).
import type { RecordedEvent } from '@ledger/domain';
import type { AppliedBatch, BatchProjection } from '@ledger/projections';
import type { DocumentWrite } from '@ledger/read-store';
import {
  appendLeafHash,
  EMPTY_FRONTIER,
  eventLeafHash,
  LeafOutOfOrderError,
  MissingTreeNodeError,
  nodeKey,
  nodesToStore,
  tileOfLeaf,
  TILE_WIDTH,
  type TreeFrontier,
} from '@ledger/verifiable-log';
import type { RecordedLeaf } from './log-audit';

export const MERKLE_LOG_PROJECTION = 'merkle-log';
export const MERKLE_TREE = 'merkle_tree';
export const MERKLE_NODES = 'merkle_nodes';
export const MERKLE_LEAF_TILES = 'merkle_leaf_tiles';
export const FRONTIER_ID = 'frontier';

export interface MerkleNodeDoc {
  hash: string;
}

/** A leaf as its tile keeps it; its index is tile * TILE_WIDTH + its place in the tile. */
export type TiledLeaf = Omit<RecordedLeaf, 'leafIndex'>;

export interface MerkleLeafTileDoc {
  tile: number;
  /** Position of the tile's first leaf: finds the tile of an event by position. */
  firstPosition: number;
  leaves: TiledLeaf[];
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

/** The state an append works on: the tree, and the leaves of the tile being filled. */
export interface MerkleAppendState extends MerkleTreeState {
  openTile: TiledLeaf[];
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

export const tileId = (tile: number): string => String(tile);

/** The tile document of the leaves appended so far to the tile that holds leaf `leafIndex`. */
export function tileDocOf(leafIndex: number, leaves: TiledLeaf[]): DocumentWrite {
  const tile = tileOfLeaf(leafIndex);
  const doc: MerkleLeafTileDoc = { tile, firstPosition: leaves[0].position, leaves };
  return { collection: MERKLE_LEAF_TILES, id: tileId(tile), doc };
}

/**
 * Appends one stored event to the tree: the new state, and the nodes it completed at TILE_HEIGHT and above
 * and the tile it filled (if it did) to write. The tile still filling is written by the caller once per batch.
 * Pure.
 */
export function appendToTree(
  state: MerkleAppendState,
  event: Pick<RecordedEvent, 'id' | 'position' | 'hash'>,
): { state: MerkleAppendState; writes: DocumentWrite[] } {
  if (event.position <= state.lastPosition)
    throw new LeafOutOfOrderError(state.lastPosition + 1, event.position);
  const leafIndex = state.frontier.size;
  const appended = appendLeafHash(state.frontier, eventLeafHash(event.hash));
  const openTile = [
    ...state.openTile,
    { eventId: event.id, position: event.position, eventHash: event.hash },
  ];
  const writes = nodesToStore(appended.writes).map((node): DocumentWrite => ({
    collection: MERKLE_NODES,
    id: nodeKey(node),
    doc: { hash: node.hash.toString('hex') } satisfies MerkleNodeDoc,
  }));
  const filled = openTile.length === TILE_WIDTH;
  if (filled) writes.push(tileDocOf(leafIndex, openTile));
  return {
    state: { frontier: appended.frontier, lastPosition: event.position, openTile: filled ? [] : openTile },
    writes,
  };
}

/** Bump the version when the documents it writes change: the runner then rebuilds from position 0. */
export function createMerkleLogProjection(): BatchProjection {
  return {
    name: MERKLE_LOG_PROJECTION,
    version: 2,
    collections: [MERKLE_TREE, MERKLE_NODES, MERKLE_LEAF_TILES],
    indexes: { [MERKLE_LEAF_TILES]: [['tile'], ['firstPosition']] },
    async applyBatch(events, context): Promise<AppliedBatch> {
      const [stored] = await context.load([{ collection: MERKLE_TREE, id: FRONTIER_ID }]);
      const tree = treeStateOf((stored ?? null) as MerkleTreeDoc | null);
      const { size } = tree.frontier;
      // The leaves of a tile being filled come from its document: the frontier does not repeat them.
      const [open] =
        size % TILE_WIDTH === 0
          ? [null]
          : await context.load([{ collection: MERKLE_LEAF_TILES, id: tileId(tileOfLeaf(size)) }]);
      const openTile = [...((open as MerkleLeafTileDoc | null)?.leaves ?? [])];
      if (openTile.length !== size % TILE_WIDTH) {
        // The tile does not hold the leaves the frontier counts: appending would number leaves wrongly.
        const first = events.find((event) => event.position > context.checkpoint);
        const error = new MissingTreeNodeError(0, size - 1);
        if (first)
          return { writes: [], checkpoint: context.checkpoint, applied: 0, failure: { event: first, error } };
      }
      let state: MerkleAppendState = { ...tree, openTile };
      const writes: DocumentWrite[] = [];
      let checkpoint = context.checkpoint;
      let applied = 0;
      const finish = (): void => {
        if (state.openTile.length > 0) writes.push(tileDocOf(state.frontier.size - 1, state.openTile));
        writes.push({ collection: MERKLE_TREE, id: FRONTIER_ID, doc: treeDocOf(state) });
      };
      for (const event of events) {
        if (event.position <= context.checkpoint) continue;
        try {
          const next = appendToTree(state, event);
          writes.push(...next.writes);
          state = next.state;
        } catch (error) {
          if (applied > 0) finish();
          return { writes, checkpoint, applied, failure: { event, error } };
        }
        checkpoint = event.position;
        applied++;
      }
      if (applied > 0) finish();
      return { writes, checkpoint, applied };
    },
  };
}
