// The Merkle Tree Hash of RFC 6962 section 2.1 (unchanged in RFC 9162 section 2.1) over SHA-256, and the
// RFC's recursive definitions of roots, inclusion paths and consistency proofs as a reference
// implementation. The verifier depends on this file alone (and node:crypto), so it must stay free of
// anything else of ours.
//
// Leaf bytes of an event: the 32 raw bytes of its sha256 `hash` (hex-decoded), nothing else. The event hash
// already covers every field and the previous hash of its stream, and leaf index = position - 1 fixes its
// place, so the log needs nothing more; raw bytes (not the 64-character hex text) keep a leaf input
// independent of hex case and let third parties check a leaf from the hash they were given.
import { createHash } from 'node:crypto';

/** Length in bytes of every hash in the tree (SHA-256). */
export const HASH_LENGTH = 32;

// Domain separation (RFC 6962 section 2.1): a leaf can never be read as an interior node, which defeats
// second-preimage attacks that would pass an interior node off as a leaf.
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

const EVENT_HASH_PATTERN = /^[0-9a-f]{64}$/;

/** MTH({d}) = SHA-256(0x00 || d): the hash of one leaf input of any length. */
export function leafHash(leaf: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(leaf).digest();
}

/** SHA-256(0x01 || left || right): the hash of an interior node. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** MTH({}) = SHA-256() : the root of the empty tree. */
export function emptyTreeRoot(): Buffer {
  return createHash('sha256').digest();
}

/**
 * The split of RFC 6962 section 2.1: the largest power of two smaller than n (n >= 2). The left subtree
 * holds that many leaves and is always perfect; the right one holds the rest.
 * Arithmetic, not bit operators: those truncate to 32 bits and tree sizes may exceed 2^31.
 */
export function splitPoint(n: number): number {
  if (!Number.isSafeInteger(n) || n < 2) throw new RangeError(`splitPoint needs an integer n >= 2, got ${n}`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function isPowerOfTwo(n: number): boolean {
  if (!Number.isSafeInteger(n) || n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

/** The leaf input of an event: its lowercase hex sha256 hash, decoded to 32 bytes. */
export function eventLeafInput(eventHash: string): Buffer {
  // Buffer.from(..., 'hex') silently stops at the first bad character; a short leaf must never pass.
  if (!EVENT_HASH_PATTERN.test(eventHash))
    throw new TypeError(`an event hash is 64 lowercase hex characters, got ${JSON.stringify(eventHash)}`);
  return Buffer.from(eventHash, 'hex');
}

/** The leaf hash of an event: SHA-256(0x00 || 32 raw bytes of the event hash). */
export function eventLeafHash(eventHash: string): Buffer {
  return leafHash(eventLeafInput(eventHash));
}

/** MTH(D[n]) over leaf inputs, by the RFC's definition. Reference: O(n), for tests and small trees. */
export function rootOf(leaves: readonly Uint8Array[]): Buffer {
  return rootOfLeafHashes(leaves.map(leafHash));
}

/** MTH(D[n]) given the leaf hashes instead of the inputs. */
export function rootOfLeafHashes(leafHashes: readonly Uint8Array[]): Buffer {
  return leafHashes.length === 0 ? emptyTreeRoot() : subtreeRoot(leafHashes, 0, leafHashes.length);
}

/** PATH(m, D[n]) of RFC 6962 section 2.1.1, leaves given as leaf hashes; deepest sibling first. Reference. */
export function referenceInclusionPath(index: number, leafHashes: readonly Uint8Array[]): Buffer[] {
  if (!Number.isSafeInteger(index) || index < 0 || index >= leafHashes.length)
    throw new RangeError(`leaf index ${index} is not in a tree of ${leafHashes.length} leaves`);
  return path(index, leafHashes, 0, leafHashes.length);
}

/** PROOF(m, D[n]) of RFC 6962 section 2.1.2, leaves given as leaf hashes; empty when m = n or m = 0. Reference. */
export function referenceConsistencyProof(m: number, leafHashes: readonly Uint8Array[]): Buffer[] {
  if (!Number.isSafeInteger(m) || m < 0 || m > leafHashes.length)
    throw new RangeError(`size ${m} is not in 0..${leafHashes.length}`);
  if (m === 0 || m === leafHashes.length) return [];
  return subproof(m, leafHashes, 0, leafHashes.length, true);
}

function subtreeRoot(hashes: readonly Uint8Array[], lo: number, hi: number): Buffer {
  if (hi - lo === 1) return Buffer.from(hashes[lo]);
  const k = splitPoint(hi - lo);
  return nodeHash(subtreeRoot(hashes, lo, lo + k), subtreeRoot(hashes, lo + k, hi));
}

function path(index: number, hashes: readonly Uint8Array[], lo: number, hi: number): Buffer[] {
  if (hi - lo === 1) return [];
  const k = splitPoint(hi - lo);
  return index < lo + k
    ? [...path(index, hashes, lo, lo + k), subtreeRoot(hashes, lo + k, hi)]
    : [...path(index, hashes, lo + k, hi), subtreeRoot(hashes, lo, lo + k)];
}

// SUBPROOF(m, D[lo:hi], b) with m an absolute size: b says whether D[lo:m] is the old tree itself, whose root
// the verifier already holds, so it is left out.
function subproof(m: number, hashes: readonly Uint8Array[], lo: number, hi: number, b: boolean): Buffer[] {
  if (m === hi) return b ? [] : [subtreeRoot(hashes, lo, hi)];
  const k = splitPoint(hi - lo);
  return m <= lo + k
    ? [...subproof(m, hashes, lo, lo + k, b), subtreeRoot(hashes, lo + k, hi)]
    : [...subproof(m, hashes, lo + k, hi, false), subtreeRoot(hashes, lo, lo + k)];
}
