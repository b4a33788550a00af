// The log's Ed25519 key, handled like the pseudonym key (pseudonymizer.ts): from configuration (PEM), or
// else `<dataDir>/secrets/log-signing-key.pem`, generated (mode 0600) on the first start. Heads signed with a
// lost key stay verifiable with the published public key; new heads would then need a new key id.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateLogKeyPair, logKeyId, publicKeyPemOf } from '@ledger/verifiable-log';

export const LOG_SIGNING_KEY = Symbol('LOG_SIGNING_KEY');

export interface LogSigningKey {
  privateKey: KeyObject;
  /** SPKI PEM: what GET /ledger/public-key serves and evidence bundles carry. */
  publicKeyPem: string;
  keyId: string;
}

export function loadLogSigningKey(configured: string | undefined, dataDir: string): LogSigningKey {
  return logSigningKeyOf(configured ?? readOrCreateKeyFile(join(dataDir, 'secrets', 'log-signing-key.pem')));
}

function logSigningKeyOf(pem: string): LogSigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the log signing key is not Ed25519');
  const publicKeyPem = publicKeyPemOf(privateKey);
  return { privateKey, publicKeyPem, keyId: logKeyId(publicKeyPem) };
}

function readOrCreateKeyFile(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8');
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const { privateKeyPem } = generateLogKeyPair();
  writeFileSync(file, privateKeyPem, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return privateKeyPem;
}

/** The log's public key for checking heads, without creating a key: null when none is configured or stored. */
export function readLogPublicKey(configured: string | undefined, dataDir: string): string | null {
  const file = join(dataDir, 'secrets', 'log-signing-key.pem');
  if (!configured && !existsSync(file)) return null;
  return logSigningKeyOf(configured ?? readFileSync(file, 'utf8')).publicKeyPem;
}
