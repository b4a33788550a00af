// The lowest levels of the tree kept as tiles of leaves instead of one document per node.
//
// An append completes on average two nodes (merkle-tree-store.ts); stored one document each, with a document
// per leaf besides, the tree would cost three writes per event, as much as everything else a ledger event
// writes. The nodes below level TILE_HEIGHT are instead recomputed when read, from the leaf hashes of the
// tile of TILE_WIDTH leaves they lie in: a tile is one document, written as its leaves arrive, and only the
// nodes at TILE_HEIGHT and above (one per TILE_WIDTH leaves, and their parents) are stored on their own. A
// proof still reads O(log n) documents: every node below TILE_HEIGHT on a leaf's path, and its siblings,
// lie in that leaf's tile or in the last tile on the right edge. The idea is that of the "tiles" of
// transparency logs (Russ Cox, "Transparent Logs for Skeptical Clients"), with a height of 4.
import type { NodeRef, NodeStore, TreeNode } from './merkle-tree-store';
import { nodeKey } from './merkle-tree-store';
import { rootOfLeafHashes } from './rfc6962';

/** Levels below this are computed from a tile's leaves; this level and above are stored as nodes. */
export const TILE_HEIGHT = 4;
/** Leaves per tile: 2^TILE_HEIGHT. Tile t holds leaves [t * TILE_WIDTH, (t + 1) * TILE_WIDTH). */
export const TILE_WIDTH = 2 ** TILE_HEIGHT;

/** Whether the node is stored on its own (else it is computed from its tile). */
export function storedAsNode(ref: NodeRef): boolean {
  return ref.level >= TILE_HEIGHT;
}

/** The tile holding the leaf with this index. */
export function tileOfLeaf(leafIndex: number): number {
  return Math.floor(leafIndex / TILE_WIDTH);
}

/** Where a node below TILE_HEIGHT lies: its tile, and the leaves of the tile it covers. */
export function tileSpan(ref: NodeRef): { tile: number; offset: number; width: number } {
  const width = 2 ** ref.level;
  const first = ref.index * width;
  return { tile: tileOfLeaf(first), offset: first % TILE_WIDTH, width };
}

/** What reading a tiled tree needs: a tile's leaf hashes and the nodes stored on their own. */
export interface TileSource {
  /** The leaf hashes of tile `tile` in leaf order (fewer than TILE_WIDTH while it fills), or null. */
  tileLeafHashes(tile: number): Promise<readonly Uint8Array[] | null>;
  /** Nodes at TILE_HEIGHT and above, aligned with refs (null where missing). */
  storedNodes(refs: readonly NodeRef[]): Promise<ReadonlyArray<Uint8Array | null>>;
}

/**
 * A NodeStore over tiles: each tile and each stored node is read once per call, and a node below
 * TILE_HEIGHT is the root of its leaves, or null while its tile lacks one of them.
 */
export function tiledNodeStore(source: TileSource): Required<NodeStore> {
  const getMany = async (refs: readonly NodeRef[]): Promise<Array<Uint8Array | null>> => {
    const stored = refs.filter(storedAsNode);
    const tiles = [...new Set(refs.filter((ref) => !storedAsNode(ref)).map((ref) => tileSpan(ref).tile))];
    const [nodes, leaves] = await Promise.all([
      stored.length > 0 ? source.storedNodes(stored) : Promise.resolve([]),
      Promise.all(tiles.map((tile) => source.tileLeafHashes(tile))),
    ]);
    const storedByKey = new Map(stored.map((ref, i) => [nodeKey(ref), nodes[i] ?? null]));
    const leavesOfTile = new Map(tiles.map((tile, i) => [tile, leaves[i]]));
    return refs.map((ref) => {
      if (storedAsNode(ref)) return storedByKey.get(nodeKey(ref)) ?? null;
      const { tile, offset, width } = tileSpan(ref);
      const hashes = leavesOfTile.get(tile);
      if (!hashes || hashes.length < offset + width) return null;
      return width === 1 ? hashes[offset] : rootOfLeafHashes(hashes.slice(offset, offset + width));
    });
  };
  return {
    getMany,
    get: async (level, index) => (await getMany([{ level, index }]))[0],
  };
}

/** Of the nodes an append completed, those stored on their own. */
export function nodesToStore(writes: readonly TreeNode[]): TreeNode[] {
  return writes.filter(storedAsNode);
}
