// The offline verifier of the log, for the CLI and for third parties: signed tree heads, inclusion proofs and
// consistency proofs. It depends on rfc6962.ts and node:crypto only; those two files are all an outside
// auditor needs. It never throws on what it is handed: anything malformed is a failed check with a reason.
//
// Signed bytes of a tree head: RFC 6962 section 3.5 TreeHeadSignature, 50 bytes, big-endian:
//   byte 0       version         = 0 (v1)
//   byte 1       signature_type  = 1 (tree_hash)
//   bytes 2-9    timestamp       uint64, milliseconds since the Unix epoch
//   bytes 10-17  tree_size       uint64
//   bytes 18-49  sha256_root_hash
// signed with Ed25519 (PureEdDSA, no pre-hash). The logId is not signed: as in RFC 6962 it is the key id,
// SHA-256 of the public key's DER SubjectPublicKeyInfo, so it is checked against the key instead.
// The timestamp travels as the ISO text Date.prototype.toISOString gives (`2025-03-01T08:00:00.000Z`);
// any other spelling of an instant is refused, so one signature stands for exactly one head.
import { createHash, createPublicKey, KeyObject, verify as verifySignature } from 'node:crypto';
import { emptyTreeRoot, HASH_LENGTH, isPowerOfTwo, leafHash, nodeHash } from './rfc6962';

export type Verification = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** A hash as 64 hex characters or 32 bytes. */
export type HashInput = string | Uint8Array;

export interface TreeHead {
  /** Number of leaves (events) in the tree. */
  treeSize: number;
  /** Root hash, lowercase hex. */
  rootHash: string;
  /** When the head was made: toISOString() form, millisecond precision, UTC. */
  timestamp: string;
  /** Key id of the log key (lowercase hex SHA-256 of its SPKI DER), when given. */
  logId?: string;
}

export interface SignedTreeHead extends TreeHead {
  /** Ed25519 signature of treeHeadSigningBytes(head), base64 (88 characters). */
  signature: string;
}

const TREE_HEAD_VERSION_V1 = 0;
const SIGNATURE_TYPE_TREE_HASH = 1;
export const TREE_HEAD_SIGNING_LENGTH = 2 + 8 + 8 + HASH_LENGTH;
const ED25519_SIGNATURE_LENGTH = 64;
// Proofs for trees of up to 2^53 leaves have at most 53 elements; anything longer is refused before hashing.
const MAX_PROOF_LENGTH = 64;

const ok: Verification = Object.freeze({ ok: true });
const fail = (reason: string): Verification => ({ ok: false, reason });

// --- Tree heads -------------------------------------------------------------------------------------------

/** The 50 bytes an Ed25519 log key signs for a head (layout in the file header). Throws TypeError if malformed. */
export function treeHeadSigningBytes(head: TreeHead): Buffer {
  const encoded = encodeTreeHead(head);
  if (typeof encoded === 'string') throw new TypeError(encoded);
  return encoded;
}

/** Key id of a public key: lowercase hex SHA-256 of its DER SubjectPublicKeyInfo (RFC 6962 LogID). */
export function logKeyId(publicKey: string | KeyObject): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  const spki = (key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('hex');
}

/** Checks a signed head against the log's Ed25519 public key (PEM SPKI, or a KeyObject). */
export function verifyTreeHead(head: SignedTreeHead, publicKey: string | KeyObject): Verification {
  if (typeof head !== 'object' || head === null) return fail('the tree head is not an object');
  const encoded = encodeTreeHead(head);
  if (typeof encoded === 'string') return fail(encoded);
  const signature = decodeSignature(head.signature);
  if (typeof signature === 'string') return fail(signature);
  const key = publicKeyOf(publicKey);
  if (typeof key === 'string') return fail(key);
  if (head.logId !== undefined && head.logId !== logKeyId(key))
    return fail('the head names another log key (logId is not the id of this public key)');
  try {
    return verifySignature(null, encoded, key, signature)
      ? ok
      : fail('the signature does not match the head');
  } catch (error) {
    return fail(`the signature cannot be checked: ${String(error)}`);
  }
}

// --- Inclusion (RFC 9162 section 2.1.3.2) -------------------------------------------------------------------

/** Checks that the leaf with this leaf hash is at leafIndex in the tree of treeSize leaves with rootHash. */
export function verifyInclusion(
  leafHashValue: HashInput,
  leafIndex: number,
  treeSize: number,
  proof: readonly HashInput[],
  rootHash: HashInput,
): Verification {
  if (!isCount(treeSize)) return fail(`tree size ${String(treeSize)} is not a non-negative integer`);
  if (!isCount(leafIndex)) return fail(`leaf index ${String(leafIndex)} is not a non-negative integer`);
  if (leafIndex >= treeSize) return fail(`leaf index ${leafIndex} is not in a tree of ${treeSize} leaves`);
  const leaf = decodeHash(leafHashValue, 'leaf hash');
  if (typeof leaf === 'string') return fail(leaf);
  const root = decodeHash(rootHash, 'root hash');
  if (typeof root === 'string') return fail(root);
  const path = decodeProof(proof);
  if (typeof path === 'string') return fail(path);

  // fn walks up from the leaf, sn from the last leaf; where fn = sn the leaf's subtree is the right edge,
  // whose missing levels are skipped (the split rule puts no sibling there).
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return fail('the proof is longer than the path of this leaf');
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  if (sn !== 0) return fail('the proof is shorter than the path of this leaf');
  return r.equals(root) ? ok : fail('the proof does not lead to the root hash');
}

/** verifyInclusion for an event: its lowercase hex sha256 hash, at leaf index position - 1. */
export function verifyEventInclusion(
  eventHash: string,
  leafIndex: number,
  treeSize: number,
  proof: readonly HashInput[],
  rootHash: HashInput,
): Verification {
  const input = decodeHash(eventHash, 'event hash');
  if (typeof input === 'string') return fail(input);
  return verifyInclusion(leafHash(input), leafIndex, treeSize, proof, rootHash);
}

// --- Consistency (RFC 9162 section 2.1.4.2) ----------------------------------------------------------------

/** Checks that the tree of m leaves with rootM is a prefix of the tree of n leaves with rootN. */
export function verifyConsistency(
  m: number,
  n: number,
  rootM: HashInput,
  rootN: HashInput,
  proof: readonly HashInput[],
): Verification {
  if (!isCount(m)) return fail(`size ${String(m)} is not a non-negative integer`);
  if (!isCount(n)) return fail(`size ${String(n)} is not a non-negative integer`);
  if (m > n) return fail(`the old size ${m} is larger than the new size ${n}`);
  const first = decodeHash(rootM, `root of size ${m}`);
  if (typeof first === 'string') return fail(first);
  const second = decodeHash(rootN, `root of size ${n}`);
  if (typeof second === 'string') return fail(second);
  const path = decodeProof(proof);
  if (typeof path === 'string') return fail(path);

  if (m === n) {
    if (path.length > 0) return fail('a proof between equal sizes is empty');
    return first.equals(second) ? ok : fail('the two roots of the same size differ');
  }
  if (m === 0) {
    // Every tree extends the empty one; its root is fixed, so a head of size 0 with another root is false.
    if (path.length > 0) return fail('a proof from size 0 is empty');
    return first.equals(emptyTreeRoot()) ? ok : fail('the root of size 0 is not the empty tree hash');
  }
  if (path.length === 0) return fail('the proof is empty');

  // When m is a power of two the old tree is a node of the new one, and the proof leaves its root out.
  const nodes = isPowerOfTwo(m) ? [first, ...path] : path;
  let fn = m - 1;
  let sn = n - 1;
  while (isOdd(fn)) [fn, sn] = [half(fn), half(sn)];
  let fr = nodes[0];
  let sr = nodes[0];
  for (const c of nodes.slice(1)) {
    if (sn === 0) return fail('the proof is longer than these sizes need');
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  if (sn !== 0) return fail('the proof is shorter than these sizes need');
  if (!fr.equals(first)) return fail(`the proof does not lead to the root of size ${m}`);
  return sr.equals(second) ? ok : fail(`the proof does not lead to the root of size ${n}`);
}

// --- Against signed heads ------------------------------------------------------------------------------------

/** An event is in the log as of a signed head: the head's signature, then the inclusion proof against it. */
export function verifyEventInSignedHead(claim: {
  eventHash: string;
  /** position - 1 */
  leafIndex: number;
  proof: readonly HashInput[];
  head: SignedTreeHead;
  publicKey: string | KeyObject;
}): Verification {
  const head = verifyTreeHead(claim.head, claim.publicKey);
  if (!head.ok) return fail(`tree head: ${head.reason}`);
  const inclusion = verifyEventInclusion(
    claim.eventHash,
    claim.leafIndex,
    claim.head.treeSize,
    claim.proof,
    claim.head.rootHash,
  );
  return inclusion.ok ? ok : fail(`inclusion: ${inclusion.reason}`);
}

/** A newer signed head extends an older one: both signatures, then the consistency proof between them. */
export function verifySignedHeadsConsistent(claim: {
  older: SignedTreeHead;
  newer: SignedTreeHead;
  proof: readonly HashInput[];
  publicKey: string | KeyObject;
}): Verification {
  const older = verifyTreeHead(claim.older, claim.publicKey);
  if (!older.ok) return fail(`older tree head: ${older.reason}`);
  const newer = verifyTreeHead(claim.newer, claim.publicKey);
  if (!newer.ok) return fail(`newer tree head: ${newer.reason}`);
  const consistency = verifyConsistency(
    claim.older.treeSize,
    claim.newer.treeSize,
    claim.older.rootHash,
    claim.newer.rootHash,
    claim.proof,
  );
  return consistency.ok ? ok : fail(`consistency: ${consistency.reason}`);
}

// --- Internals -------------------------------------------------------------------------------------------

// Sizes and indexes may exceed 2^31, where JavaScript's bit operators would truncate them: plain arithmetic.
const isOdd = (x: number): boolean => x % 2 === 1;
const half = (x: number): number => Math.floor(x / 2);
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

const HEX_HASH = /^[0-9a-fA-F]{64}$/;
const LOWER_HEX_HASH = /^[0-9a-f]{64}$/;
const ISO_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const BASE64_SIGNATURE = /^[A-Za-z0-9+/]{86}==$/;

function decodeHash(value: unknown, what: string): Buffer | string {
  if (typeof value === 'string')
    return HEX_HASH.test(value) ? Buffer.from(value, 'hex') : `the ${what} is not 64 hex characters`;
  if (value instanceof Uint8Array)
    return value.length === HASH_LENGTH ? Buffer.from(value) : `the ${what} is not ${HASH_LENGTH} bytes`;
  return `the ${what} is neither hex nor bytes`;
}

function decodeProof(proof: unknown): Buffer[] | string {
  if (!Array.isArray(proof)) return 'the proof is not an array';
  if (proof.length > MAX_PROOF_LENGTH)
    return `the proof has ${proof.length} elements, more than any tree needs`;
  const nodes: Buffer[] = [];
  for (let i = 0; i < proof.length; i++) {
    const node = decodeHash(proof[i], `proof element ${i}`);
    if (typeof node === 'string') return node;
    nodes.push(node);
  }
  return nodes;
}

/** The signing bytes, or why the head cannot have any. */
function encodeTreeHead(head: TreeHead): Buffer | string {
  if (!isCount(head.treeSize)) return `tree size ${String(head.treeSize)} is not a non-negative integer`;
  if (typeof head.rootHash !== 'string' || !LOWER_HEX_HASH.test(head.rootHash))
    return 'the root hash is not 64 lowercase hex characters';
  const millis = canonicalMillis(head.timestamp);
  if (typeof millis === 'string') return millis;
  if (head.logId !== undefined && (typeof head.logId !== 'string' || !LOWER_HEX_HASH.test(head.logId)))
    return 'the logId is not 64 lowercase hex characters';
  const bytes = Buffer.alloc(TREE_HEAD_SIGNING_LENGTH);
  bytes.writeUInt8(TREE_HEAD_VERSION_V1, 0);
  bytes.writeUInt8(SIGNATURE_TYPE_TREE_HASH, 1);
  bytes.writeBigUInt64BE(BigInt(millis), 2);
  bytes.writeBigUInt64BE(BigInt(head.treeSize), 10);
  Buffer.from(head.rootHash, 'hex').copy(bytes, 18);
  return bytes;
}

function canonicalMillis(timestamp: unknown): number | string {
  const reason = 'the timestamp is not an ISO instant as toISOString() writes it (YYYY-MM-DDTHH:mm:ss.sssZ)';
  if (typeof timestamp !== 'string' || !ISO_MILLIS.test(timestamp)) return reason;
  const millis = Date.parse(timestamp);
  if (!Number.isSafeInteger(millis) || new Date(millis).toISOString() !== timestamp) return reason;
  return millis < 0 ? 'the timestamp is before 1970' : millis;
}

function decodeSignature(signature: unknown): Buffer | string {
  // Buffer.from(..., 'base64') skips characters it does not know; only the one canonical spelling is taken.
  if (typeof signature !== 'string' || !BASE64_SIGNATURE.test(signature))
    return `the signature is not ${ED25519_SIGNATURE_LENGTH} bytes of base64`;
  const bytes = Buffer.from(signature, 'base64');
  if (bytes.length !== ED25519_SIGNATURE_LENGTH || bytes.toString('base64') !== signature)
    return 'the signature is not canonical base64';
  return bytes;
}

function publicKeyOf(publicKey: unknown): KeyObject | string {
  let key: KeyObject;
  try {
    if (publicKey instanceof KeyObject) key = publicKey;
    else if (typeof publicKey === 'string') key = createPublicKey(publicKey);
    else return 'the public key is neither PEM nor a KeyObject';
  } catch (error) {
    return `the public key cannot be read: ${String(error)}`;
  }
  if (key.type !== 'public') return 'the key given is not a public key';
  if (key.asymmetricKeyType !== 'ed25519')
    return `the public key is ${String(key.asymmetricKeyType)}, not Ed25519`;
  return key;
}
