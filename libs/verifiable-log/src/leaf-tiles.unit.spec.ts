import {
  nodesToStore,
  storedAsNode,
  TILE_HEIGHT,
  TILE_WIDTH,
  tileOfLeaf,
  tiledNodeStore,
  tileSpan,
  type TileSource,
} from './leaf-tiles';
import {
  appendLeafHash,
  consistencyProof,
  EMPTY_FRONTIER,
  inclusionProof,
  nodeKey,
  rootAt,
  type NodeRef,
  type TreeFrontier,
} from './merkle-tree-store';
import {
  eventLeafHash,
  leafHash,
  referenceConsistencyProof,
  referenceInclusionPath,
  rootOfLeafHashes,
} from './rfc6962';
import { fakeEventHash, leafInputs, seededRandom, vectors } from './testing/vectors';
import { MissingTreeNodeError } from './verifiable-log.errors';

const hex = (buffers: readonly Buffer[]): string[] => buffers.map((b) => b.toString('hex'));

/** Tiles and stored nodes as a projection keeps them after appending every leaf; counts what is read. */
class TiledTree implements TileSource {
  readonly tiles = new Map<number, Buffer[]>();
  readonly nodes = new Map<string, Buffer>();
  nodesWritten = 0;
  reads = 0;
  frontier: TreeFrontier = EMPTY_FRONTIER;

  constructor(leafHashes: readonly Buffer[]) {
    for (const leaf of leafHashes) {
      const tile = tileOfLeaf(this.frontier.size);
      this.tiles.set(tile, [...(this.tiles.get(tile) ?? []), leaf]);
      const append = appendLeafHash(this.frontier, leaf);
      for (const node of nodesToStore(append.writes)) this.nodes.set(nodeKey(node), node.hash);
      this.nodesWritten += nodesToStore(append.writes).length;
      this.frontier = append.frontier;
    }
  }

  tileLeafHashes(tile: number): Promise<readonly Uint8Array[] | null> {
    this.reads += 1;
    return Promise.resolve(this.tiles.get(tile) ?? null);
  }

  storedNodes(refs: readonly NodeRef[]): Promise<Array<Uint8Array | null>> {
    this.reads += refs.length;
    return Promise.resolve(refs.map((ref) => this.nodes.get(nodeKey(ref)) ?? null));
  }
}

describe('leaf tiles', () => {
  it('place a node below the tile height in the tile of its first leaf', () => {
    expect(TILE_WIDTH).toBe(2 ** TILE_HEIGHT);
    expect(tileSpan({ level: 0, index: 37 })).toEqual({ tile: 2, offset: 5, width: 1 });
    expect(tileSpan({ level: 2, index: 9 })).toEqual({ tile: 2, offset: 4, width: 4 });
    expect(tileSpan({ level: 3, index: 5 })).toEqual({ tile: 2, offset: 8, width: 8 });
    expect(storedAsNode({ level: TILE_HEIGHT - 1, index: 0 })).toBe(false);
    expect(storedAsNode({ level: TILE_HEIGHT, index: 0 })).toBe(true);
  });

  it('give the RFC 6962 vectors for trees of 1 to 8 leaves', async () => {
    const store = tiledNodeStore(new TiledTree(leafInputs.map(leafHash)));
    for (let size = 0; size <= 8; size++)
      expect(await rootAt(store, size)).toBe(vectors.rootHashesBySize[size]);
    for (const v of vectors.inclusionProofs)
      expect(await inclusionProof(store, v.leafIndex, v.treeSize)).toEqual(v.proof);
    for (const v of vectors.consistencyProofs)
      expect(await consistencyProof(store, v.size1, v.size2)).toEqual(v.proof);
  });

  describe('over a tree of 1,100 leaves', () => {
    const size = 1100;
    const leaves = Array.from({ length: size }, (_, i) => eventLeafHash(fakeEventHash(i)));
    const tree = new TiledTree(leaves);
    const store = tiledNodeStore(tree);
    const random = seededRandom(1604);
    const sizes = [
      ...new Set([
        ...Array.from({ length: 40 }, (_, i) => i + 1),
        ...[255, 256, 257, 1023, 1024, 1025, size],
        ...Array.from({ length: 20 }, () => 1 + random(size)),
      ]),
    ].sort((a, b) => a - b);

    it('stores one node per tile width of leaves and their parents, not the two per leaf of a node store', () => {
      // Completed nodes at level TILE_HEIGHT and above: the sum over levels of floor(size / 2^level).
      let expected = 0;
      for (let width = TILE_WIDTH; width <= size; width *= 2) expected += Math.floor(size / width);
      expect(tree.nodesWritten).toBe(expected);
      expect(tree.nodes.size).toBe(expected);
      expect(tree.tiles.size).toBe(Math.ceil(size / TILE_WIDTH));
    });

    it('gives the reference root of every size around the tile edges', async () => {
      for (const m of [0, ...sizes, ...Array.from({ length: 3 * TILE_WIDTH }, (_, i) => 500 + i)])
        expect(await rootAt(store, m)).toBe(rootOfLeafHashes(leaves.slice(0, m)).toString('hex'));
    });

    it('gives the reference inclusion and consistency proofs', async () => {
      for (const n of sizes) {
        const prefix = leaves.slice(0, n);
        for (const i of new Set([0, n - 1, Math.floor(n / 2), random(n), random(n)]))
          expect(await inclusionProof(store, i, n)).toEqual(hex(referenceInclusionPath(i, prefix)));
        for (const m of new Set([0, 1, n, Math.floor(n / 2), 1 + random(n)]))
          expect(await consistencyProof(store, m, n)).toEqual(hex(referenceConsistencyProof(m, prefix)));
      }
    });

    it('reads O(log n) documents for a proof', async () => {
      tree.reads = 0;
      await inclusionProof(store, 517, size);
      // At most the leaf's tile, the last tile of the right edge, and one stored node per level above.
      expect(tree.reads).toBeLessThanOrEqual(2 + Math.ceil(Math.log2(size)) - TILE_HEIGHT + 1);
    });
  });

  it('answer null for a node whose tile lacks one of its leaves, so a proof beyond the tree fails', async () => {
    const tree = new TiledTree(Array.from({ length: 21 }, (_, i) => eventLeafHash(fakeEventHash(i))));
    const store = tiledNodeStore(tree);
    expect(await store.get(0, 20)).not.toBeNull();
    expect(await store.get(0, 21)).toBeNull();
    expect(await store.get(2, 5)).toBeNull(); // leaves 20..23
    expect(await store.get(2, 4)).not.toBeNull(); // leaves 16..19
    expect(await store.get(TILE_HEIGHT, 1)).toBeNull();
    await expect(rootAt(store, 22)).rejects.toBeInstanceOf(MissingTreeNodeError);
  });
});
