// The log's Ed25519 key, handled like the pseudonym key (pseudonymizer.ts): from configuration (PEM), or
// else `<dataDir>/secrets/log-signing-key.pem`, generated (mode 0600) on the first start. Heads signed with a
// lost key stay verifiable with the published public key; new heads would then need a new key id.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { generateLogKeyPair, logKeyId, publicKeyPemOf } from '@ledger/verifiable-log';
import { readOrCreateSecret, secretFile } from '../secrets/data-dir-secret';

export interface LogSigningKey {
  privateKey: KeyObject;
  /** SPKI PEM: what GET /ledger/public-key serves and evidence bundles carry. */
  publicKeyPem: string;
  keyId: string;
}

export function loadLogSigningKey(configured: string | undefined, dataDir: string): LogSigningKey {
  return logSigningKeyOf(
    configured ?? readOrCreateSecret(keyFile(dataDir), () => generateLogKeyPair().privateKeyPem),
  );
}

function logSigningKeyOf(pem: string): LogSigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the log signing key is not Ed25519');
  const publicKeyPem = publicKeyPemOf(privateKey);
  return { privateKey, publicKeyPem, keyId: logKeyId(publicKeyPem) };
}

function keyFile(dataDir: string): string {
  return secretFile(dataDir, 'log-signing-key.pem');
}

/** The log's public key for checking heads, without creating a key: null when none is configured or stored. */
export function readLogPublicKey(configured: string | undefined, dataDir: string): string | null {
  const file = keyFile(dataDir);
  if (!configured && !existsSync(file)) return null;
  return logSigningKeyOf(configured ?? readFileSync(file, 'utf8')).publicKeyPem;
}
