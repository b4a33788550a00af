// The Merkle tree as readers see it (the merkle-log projection's active generation): its state, the leaf of
// an event, and the nodes a root or a proof needs, computed from the leaf tiles below TILE_HEIGHT.
import type { ReadStoreReader } from '@ledger/read-store';
import {
  eventLeafHash,
  nodeKey,
  tiledNodeStore,
  TILE_WIDTH,
  type NodeRef,
  type NodeStore,
} from '@ledger/verifiable-log';
import type { RecordedLeaf } from './log-audit';
import {
  FRONTIER_ID,
  MERKLE_LEAF_TILES,
  MERKLE_NODES,
  MERKLE_TREE,
  tileId,
  treeStateOf,
  type MerkleLeafTileDoc,
  type MerkleNodeDoc,
  type MerkleTreeDoc,
  type MerkleTreeState,
} from './merkle-log.projection';

export class MerkleLogReader implements NodeStore {
  private readonly nodes: Required<NodeStore>;

  constructor(private readonly readStore: ReadStoreReader) {
    this.nodes = tiledNodeStore({
      tileLeafHashes: async (tile) => {
        const doc = await this.readStore.get<MerkleLeafTileDoc>(MERKLE_LEAF_TILES, tileId(tile));
        return doc ? doc.leaves.map((leaf) => eventLeafHash(leaf.eventHash)) : null;
      },
      storedNodes: (refs) =>
        Promise.all(
          refs.map(async (ref) => {
            const doc = await this.readStore.get<MerkleNodeDoc>(MERKLE_NODES, nodeKey(ref));
            return doc ? Buffer.from(doc.hash, 'hex') : null;
          }),
        ),
    });
  }

  async state(): Promise<MerkleTreeState> {
    return treeStateOf(await this.readStore.get<MerkleTreeDoc>(MERKLE_TREE, FRONTIER_ID));
  }

  /** The leaf of the event at `position`, or null when the tree does not hold that position (yet). */
  async leafAt(position: number): Promise<RecordedLeaf | null> {
    const page = await this.readStore.find<MerkleLeafTileDoc>(MERKLE_LEAF_TILES, {
      where: { firstPosition: { lte: position } },
      orderBy: [{ field: 'firstPosition', direction: 'desc' }],
      limit: 1,
    });
    const tile = page.items[0]?.doc;
    const offset = tile ? tile.leaves.findIndex((leaf) => leaf.position === position) : -1;
    if (!tile || offset < 0) return null;
    return { ...tile.leaves[offset], leafIndex: tile.tile * TILE_WIDTH + offset };
  }

  get(level: number, index: number): Promise<Uint8Array | null> {
    return this.nodes.get(level, index);
  }

  getMany(refs: readonly NodeRef[]): Promise<ReadonlyArray<Uint8Array | null>> {
    return this.nodes.getMany(refs);
  }
}

/** The leaves as the projection recorded them, in leaf order: what `verify` compares the events with. */
export async function* recordedLeaves(readStore: ReadStoreReader): AsyncIterable<RecordedLeaf> {
  let after: string | undefined;
  do {
    const page = await readStore.find<MerkleLeafTileDoc>(MERKLE_LEAF_TILES, {
      orderBy: [{ field: 'tile' }],
      limit: 100,
      ...(after ? { after } : {}),
    });
    for (const { doc } of page.items)
      for (const [offset, leaf] of doc.leaves.entries())
        yield { ...leaf, leafIndex: doc.tile * TILE_WIDTH + offset };
    after = page.nextCursor;
  } while (after);
}
