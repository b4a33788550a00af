import type { RecordedEvent } from '@ledger/domain';
import type { DocumentRef, DocumentWrite } from '@ledger/read-store';
import {
  eventLeafHash,
  inclusionProof,
  rootAt,
  rootOfLeafHashes,
  verifyEventInclusion,
  LeafOutOfOrderError,
  type NodeStore,
} from '@ledger/verifiable-log';
import {
  createMerkleLogProjection,
  MERKLE_LEAVES,
  MERKLE_NODES,
  MERKLE_TREE,
  type MerkleLeafDoc,
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

const nodeStore = (docs: Map<string, object>): NodeStore => ({
  get: (level, index) => {
    const doc = docs.get(`${MERKLE_NODES}/${level}:${index}`) as { hash: string } | undefined;
    return Promise.resolve(doc ? Buffer.from(doc.hash, 'hex') : null);
  },
});

describe('Merkle log projection', () => {
  it('numbers leaves in the order events are seen, whatever the gaps in positions (EventStoreDB)', async () => {
    const positions = [3, 7, 8, 20, 21, 40, 41];
    const { docs, checkpoint } = await project([positions.slice(0, 3), positions.slice(3)]);
    expect(checkpoint).toBe(41);
    const leaves = positions.map((p) => docs.get(`${MERKLE_LEAVES}/e-${p}`) as MerkleLeafDoc);
    expect(leaves.map((l) => l.leafIndex)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const store = nodeStore(docs);
    const expected = rootOfLeafHashes(positions.map((p) => eventLeafHash(hashOf(p)))).toString('hex');
    expect(await rootAt(store, 7)).toBe(expected);
    expect(docs.get(`${MERKLE_TREE}/frontier`)).toMatchObject({ size: 7, lastPosition: 41 });
    const proof = await inclusionProof(store, 4, 7);
    expect(verifyEventInclusion(hashOf(21), 4, 7, proof, expected)).toEqual({ ok: true });
  });

  it('gives the same documents whatever the batching (a replay or a rebuild changes nothing)', async () => {
    const positions = Array.from({ length: 13 }, (_, i) => i + 1);
    const one = await project([positions]);
    const many = await project(positions.map((p) => [p]));
    expect([...many.docs.entries()].sort()).toEqual([...one.docs.entries()].sort());
  });

  it('skips events at or below the checkpoint and stops on a position that goes back', async () => {
    const projection = createMerkleLogProjection();
    const first = await projection.applyBatch([event(1), event(2)], {
      checkpoint: 1,
      load: () => Promise.resolve([null]),
    });
    expect(first.applied).toBe(1);
    const frontier = first.writes.find((w) => w.collection === MERKLE_TREE)?.doc as object;
    const again = await projection.applyBatch([event(2)], {
      checkpoint: 0,
      load: () => Promise.resolve([frontier]),
    });
    expect(again.failure?.error).toBeInstanceOf(LeafOutOfOrderError);
    expect(again.applied).toBe(0);
  });
});
