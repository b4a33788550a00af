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
  type TileSource,
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

/** Reads one document of the projection's active generation, or null. */
export type MerkleDocReader = <T extends object>(collection: string, id: string) => Promise<T | null>;

/** Where the tree's tiles and stored nodes are, in the projection's documents. */
export function merkleTileSource(get: MerkleDocReader): TileSource {
  return {
    tileLeafHashes: async (tile) => {
      const doc = await get<MerkleLeafTileDoc>(MERKLE_LEAF_TILES, tileId(tile));
      return doc ? doc.leaves.map((leaf) => eventLeafHash(leaf.eventHash)) : null;
    },
    storedNodes: (refs) =>
      Promise.all(
        refs.map(async (ref) => {
          const doc = await get<MerkleNodeDoc>(MERKLE_NODES, nodeKey(ref));
          return doc ? Buffer.from(doc.hash, 'hex') : null;
        }),
      ),
  };
}

/** The leaf at `offset` in its tile, with its index in the tree. */
function leafOf(tile: MerkleLeafTileDoc, offset: number): RecordedLeaf {
  return { ...tile.leaves[offset], leafIndex: tile.tile * TILE_WIDTH + offset };
}

export class MerkleLogReader implements NodeStore {
  private readonly nodes: Required<NodeStore>;

  constructor(private readonly readStore: ReadStoreReader) {
    this.nodes = tiledNodeStore(merkleTileSource((collection, id) => this.readStore.get(collection, id)));
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
    return tile && offset >= 0 ? leafOf(tile, offset) : null;
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
      for (let offset = 0; offset < doc.leaves.length; offset++) yield leafOf(doc, offset);
    after = page.nextCursor;
  } while (after);
}
