import { createHash } from 'node:crypto';
import {
  emptyTreeRoot,
  eventLeafHash,
  eventLeafInput,
  isPowerOfTwo,
  leafHash,
  nodeHash,
  referenceConsistencyProof,
  referenceInclusionPath,
  rootOf,
  rootOfLeafHashes,
  splitPoint,
} from './rfc6962';
import { leafInputs, vectors } from './testing/vectors';

const sha256 = (...parts: Uint8Array[]): string => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
};
const hex = (buffers: readonly Buffer[]): string[] => buffers.map((b) => b.toString('hex'));

describe('RFC 6962 hashing', () => {
  it('prefixes leaves with 0x00 and interior nodes with 0x01', () => {
    const a = Buffer.from('a');
    const l = Buffer.alloc(32, 1);
    const r = Buffer.alloc(32, 2);
    expect(leafHash(a).toString('hex')).toBe(sha256(Buffer.from([0]), a));
    expect(nodeHash(l, r).toString('hex')).toBe(sha256(Buffer.from([1]), l, r));
    expect(emptyTreeRoot().toString('hex')).toBe(sha256());
  });

  it('splits at the largest power of two smaller than n', () => {
    expect([2, 3, 4, 5, 7, 8, 9, 1000, 1024, 1025].map(splitPoint)).toEqual([
      1, 2, 2, 4, 4, 4, 8, 512, 512, 1024,
    ]);
    expect(splitPoint(2 ** 40 + 1)).toBe(2 ** 40);
    expect(() => splitPoint(1)).toThrow(RangeError);
    expect([1, 2, 64, 2 ** 40].every(isPowerOfTwo)).toBe(true);
    expect([0, 3, 6, 2 ** 40 + 2, -2, 1.5].some(isPowerOfTwo)).toBe(false);
  });

  it('takes the 32 raw bytes of an event hash as its leaf input', () => {
    const hash = 'ab'.repeat(32);
    expect(eventLeafInput(hash)).toEqual(Buffer.alloc(32, 0xab));
    expect(eventLeafHash(hash).toString('hex')).toBe(sha256(Buffer.from([0]), Buffer.alloc(32, 0xab)));
    for (const bad of ['AB'.repeat(32), 'ab'.repeat(31), 'ab'.repeat(33), `${'ab'.repeat(31)}zz`, ''])
      expect(() => eventLeafInput(bad)).toThrow(TypeError);
  });
});

describe('RFC 6962 reference tree against the test vectors', () => {
  it.each(vectors.rootHashesBySize.map((root, size) => [size, root]))('root of size %i', (size, root) => {
    expect(rootOf(leafInputs.slice(0, size as number)).toString('hex')).toBe(root);
  });

  it.each(vectors.inclusionProofs.map((v) => [v.leafIndex, v.treeSize, v.proof]))(
    'PATH(%i, D[%i])',
    (index, size, proof) => {
      const leaves = leafInputs.slice(0, size as number).map(leafHash);
      expect(hex(referenceInclusionPath(index as number, leaves))).toEqual(proof);
    },
  );

  it.each(vectors.consistencyProofs.map((v) => [v.size1, v.size2, v.proof]))(
    'PROOF(%i, D[%i])',
    (m, n, proof) => {
      const leaves = leafInputs.slice(0, n as number).map(leafHash);
      expect(hex(referenceConsistencyProof(m as number, leaves))).toEqual(proof);
    },
  );

  it('covers every size, leaf and pair of sizes from 1 to 8', () => {
    expect(vectors.rootHashesBySize).toHaveLength(9);
    expect(vectors.inclusionProofs).toHaveLength(36);
    expect(vectors.consistencyProofs).toHaveLength(36);
  });
});

// The "Subtree Test Vectors" appendix of draft-ietf-plants-merkle-tree-certs, as checked by
// transparency-dev/merkle (testonly/vectors_test.go): over leaves d[i] = [i] for trees up to 130 leaves, every
// valid subtree [start, end) (start = 0, or a multiple of the bit ceiling of end - start) is written as one
// line into a rolling SHA-256, whose value the draft publishes. Subtrees from 0 are the roots of every size.
describe('published subtree vectors for trees of up to 130 leaves', () => {
  const max = 130;
  const leaves = Array.from({ length: max }, (_, i) => leafHash(Buffer.from([i])));
  const bitCeil = (n: number): number => 2 ** Math.ceil(Math.log2(n));
  function* validSubtrees(): Generator<[number, number]> {
    for (let end = 1; end <= max; end++)
      for (let start = 0; start < end; start++)
        if (start === 0 || start % bitCeil(end - start) === 0) yield [start, end];
  }

  it('subtree hashes', () => {
    const rolling = createHash('sha256');
    for (const [start, end] of validSubtrees())
      rolling.update(`[${start}, ${end}) ${rootOfLeafHashes(leaves.slice(start, end)).toString('hex')}\n`);
    expect(rolling.digest('hex')).toBe('94a95384a8c69acea9b50d035a58285b3a777cb7a724005faa5e1f1e1190007f');
  });

  it('subtree inclusion proofs', () => {
    const rolling = createHash('sha256');
    for (const [start, end] of validSubtrees()) {
      const subtree = leaves.slice(start, end);
      for (let index = start; index < end; index++) {
        const proof = referenceInclusionPath(index - start, subtree).map(
          (node) => ` ${node.toString('hex')}`,
        );
        rolling.update(`${index} [${start}, ${end})${proof.join('')}\n`);
      }
    }
    expect(rolling.digest('hex')).toBe('ac2a8f989e44d99e399db448050ff5f19757df53cfb716aa81015d3955d8163f');
  });
});
