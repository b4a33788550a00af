// The RFC 6962 test vectors (copied from /work/shared/reference/rfc6962-vectors.json: leaf inputs and roots
// of transparency-dev/merkle testonly/constants.go, PATH and SUBPROOF for trees of 1 to 8 leaves), typed,
// and a few helpers the specs share.
import { createHash } from 'node:crypto';
import raw from './rfc6962-vectors.json';

export interface InclusionVector {
  leafIndex: number;
  treeSize: number;
  proof: string[];
}

export interface ConsistencyVector {
  size1: number;
  size2: number;
  proof: string[];
}

export const vectors: {
  /** Leaf inputs (not leaf hashes), hex. */
  leafInputsHex: string[];
  /** Index = tree size; entry 0 is the empty tree. */
  rootHashesBySize: string[];
  inclusionProofs: InclusionVector[];
  consistencyProofs: ConsistencyVector[];
} = raw;

export const leafInputs: Buffer[] = vectors.leafInputsHex.map((hex) => Buffer.from(hex, 'hex'));

/** A deterministic stream of pseudo-random integers (mulberry32), so that samples are the same every run. */
export function seededRandom(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

/** A distinct event-like hash (lowercase hex sha256) for leaf i. */
export function fakeEventHash(i: number): string {
  return createHash('sha256').update(`event-${i}`).digest('hex');
}

/** Every proof obtained by changing one byte of one element (xor with each mask). */
export function* oneByteMutations(
  proof: readonly string[],
  masks: readonly number[] = [0x01, 0x80],
): Generator<string[]> {
  for (let element = 0; element < proof.length; element++) {
    const bytes = Buffer.from(proof[element], 'hex');
    for (let at = 0; at < bytes.length; at++) {
      for (const mask of masks) {
        const mutated = Buffer.from(bytes);
        mutated[at] ^= mask;
        const copy = [...proof];
        copy[element] = mutated.toString('hex');
        yield copy;
      }
    }
  }
}

/** Every hash obtained by changing one byte of it. */
export function* oneByteMutationsOfHash(
  hash: string,
  masks: readonly number[] = [0x01, 0x80],
): Generator<string> {
  for (const [mutated] of oneByteMutations([hash], masks)) yield mutated;
}
