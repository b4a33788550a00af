import {
  appendLeafHash,
  consistencyProof,
  EMPTY_FRONTIER,
  inclusionProof,
  InMemoryNodeStore,
  rootAt,
} from './merkle-tree-store';
import { emptyTreeRoot, eventLeafHash, leafHash } from './rfc6962';
import {
  fakeEventHash,
  leafInputs,
  oneByteMutations,
  oneByteMutationsOfHash,
  seededRandom,
  vectors,
} from './testing/vectors';
import { verifyConsistency, verifyEventInclusion, verifyInclusion, type Verification } from './verifier';

const leafHashHex = (i: number): string => leafHash(leafInputs[i]).toString('hex');
const root = (size: number): string => vectors.rootHashesBySize[size];
const otherHash = 'c0'.repeat(32);

function expectFailure(result: Verification): void {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.reason).toMatch(/\w/);
}

/** Changes of a proof's shape that must all fail: truncated, extended, reordered. */
function reshaped(proof: readonly string[], extra: string): string[][] {
  const shapes: string[][] = [
    [...proof, extra],
    [extra, ...proof],
    [...proof, ...proof.slice(-1)],
  ];
  if (proof.length > 0) shapes.push(proof.slice(0, -1), proof.slice(1));
  if (proof.length > 1) shapes.push([...proof].reverse(), [proof[1], proof[0], ...proof.slice(2)]);
  return shapes.filter((shape) => shape.join() !== proof.join());
}

describe('verifyInclusion on the RFC 6962 vectors', () => {
  it.each(vectors.inclusionProofs.map((v) => [v.leafIndex, v.treeSize, v.proof]))(
    'leaf %i in size %i: holds, and fails once anything is changed',
    (i, n, p) => {
      const [index, size, proof] = [i as number, n as number, p as string[]];
      const leaf = leafHashHex(index);
      expect(verifyInclusion(leaf, index, size, proof, root(size))).toEqual({ ok: true });
      // Bytes and hex are the same thing to the verifier.
      expect(
        verifyInclusion(
          Buffer.from(leaf, 'hex'),
          index,
          size,
          proof.map((h) => Buffer.from(h, 'hex')),
          root(size),
        ).ok,
      ).toBe(true);

      for (const mutated of oneByteMutations(proof))
        expectFailure(verifyInclusion(leaf, index, size, mutated, root(size)));
      for (const mutated of oneByteMutationsOfHash(leaf))
        expectFailure(verifyInclusion(mutated, index, size, proof, root(size)));
      for (const mutated of oneByteMutationsOfHash(root(size)))
        expectFailure(verifyInclusion(leaf, index, size, proof, mutated));
      for (const shape of reshaped(proof, otherHash))
        expectFailure(verifyInclusion(leaf, index, size, shape, root(size)));
      // Another leaf of the same tree, the same leaf at another index, the root of another size.
      for (let other = 0; other < size; other++) {
        if (other === index) continue;
        expectFailure(verifyInclusion(leafHashHex(other), index, size, proof, root(size)));
        expectFailure(verifyInclusion(leaf, other, size, proof, root(size)));
      }
      for (let other = 1; other <= 8; other++)
        if (other !== size) expectFailure(verifyInclusion(leaf, index, size, proof, root(other)));
      // The leaf input itself is not the leaf hash.
      if (leafInputs[index].length === 32)
        expectFailure(verifyInclusion(leafInputs[index], index, size, proof, root(size)));
    },
  );
});

describe('verifyConsistency on the RFC 6962 vectors', () => {
  it.each(vectors.consistencyProofs.map((v) => [v.size1, v.size2, v.proof]))(
    'from %i to %i: holds, and fails once anything is changed',
    (a, b, p) => {
      const [m, n, proof] = [a as number, b as number, p as string[]];
      expect(verifyConsistency(m, n, root(m), root(n), proof)).toEqual({ ok: true });

      for (const mutated of oneByteMutations(proof))
        expectFailure(verifyConsistency(m, n, root(m), root(n), mutated));
      for (const mutated of oneByteMutationsOfHash(root(m)))
        expectFailure(verifyConsistency(m, n, mutated, root(n), proof));
      for (const mutated of oneByteMutationsOfHash(root(n)))
        expectFailure(verifyConsistency(m, n, root(m), mutated, proof));
      const extras = [otherHash, root(m), root(n)];
      for (const extra of extras)
        for (const shape of reshaped(proof, extra))
          expectFailure(verifyConsistency(m, n, root(m), root(n), shape));
      // Roots of other sizes in place of the right ones.
      for (let other = 1; other <= 8; other++) {
        if (root(other) === root(m) || root(other) === root(n)) continue;
        expectFailure(verifyConsistency(m, n, root(other), root(n), proof));
        expectFailure(verifyConsistency(m, n, root(m), root(other), proof));
      }
    },
  );

  it('takes any tree as an extension of the empty one, whose root is fixed', () => {
    const empty = emptyTreeRoot().toString('hex');
    expect(verifyConsistency(0, 5, empty, root(5), []).ok).toBe(true);
    expect(verifyConsistency(0, 0, empty, empty, []).ok).toBe(true);
    expectFailure(verifyConsistency(0, 5, root(1), root(5), []));
    expectFailure(verifyConsistency(0, 5, empty, root(5), [root(5)]));
  });
});

describe('verifier on a large tree', () => {
  const size = 1500;
  const events = Array.from({ length: size }, (_, i) => fakeEventHash(i));
  const store = new InMemoryNodeStore();
  let frontier = EMPTY_FRONTIER;
  for (const event of events) {
    const append = appendLeafHash(frontier, eventLeafHash(event));
    store.put(append.writes);
    frontier = append.frontier;
  }
  const random = seededRandom(9162);

  it('accepts inclusion proofs of events for many (leaf, size)', async () => {
    for (let k = 0; k < 400; k++) {
      const n = 1 + random(size);
      const i = random(n);
      const proof = await inclusionProof(store, i, n);
      expect(verifyEventInclusion(events[i], i, n, proof, await rootAt(store, n))).toEqual({ ok: true });
    }
  });

  it('accepts consistency proofs for many (m, n)', async () => {
    for (let k = 0; k < 400; k++) {
      const n = 1 + random(size);
      const m = random(n + 1);
      const proof = await consistencyProof(store, m, n);
      expect(verifyConsistency(m, n, await rootAt(store, m), await rootAt(store, n), proof)).toEqual({
        ok: true,
      });
    }
  });

  it('rejects every one-byte change and every reshaping of large proofs', async () => {
    for (const [i, n] of [
      [0, size],
      [size - 1, size],
      [777, 1025],
      [1024, 1025],
      [513, 1000],
    ]) {
      const proof = await inclusionProof(store, i, n);
      const rootN = await rootAt(store, n);
      for (const mutated of oneByteMutations(proof, [0x01, 0x10, 0xff]))
        expectFailure(verifyEventInclusion(events[i], i, n, mutated, rootN));
      for (const shape of reshaped(proof, otherHash))
        expectFailure(verifyEventInclusion(events[i], i, n, shape, rootN));
    }
    for (const [m, n] of [
      [1, size],
      [1024, 1025],
      [1025, size],
      [333, 1000],
      [999, 1000],
    ]) {
      const proof = await consistencyProof(store, m, n);
      const [rootM, rootN] = [await rootAt(store, m), await rootAt(store, n)];
      for (const mutated of oneByteMutations(proof, [0x01, 0x10, 0xff]))
        expectFailure(verifyConsistency(m, n, rootM, rootN, mutated));
      for (const shape of reshaped(proof, otherHash))
        expectFailure(verifyConsistency(m, n, rootM, rootN, shape));
    }
  });
});

describe('verifier on malformed input', () => {
  const leaf = leafHashHex(2);
  const proof = vectors.inclusionProofs.find((v) => v.leafIndex === 2 && v.treeSize === 5)?.proof ?? [];

  it('fails with a reason, never throws', () => {
    const cases: Array<() => Verification> = [
      () => verifyInclusion(leaf, 5, 5, proof, root(5)),
      () => verifyInclusion(leaf, -1, 5, proof, root(5)),
      () => verifyInclusion(leaf, 2, 0, [], root(0)),
      () => verifyInclusion(leaf, 2.5, 5, proof, root(5)),
      () => verifyInclusion(leaf, 2, Number.NaN, proof, root(5)),
      () => verifyInclusion(leaf, 2, 2 ** 60, proof, root(5)),
      () => verifyInclusion(leaf.slice(2), 2, 5, proof, root(5)),
      () => verifyInclusion(`${leaf.slice(2)}zz`, 2, 5, proof, root(5)),
      () => verifyInclusion(Buffer.alloc(31), 2, 5, proof, root(5)),
      () => verifyInclusion(leaf, 2, 5, [...proof.slice(0, -1), proof[proof.length - 1].slice(1)], root(5)),
      () => verifyInclusion(leaf, 2, 5, [proof[0], `${proof[1]}00`], root(5)),
      () => verifyInclusion(leaf, 2, 5, proof, ''),
      () =>
        verifyInclusion(
          leaf,
          2,
          5,
          Array.from({ length: 1000 }, () => otherHash),
          root(5),
        ),
      () => verifyInclusion(leaf, 2, 5, null as unknown as string[], root(5)),
      () => verifyInclusion(leaf, 2, 5, [42] as unknown as string[], root(5)),
      () => verifyInclusion(undefined as unknown as string, 2, 5, proof, root(5)),
      () => verifyEventInclusion('not an event hash', 2, 5, proof, root(5)),
      () => verifyConsistency(5, 3, root(5), root(3), []),
      () => verifyConsistency(3, 5, root(3), root(5), []),
      () => verifyConsistency(3, 3, root(3), root(3), [otherHash]),
      () => verifyConsistency(3, 3, root(3), root(4), []),
      () => verifyConsistency(-1, 3, root(1), root(3), []),
      () => verifyConsistency(3, 5, 'xyz', root(5), [otherHash]),
      () => verifyConsistency(3, 5, root(3), root(5), 'abc' as unknown as string[]),
      () => verifyConsistency(3, 5, root(3), root(5), [Buffer.alloc(33)]),
    ];
    for (const check of cases) {
      let result: Verification | undefined;
      expect(() => (result = check())).not.toThrow();
      expect(result?.ok).toBe(false);
    }
  });

  it('says why', () => {
    expect(verifyInclusion(leaf, 5, 5, proof, root(5))).toEqual({
      ok: false,
      reason: 'leaf index 5 is not in a tree of 5 leaves',
    });
    expect(verifyInclusion(leaf, 2, 5, proof, root(4))).toEqual({
      ok: false,
      reason: 'the proof does not lead to the root hash',
    });
    expect(verifyInclusion(leaf, 2, 5, proof.slice(1), root(5))).toEqual({
      ok: false,
      reason: 'the proof is shorter than the path of this leaf',
    });
  });
});
