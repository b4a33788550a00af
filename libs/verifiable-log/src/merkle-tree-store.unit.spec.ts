import {
  appendEvent,
  appendLeafHash,
  appendLeafHashes,
  consistencyProof,
  consistencyProofPlan,
  EMPTY_FRONTIER,
  frontierRoot,
  inclusionProof,
  inclusionProofPlan,
  InMemoryNodeStore,
  loadFrontier,
  nodeKey,
  planNodes,
  rootAt,
  type NodeRef,
  type NodeStore,
  type TreeFrontier,
  type TreeNode,
} from './merkle-tree-store';
import {
  eventLeafHash,
  leafHash,
  referenceConsistencyProof,
  referenceInclusionPath,
  rootOfLeafHashes,
} from './rfc6962';
import { fakeEventHash, leafInputs, seededRandom, vectors } from './testing/vectors';
import {
  CorruptTreeNodeError,
  LeafOutOfOrderError,
  MissingTreeNodeError,
  TreeRangeError,
} from './verifiable-log.errors';

const hex = (buffers: readonly Buffer[]): string[] => buffers.map((b) => b.toString('hex'));

/** Builds a tree leaf by leaf, persisting what each append says to write. */
function buildTree(leafHashes: readonly Buffer[]): {
  store: InMemoryNodeStore;
  frontier: TreeFrontier;
  writesPerAppend: number[];
} {
  const store = new InMemoryNodeStore();
  let frontier = EMPTY_FRONTIER;
  const writesPerAppend: number[] = [];
  for (const leaf of leafHashes) {
    const append = appendLeafHash(frontier, leaf);
    store.put(append.writes);
    writesPerAppend.push(append.writes.length);
    frontier = append.frontier;
  }
  return { store, frontier, writesPerAppend };
}

/** Counts the nodes read through a store, per call of the tree. */
class CountingNodeStore implements NodeStore {
  reads = 0;
  constructor(private readonly inner: NodeStore) {}
  get(level: number, index: number): Promise<Uint8Array | null> {
    this.reads += 1;
    return this.inner.get(level, index);
  }
}

const log2ceil = (n: number): number => Math.ceil(Math.log2(n));

describe('incremental tree against the RFC 6962 vectors', () => {
  const { store, frontier } = buildTree(leafInputs.map(leafHash));

  it('has the root of every size, and the frontier the root of the last', async () => {
    for (let size = 0; size <= 8; size++)
      expect(await rootAt(store, size)).toBe(vectors.rootHashesBySize[size]);
    expect(frontierRoot(frontier)).toBe(vectors.rootHashesBySize[8]);
    expect(frontierRoot(EMPTY_FRONTIER)).toBe(vectors.rootHashesBySize[0]);
  });

  it.each(vectors.inclusionProofs.map((v) => [v.leafIndex, v.treeSize, v.proof]))(
    'inclusion proof of leaf %i in size %i',
    async (index, size, proof) => {
      expect(await inclusionProof(store, index as number, size as number)).toEqual(proof);
    },
  );

  it.each(vectors.consistencyProofs.map((v) => [v.size1, v.size2, v.proof]))(
    'consistency proof from %i to %i',
    async (m, n, proof) => {
      expect(await consistencyProof(store, m as number, n as number)).toEqual(proof);
    },
  );
});

describe('a large tree built incrementally', () => {
  const size = 1100;
  const leaves = Array.from({ length: size }, (_, i) => eventLeafHash(fakeEventHash(i)));
  const { store, writesPerAppend } = buildTree(leaves);
  const random = seededRandom(6962);
  // Edges (powers of two and their neighbours) and random sizes in between.
  const sizes = [
    ...new Set([
      ...Array.from({ length: 40 }, (_, i) => i + 1),
      ...[63, 64, 65, 127, 128, 129, 255, 256, 257, 511, 512, 513, 1023, 1024, 1025, size - 1, size],
      ...Array.from({ length: 30 }, () => 1 + random(size)),
    ]),
  ].sort((a, b) => a - b);

  it('gives the reference root for every size', async () => {
    for (let m = 0; m <= size; m++) {
      expect(await rootAt(store, m)).toBe(rootOfLeafHashes(leaves.slice(0, m)).toString('hex'));
    }
  });

  it('gives the reference inclusion proofs', async () => {
    for (const m of sizes) {
      const prefix = leaves.slice(0, m);
      const indexes = new Set([0, m - 1, Math.floor(m / 2), ...Array.from({ length: 6 }, () => random(m))]);
      for (const i of indexes)
        expect(await inclusionProof(store, i, m)).toEqual(hex(referenceInclusionPath(i, prefix)));
    }
  });

  it('gives the reference consistency proofs', async () => {
    for (const n of sizes) {
      const prefix = leaves.slice(0, n);
      const olds = new Set([
        0,
        1,
        n - 1,
        n,
        Math.floor(n / 2),
        ...Array.from({ length: 6 }, () => 1 + random(n)),
      ]);
      for (const m of olds)
        expect(await consistencyProof(store, m, n)).toEqual(hex(referenceConsistencyProof(m, prefix)));
    }
  });

  it('writes 1 + (trailing ones of the old size) nodes per append, one per completed subtree', () => {
    writesPerAppend.forEach((writes, i) => {
      let trailingOnes = 0;
      for (let s = i; s % 2 === 1; s = Math.floor(s / 2)) trailingOnes += 1;
      expect(writes).toBe(1 + trailingOnes);
    });
    expect(store.nodeCount).toBe(2 * size - [...size.toString(2)].filter((bit) => bit === '1').length);
  });

  it('reads O(log n) nodes per root and proof, never the leaves', async () => {
    const counting = new CountingNodeStore(store);
    const measure = async (read: () => Promise<unknown>): Promise<number> => {
      counting.reads = 0;
      await read();
      return counting.reads;
    };
    let worst = 0;
    for (let n = 2; n <= size; n += n < 200 ? 1 : 7) {
      const bound = 2 * log2ceil(n) + 2;
      expect(await measure(() => rootAt(counting, n))).toBeLessThanOrEqual(log2ceil(n) + 1);
      for (const i of [0, n - 1, Math.floor(n / 3), random(n)]) {
        const reads = await measure(() => inclusionProof(counting, i, n));
        expect(reads).toBeLessThanOrEqual(bound);
        worst = Math.max(worst, reads / log2ceil(n));
      }
      for (const m of [1, n - 1, Math.floor(n / 2), 1 + random(n - 1)]) {
        const reads = await measure(() => consistencyProof(counting, m, n));
        expect(reads).toBeLessThanOrEqual(bound);
      }
    }
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('stays within the bound for every leaf and every pair of sizes up to 130', () => {
    for (let n = 1; n <= 130; n++) {
      const bound = 2 * log2ceil(n) + 2;
      for (let i = 0; i < n; i++)
        expect(planNodes(inclusionProofPlan(i, n)).length).toBeLessThanOrEqual(bound);
      for (let m = 0; m <= n; m++)
        expect(planNodes(consistencyProofPlan(m, n)).length).toBeLessThanOrEqual(bound);
    }
  });

  it('answers a whole proof with one batch read when the store has getMany', async () => {
    const calls: number[] = [];
    const batching: NodeStore = {
      get: () => Promise.reject(new Error('get must not be used when getMany exists')),
      getMany: async (refs: readonly NodeRef[]) => {
        calls.push(refs.length);
        return Promise.all(refs.map((ref) => store.get(ref.level, ref.index)));
      },
    };
    expect(await inclusionProof(batching, 700, 1000)).toEqual(await inclusionProof(store, 700, 1000));
    expect(await consistencyProof(batching, 333, 1000)).toEqual(await consistencyProof(store, 333, 1000));
    expect(calls).toHaveLength(2);
    const plan = inclusionProofPlan(700, 1000);
    expect(calls[0]).toBe(planNodes(plan).length);
  });
});

describe('writing', () => {
  it('resumes from a stored size with the same frontier and the same writes', async () => {
    const leaves = Array.from({ length: 300 }, (_, i) => eventLeafHash(fakeEventHash(i)));
    const whole = buildTree(leaves);
    for (const at of [0, 1, 2, 3, 127, 128, 129, 255, 299]) {
      const resumed = await loadFrontier(whole.store, at);
      const head = appendLeafHashes(EMPTY_FRONTIER, leaves.slice(0, at));
      expect(resumed).toEqual(head.frontier);
      const rest = appendLeafHashes(resumed, leaves.slice(at));
      expect(frontierRoot(rest.frontier)).toBe(frontierRoot(whole.frontier));
      expect(rest.frontier).toEqual(whole.frontier);
    }
  });

  it('writes the same nodes when the same events are applied again (a replay changes nothing)', () => {
    const leaves = Array.from({ length: 50 }, (_, i) => eventLeafHash(fakeEventHash(i)));
    const first = appendLeafHashes(EMPTY_FRONTIER, leaves);
    const again = appendLeafHashes(EMPTY_FRONTIER, leaves);
    expect(again.writes).toEqual(first.writes);
    const keys = first.writes.map(nodeKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('appends events strictly by position', () => {
    const first = appendEvent(EMPTY_FRONTIER, { position: 1, hash: fakeEventHash(1) });
    expect(first.writes).toEqual([{ level: 0, index: 0, hash: eventLeafHash(fakeEventHash(1)) }]);
    const second = appendEvent(first.frontier, { position: 2, hash: fakeEventHash(2) });
    expect(second.writes.map(nodeKey)).toEqual(['0:1', '1:0']);
    expect(() => appendEvent(second.frontier, { position: 4, hash: fakeEventHash(4) })).toThrow(
      LeafOutOfOrderError,
    );
    expect(() => appendEvent(second.frontier, { position: 2, hash: fakeEventHash(2) })).toThrow(
      LeafOutOfOrderError,
    );
    expect(() => appendEvent(second.frontier, { position: 3, hash: 'not-a-hash' })).toThrow(TypeError);
    expect(() => appendLeafHash(EMPTY_FRONTIER, Buffer.alloc(31))).toThrow(TreeRangeError);
  });

  it('does not share buffers with the caller', () => {
    const leaf = eventLeafHash(fakeEventHash(9));
    const append = appendLeafHash(EMPTY_FRONTIER, leaf);
    leaf.fill(0);
    expect(append.writes[0].hash).toEqual(eventLeafHash(fakeEventHash(9)));
  });
});

describe('reading past the tree or a damaged store', () => {
  const { store } = buildTree(Array.from({ length: 10 }, (_, i) => eventLeafHash(fakeEventHash(i))));

  it('throws MissingTreeNodeError for any size beyond the stored one', async () => {
    await expect(rootAt(store, 11)).rejects.toThrow(MissingTreeNodeError);
    await expect(inclusionProof(store, 3, 11)).rejects.toThrow(MissingTreeNodeError);
    await expect(consistencyProof(store, 5, 12)).rejects.toThrow(MissingTreeNodeError);
    await expect(loadFrontier(store, 16)).rejects.toThrow(MissingTreeNodeError);
  });

  it('throws CorruptTreeNodeError for a stored value that is not 32 bytes', async () => {
    const damaged: NodeStore = {
      get: (level, index) =>
        level === 1 && index === 4 ? Promise.resolve(Buffer.alloc(31)) : store.get(level, index),
    };
    await expect(rootAt(damaged, 10)).rejects.toThrow(CorruptTreeNodeError);
  });

  it('throws TreeRangeError for indexes and sizes out of range', () => {
    expect(() => inclusionProofPlan(10, 10)).toThrow(TreeRangeError);
    expect(() => inclusionProofPlan(0, 0)).toThrow(TreeRangeError);
    expect(() => inclusionProofPlan(-1, 4)).toThrow(TreeRangeError);
    expect(() => inclusionProofPlan(1.5, 4)).toThrow(TreeRangeError);
    expect(() => consistencyProofPlan(5, 4)).toThrow(TreeRangeError);
    expect(() => consistencyProofPlan(-1, 4)).toThrow(TreeRangeError);
    expect(consistencyProofPlan(0, 4)).toEqual([]);
    expect(consistencyProofPlan(4, 4)).toEqual([]);
  });

  it('plans only perfect subtrees (stored nodes) and stays in range for trees beyond 2^32 leaves', () => {
    const n = 2 ** 40 + 12345;
    const check = (refs: readonly TreeNode[] | readonly NodeRef[]): void => {
      for (const ref of refs) {
        expect(Number.isSafeInteger(ref.index)).toBe(true);
        expect((ref.index + 1) * 2 ** ref.level).toBeLessThanOrEqual(n);
      }
    };
    const inclusion = inclusionProofPlan(2 ** 39 + 7, n);
    expect(inclusion.length).toBe(41);
    check(planNodes(inclusion));
    check(planNodes(consistencyProofPlan(2 ** 35 + 3, n)));
  });
});
