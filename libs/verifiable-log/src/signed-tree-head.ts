// The signing side of tree heads: the log's Ed25519 key pair (PEM: SPKI public, PKCS#8 private) and the
// signature over a head. The signed byte layout, the head types and verifyTreeHead live in verifier.ts, so
// that the one definition of what is signed is the one a third party checks against.
import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { InvalidTreeHeadError } from './verifiable-log.errors';
import { logKeyId, treeHeadSigningBytes, type SignedTreeHead, type TreeHead } from './verifier';

export interface LogKeyPair {
  /** SPKI, PEM: what is published and given to verifiers. */
  publicKeyPem: string;
  /** PKCS#8, PEM: what the configuration or the data directory holds. */
  privateKeyPem: string;
  /** logKeyId of the public key: the logId of every head it signs. */
  keyId: string;
}

/** A fresh Ed25519 key pair for a log. */
export function generateLogKeyPair(): LogKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey, keyId: logKeyId(publicKey) };
}

/** The public key (SPKI PEM) of a private log key, e.g. to publish the key found in configuration. */
export function publicKeyPemOf(privateKey: string | KeyObject): string {
  return createPublicKey(ed25519PrivateKey(privateKey)).export({ type: 'spki', format: 'pem' }).toString();
}

/** A head for a tree, stamped with the given time (time comes in: no clock is read here). */
export function treeHead(treeSize: number, rootHash: string, time: Date, logId?: string): TreeHead {
  return { treeSize, rootHash, timestamp: time.toISOString(), ...(logId === undefined ? {} : { logId }) };
}

/**
 * Signs a head with the log's Ed25519 private key (PKCS#8 PEM or a KeyObject). The result always carries
 * the key's id as logId; a head that names another key is refused, as is a malformed one.
 */
export function signTreeHead(head: TreeHead, privateKey: string | KeyObject): SignedTreeHead {
  const key = ed25519PrivateKey(privateKey);
  const keyId = logKeyId(key);
  if (head.logId !== undefined && head.logId !== keyId)
    throw new InvalidTreeHeadError(`the head names log key ${head.logId}, the signing key is ${keyId}`);
  let bytes: Buffer;
  try {
    bytes = treeHeadSigningBytes(head);
  } catch (error) {
    throw new InvalidTreeHeadError(error instanceof Error ? error.message : String(error));
  }
  // Only the known fields, in a fixed order: nothing unsigned rides along in a published head.
  return {
    treeSize: head.treeSize,
    rootHash: head.rootHash,
    timestamp: head.timestamp,
    logId: keyId,
    signature: sign(null, bytes, key).toString('base64'),
  };
}

function ed25519PrivateKey(privateKey: string | KeyObject): KeyObject {
  let key: KeyObject;
  try {
    key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  } catch (error) {
    throw new InvalidTreeHeadError(`the log key cannot be read: ${String(error)}`);
  }
  if (key.type !== 'private') throw new InvalidTreeHeadError('the log key given is not a private key');
  // crypto.sign(null, ...) would happily sign with an RSA or EC key; heads are Ed25519 only.
  if (key.asymmetricKeyType !== 'ed25519')
    throw new InvalidTreeHeadError(`the log key is ${String(key.asymmetricKeyType)}, not Ed25519`);
  return key;
}
