// The OpenAPI schemas of the verifiable log's answers: signed tree heads, the public key, RFC 6962 proofs.
import { arrayOf, int, object, oneOfValues, str } from '../http/response-schema';

export const TREE_HEAD_SCHEMA = object(
  {
    sequence: int('1, 2, ... in signing order'),
    treeSize: int('Number of leaves (events) in the tree'),
    rootHash: str('Root hash, lowercase hex'),
    timestamp: str('When the head was made (UTC, ISO 8601, milliseconds)'),
    logId: str('Key id of the log key (sha256 of its SPKI DER, lowercase hex)'),
    signature: str('Ed25519 signature of the head, base64'),
  },
  { optional: ['logId'] },
);

export const TREE_HEADS_SCHEMA = object({ heads: arrayOf(TREE_HEAD_SCHEMA) });

export const PUBLIC_KEY_SCHEMA = object({
  algorithm: oneOfValues(['Ed25519']),
  publicKeyPem: str('SPKI PEM'),
  keyId: str('sha256 of the SPKI DER, lowercase hex: the logId of every head this key signs'),
});

export const INCLUSION_PROOF_SCHEMA = object({
  eventId: str(),
  position: int(),
  leafIndex: int(),
  eventHash: str("The event's stored hash; the leaf hash is SHA-256(0x00 || its 32 bytes)"),
  treeSize: int(),
  rootHash: str(),
  proof: arrayOf(str(), 'Sibling hashes, deepest first'),
});

export const CONSISTENCY_PROOF_SCHEMA = object({
  from: int(),
  to: int(),
  fromRootHash: str(),
  toRootHash: str(),
  proof: arrayOf(str()),
});
