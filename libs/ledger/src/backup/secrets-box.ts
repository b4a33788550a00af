// The backup's secrets file: the data directory's secret files sealed under a passphrase or to a public key.
//
// - Passphrase: the key comes from scrypt (N = 2^15, r = 8, p = 1, a random salt).
// - Public key (the operator keeps the private key offline, so the machine that takes backups cannot open
//   them): an X25519 key gets an ephemeral X25519 agreement and HKDF-SHA256; an RSA key (3072 bits or more)
//   wraps a random key with RSA-OAEP-SHA256. The header names the recipient key by its fingerprint.
//
// Either way the cipher is AES-256-GCM with a random nonce, and the header (format, how the key is found,
// salt or wrapped key, nonce) is authenticated as associated data, so an edited header, an edited byte or a
// wrong passphrase or private key all fail the tag: nothing is ever decrypted half. Node's own crypto gives
// every primitive; this file only composes them.
//
// File: one JSON header line, then the ciphertext, then the 16-byte tag.
// Plaintext: JSON { files: [{ path, mode, sha256, data (base64) }] }.
import {
  constants,
  createCipheriv,
  createDecipheriv,
  createHash,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  scryptSync,
  type KeyObject,
} from 'node:crypto';

export const SECRETS_FORMAT = 'policy-ledger-secrets/1';

type Kdf = { name: 'scrypt'; N: number; r: number; p: number; salt: string };
type Recipient =
  | { kind: 'x25519-hkdf-sha256'; fingerprint: string; ephemeral: string }
  | { kind: 'rsa-oaep-sha256'; fingerprint: string; wrappedKey: string };

interface Header {
  format: typeof SECRETS_FORMAT;
  /** A passphrase-sealed file. */
  kdf?: Kdf;
  /** A file sealed to a public key. */
  recipient?: Recipient;
  cipher: 'aes-256-gcm';
  nonce: string;
}

export interface SecretFile {
  /** Path inside the data directory. */
  path: string;
  mode: number;
  data: Buffer;
}

/** What seals a secrets file: a passphrase, or the public key (PEM) of whoever will restore it. */
export type SecretsSealer = { passphrase: string } | { recipient: KeyObject };
/** What opens one: the passphrase, or the private key (PEM) that matches the public key it was sealed to. */
export type SecretsOpener = { passphrase: string } | { identity: KeyObject };

export class SecretsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretsFileError';
  }
}

const SCRYPT = { N: 1 << 15, r: 8, p: 1 };
const TAG_BYTES = 16;
const MIN_RSA_BITS = 3072;

/** A public key's fingerprint: SHA-256 of its SPKI DER, hex (what `backup-key` prints beside the key). */
export function keyFingerprint(key: KeyObject): string {
  const spki = (key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('hex');
}

/** Refuses a key the secrets file cannot use, saying why. */
export function checkSecretsKey(key: KeyObject): void {
  const type = key.asymmetricKeyType;
  if (type === 'x25519') return;
  if (type === 'rsa' && (key.asymmetricKeyDetails?.modulusLength ?? 0) >= MIN_RSA_BITS) return;
  throw new SecretsFileError(
    `the key is ${type === 'rsa' ? `RSA of ${key.asymmetricKeyDetails?.modulusLength} bits` : (type ?? 'not asymmetric')}: ` +
      `the secrets file takes an X25519 key (npm run -s cli -- backup-key) or RSA of ${MIN_RSA_BITS} bits or more`,
  );
}

/** A new X25519 key pair for sealing backups' secrets, as PEM (the private key unencrypted: keep it offline). */
export function newSecretsKeyPair(): { publicPem: string; privatePem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function scryptKey(passphrase: string, kdf: Kdf): Buffer {
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * kdf.N * kdf.r * kdf.p,
  });
}

function agreedKey(shared: Buffer, ephemeralDer: Buffer, fingerprint: string): Buffer {
  const info = Buffer.from(`${SECRETS_FORMAT} ${fingerprint}`, 'utf8');
  return Buffer.from(hkdfSync('sha256', shared, ephemeralDer, info, 32));
}

/** The header of a new file and the key it seals with. */
function newKey(sealer: SecretsSealer): { header: Header; key: Buffer } {
  const nonce = randomBytes(12).toString('base64');
  const base = { format: SECRETS_FORMAT, cipher: 'aes-256-gcm', nonce } as const;
  if ('passphrase' in sealer) {
    const kdf: Kdf = { name: 'scrypt', ...SCRYPT, salt: randomBytes(16).toString('base64') };
    return { header: { ...base, kdf }, key: scryptKey(sealer.passphrase, kdf) };
  }
  const recipient = sealer.recipient;
  checkSecretsKey(recipient);
  const fingerprint = keyFingerprint(recipient);
  if (recipient.asymmetricKeyType === 'x25519') {
    const ephemeral = generateKeyPairSync('x25519');
    const ephemeralDer = ephemeral.publicKey.export({ type: 'spki', format: 'der' });
    const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient });
    return {
      header: {
        ...base,
        recipient: { kind: 'x25519-hkdf-sha256', fingerprint, ephemeral: ephemeralDer.toString('base64') },
      },
      key: agreedKey(shared, ephemeralDer, fingerprint),
    };
  }
  const key = randomBytes(32);
  const wrappedKey = publicEncrypt(
    { key: recipient, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    key,
  ).toString('base64');
  return { header: { ...base, recipient: { kind: 'rsa-oaep-sha256', fingerprint, wrappedKey } }, key };
}

export function sealSecrets(files: readonly SecretFile[], sealer: SecretsSealer): Buffer {
  const { header, key } = newKey(sealer);
  const headerLine = Buffer.from(JSON.stringify(header) + '\n', 'utf8');
  const plaintext = Buffer.from(
    JSON.stringify({
      files: files.map((f) => ({
        path: f.path,
        mode: f.mode,
        sha256: createHash('sha256').update(f.data).digest('hex'),
        data: f.data.toString('base64'),
      })),
    }),
    'utf8',
  );
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(header.nonce, 'base64'));
  cipher.setAAD(headerLine);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  plaintext.fill(0);
  key.fill(0);
  return Buffer.concat([headerLine, body, cipher.getAuthTag()]);
}

function parseHeader(sealed: Buffer): { header: Header; headerLine: Buffer } {
  const end = sealed.indexOf(0x0a);
  if (end < 0 || end > 4096) throw new SecretsFileError('the secrets file has no header line');
  const headerLine = sealed.subarray(0, end + 1);
  let header: Header;
  try {
    header = JSON.parse(headerLine.toString('utf8')) as Header;
  } catch {
    throw new SecretsFileError('the secrets file header is not JSON');
  }
  const kinds = ['x25519-hkdf-sha256', 'rsa-oaep-sha256'];
  const keyed = header.kdf?.name === 'scrypt' || kinds.includes(header.recipient?.kind ?? '');
  if (header.format !== SECRETS_FORMAT || !keyed || header.cipher !== 'aes-256-gcm')
    throw new SecretsFileError(`the secrets file is not in format ${SECRETS_FORMAT}`);
  if (header.kdf) {
    const { N, r, p } = header.kdf;
    // Bounds keep an edited header from asking scrypt for gigabytes.
    if (
      ![N, r, p].every(Number.isInteger) ||
      N < 1024 ||
      N > 1 << 20 ||
      (N & (N - 1)) !== 0 ||
      r < 1 ||
      r > 32 ||
      p < 1 ||
      p > 16
    )
      throw new SecretsFileError('the secrets file header has unusable scrypt settings');
  }
  return { header, headerLine };
}

/** How a secrets file was sealed, read from its header (for messages and `backup --verify`). */
export function secretsSealedWith(sealed: Buffer): { passphrase: true } | { publicKey: string } {
  const { header } = parseHeader(sealed);
  return header.recipient ? { publicKey: header.recipient.fingerprint } : { passphrase: true };
}

/** The key of an existing file, from its header and the opener; throws when the opener cannot be the one. */
function keyOf(header: Header, opener: SecretsOpener): Buffer {
  if (header.kdf) {
    if (!('passphrase' in opener))
      throw new SecretsFileError('the secrets file is sealed with a passphrase, not to a public key');
    return scryptKey(opener.passphrase, header.kdf);
  }
  const recipient = header.recipient!;
  if (!('identity' in opener))
    throw new SecretsFileError(
      `the secrets file is sealed to the public key ${recipient.fingerprint}: give its private key (--identity FILE)`,
    );
  if (keyFingerprint(opener.identity) !== recipient.fingerprint)
    throw new SecretsFileError(
      `wrong private key: the secrets file is sealed to the public key ${recipient.fingerprint}, this private key's is ${keyFingerprint(opener.identity)}`,
    );
  try {
    if (recipient.kind === 'x25519-hkdf-sha256') {
      const ephemeralDer = Buffer.from(recipient.ephemeral, 'base64');
      const ephemeral = createPublicKey({ key: ephemeralDer, format: 'der', type: 'spki' });
      const shared = diffieHellman({ privateKey: opener.identity, publicKey: ephemeral });
      return agreedKey(shared, ephemeralDer, recipient.fingerprint);
    }
    return privateDecrypt(
      { key: opener.identity, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      Buffer.from(recipient.wrappedKey, 'base64'),
    );
  } catch {
    throw new SecretsFileError('the secrets file header was altered (its key cannot be recovered)');
  }
}

/** Decrypts and checks every file; throws SecretsFileError (wrong passphrase or key, or the file altered). */
export function openSecrets(sealed: Buffer, opener: SecretsOpener): SecretFile[] {
  const { header, headerLine } = parseHeader(sealed);
  if (sealed.length < headerLine.length + TAG_BYTES)
    throw new SecretsFileError('the secrets file is cut short');
  const body = sealed.subarray(headerLine.length, sealed.length - TAG_BYTES);
  const key = keyOf(header, opener);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.nonce, 'base64'));
  decipher.setAAD(headerLine);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  let plaintext: Buffer;
  try {
    plaintext = Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new SecretsFileError(
      'passphrase' in opener
        ? 'the passphrase does not open the secrets file (a wrong passphrase, or the file was altered)'
        : 'the private key does not open the secrets file (the file was altered)',
    );
  } finally {
    key.fill(0);
  }
  const parsed = JSON.parse(plaintext.toString('utf8')) as {
    files: Array<{ path: string; mode: number; sha256: string; data: string }>;
  };
  plaintext.fill(0);
  return parsed.files.map((f) => {
    const data = Buffer.from(f.data, 'base64');
    if (createHash('sha256').update(data).digest('hex') !== f.sha256)
      throw new SecretsFileError(`secret ${f.path} does not match its checksum`);
    return { path: f.path, mode: f.mode, data };
  });
}
