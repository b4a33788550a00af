import type { RecordedEvent } from '@ledger/domain';
import type { DocumentRef, DocumentWrite } from '@ledger/read-store';
import {
  eventLeafHash,
  inclusionProof,
  referenceInclusionPath,
  rootAt,
  rootOfLeafHashes,
  tiledNodeStore,
  verifyEventInclusion,
  LeafOutOfOrderError,
  MissingTreeNodeError,
  TILE_HEIGHT,
  TILE_WIDTH,
  type NodeStore,
} from '@ledger/verifiable-log';
import { merkleTileSource } from './merkle-log.reader';
import {
  createMerkleLogProjection,
  MERKLE_LEAF_TILES,
  MERKLE_NODES,
  MERKLE_TREE,
  type MerkleLeafTileDoc,
} from './merkle-log.projection';

const hashOf = (n: number): string => n.toString(16).padStart(64, '0');
const event = (position: number): RecordedEvent =>
  ({ id: `e-${position}`, position, hash: hashOf(position), type: 'Any' }) as unknown as RecordedEvent;

/** Applies batches the way the runner does: load from, then commit to, one map of documents. */
async function project(batches: number[][]): Promise<{ docs: Map<string, object>; checkpoint: number }> {
  const projection = createMerkleLogProjection();
  const docs = new Map<string, object>();
  const key = (ref: DocumentRef): string => `${ref.collection}/${ref.id}`;
  let checkpoint = 0;
  for (const positions of batches) {
    const applied = await projection.applyBatch(positions.map(event), {
      checkpoint,
      load: (refs) => Promise.resolve(refs.map((ref) => docs.get(key(ref)) ?? null)),
    });
    if (applied.failure) throw applied.failure.error;
    applied.writes.forEach((w: DocumentWrite) => docs.set(key(w), w.doc as object));
    checkpoint = applied.checkpoint;
  }
  return { docs, checkpoint };
}

/** The nodes as MerkleLogReader reads them from the documents. */
const nodeStore = (docs: Map<string, object>): NodeStore =>
  tiledNodeStore(
    merkleTileSource(<T extends object>(collection: string, id: string) =>
      Promise.resolve((docs.get(`${collection}/${id}`) as T | undefined) ?? null),
    ),
  );

/** The leaves in leaf order, as their tiles hold them. */
const tiledLeaves = (docs: Map<string, object>): Array<{ position: number; leafIndex: number }> =>
  [...docs.entries()]
    .filter(([key]) => key.startsWith(`${MERKLE_LEAF_TILES}/`))
    .map(([, doc]) => doc as MerkleLeafTileDoc)
    .sort((a, b) => a.tile - b.tile)
    .flatMap((tile) =>
      tile.leaves.map((leaf, i) => ({ position: leaf.position, leafIndex: tile.tile * TILE_WIDTH + i })),
    );

describe('Merkle log projection', () => {
  it('numbers leaves in the order events are seen, whatever the gaps in positions (EventStoreDB)', async () => {
    const positions = [3, 7, 8, 20, 21, 40, 41];
    const { docs, checkpoint } = await project([positions.slice(0, 3), positions.slice(3)]);
    expect(checkpoint).toBe(41);
    expect(tiledLeaves(docs)).toEqual(positions.map((position, leafIndex) => ({ position, leafIndex })));
    const store = nodeStore(docs);
    const expected = rootOfLeafHashes(positions.map((p) => eventLeafHash(hashOf(p)))).toString('hex');
    expect(await rootAt(store, 7)).toBe(expected);
    expect(docs.get(`${MERKLE_TREE}/frontier`)).toMatchObject({ size: 7, lastPosition: 41 });
    const proof = await inclusionProof(store, 4, 7);
    expect(verifyEventInclusion(hashOf(21), 4, 7, proof, expected)).toEqual({ ok: true });
  });

  it('keeps tiles of leaves and only the nodes from the tile height up, and proves every leaf', async () => {
    const positions = Array.from({ length: 3 * TILE_WIDTH + 5 }, (_, i) => 2 * i + 1);
    const { docs } = await project([positions.slice(0, 20), positions.slice(20, 21), positions.slice(21)]);
    const keys = [...docs.keys()];
    expect(keys.filter((k) => k.startsWith(`${MERKLE_LEAF_TILES}/`)).sort()).toEqual(
      ['0', '1', '2', '3'].map((tile) => `${MERKLE_LEAF_TILES}/${tile}`),
    );
    // Complete subtrees of 16 leaves and more in a tree of 53: three of 16 and one of 32.
    expect(keys.filter((k) => k.startsWith(`${MERKLE_NODES}/`)).sort()).toEqual(
      [`${TILE_HEIGHT}:0`, `${TILE_HEIGHT}:1`, `${TILE_HEIGHT}:2`, `${TILE_HEIGHT + 1}:0`].map(
        (node) => `${MERKLE_NODES}/${node}`,
      ),
    );
    const leafHashes = positions.map((p) => eventLeafHash(hashOf(p)));
    const store = nodeStore(docs);
    for (let size = 1; size <= positions.length; size++) {
      expect(await rootAt(store, size)).toBe(rootOfLeafHashes(leafHashes.slice(0, size)).toString('hex'));
      for (let index = 0; index < size; index++)
        expect(await inclusionProof(store, index, size)).toEqual(
          referenceInclusionPath(index, leafHashes.slice(0, size)).map((b) => b.toString('hex')),
        );
    }
  });

  it('gives the same documents whatever the batching (a replay or a rebuild changes nothing)', async () => {
    const positions = Array.from({ length: 2 * TILE_WIDTH + 3 }, (_, i) => i + 1);
    const one = await project([positions]);
    const many = await project(positions.map((p) => [p]));
    expect([...many.docs.entries()].sort()).toEqual([...one.docs.entries()].sort());
  });

  it('stops at the first new event when the tile being filled lacks leaves the frontier counts', async () => {
    const { docs } = await project([[1, 2, 3]]);
    const frontier = docs.get(`${MERKLE_TREE}/frontier`) as object;
    const applied = await createMerkleLogProjection().applyBatch([event(3), event(4)], {
      checkpoint: 3,
      load: (refs) => Promise.resolve(refs.map((ref) => (ref.collection === MERKLE_TREE ? frontier : null))),
    });
    expect(applied.failure?.event.position).toBe(4);
    expect(applied.failure?.error).toBeInstanceOf(MissingTreeNodeError);
    expect(applied).toMatchObject({ applied: 0, checkpoint: 3, writes: [] });
  });

  it('skips events at or below the checkpoint and stops on a position that goes back', async () => {
    const projection = createMerkleLogProjection();
    const first = await projection.applyBatch([event(1), event(2)], {
      checkpoint: 1,
      load: () => Promise.resolve([null]),
    });
    expect(first.applied).toBe(1);
    const written = new Map(first.writes.map((w) => [w.collection, w.doc as object]));
    const again = await projection.applyBatch([event(2)], {
      checkpoint: 0,
      load: (refs) => Promise.resolve(refs.map((ref) => written.get(ref.collection) ?? null)),
    });
    expect(again.failure?.error).toBeInstanceOf(LeafOutOfOrderError);
    expect(again.applied).toBe(0);
  });
});
