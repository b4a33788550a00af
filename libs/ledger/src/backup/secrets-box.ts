// The backup's secrets file: the data directory's secret files sealed under a passphrase. The key comes from
// scrypt (N = 2^15, r = 8, p = 1, a random salt), the cipher is AES-256-GCM with a random nonce, and the
// header (format, KDF settings, salt, nonce) is authenticated as associated data, so an edited header, an
// edited byte or a wrong passphrase all fail the tag: nothing is ever decrypted half.
//
// File: one JSON header line, then the ciphertext, then the 16-byte tag.
// Plaintext: JSON { files: [{ path, mode, sha256, data (base64) }] }.
import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';

export const SECRETS_FORMAT = 'policy-ledger-secrets/1';

interface Header {
  format: typeof SECRETS_FORMAT;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: 'aes-256-gcm';
  nonce: string;
}

export interface SecretFile {
  /** Path inside the data directory. */
  path: string;
  mode: number;
  data: Buffer;
}

export class SecretsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretsFileError';
  }
}

const SCRYPT = { N: 1 << 15, r: 8, p: 1 };
const TAG_BYTES = 16;

function keyOf(passphrase: string, kdf: Header['kdf']): Buffer {
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * kdf.N * kdf.r * kdf.p,
  });
}

export function sealSecrets(files: readonly SecretFile[], passphrase: string): Buffer {
  const header: Header = {
    format: SECRETS_FORMAT,
    kdf: { name: 'scrypt', ...SCRYPT, salt: randomBytes(16).toString('base64') },
    cipher: 'aes-256-gcm',
    nonce: randomBytes(12).toString('base64'),
  };
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
  const cipher = createCipheriv(
    'aes-256-gcm',
    keyOf(passphrase, header.kdf),
    Buffer.from(header.nonce, 'base64'),
  );
  cipher.setAAD(headerLine);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  plaintext.fill(0);
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
  if (header.format !== SECRETS_FORMAT || header.kdf?.name !== 'scrypt' || header.cipher !== 'aes-256-gcm')
    throw new SecretsFileError(`the secrets file is not in format ${SECRETS_FORMAT}`);
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
  return { header, headerLine };
}

/** Decrypts and checks every file; throws SecretsFileError (wrong passphrase, or the file altered). */
export function openSecrets(sealed: Buffer, passphrase: string): SecretFile[] {
  const { header, headerLine } = parseHeader(sealed);
  if (sealed.length < headerLine.length + TAG_BYTES)
    throw new SecretsFileError('the secrets file is cut short');
  const body = sealed.subarray(headerLine.length, sealed.length - TAG_BYTES);
  const decipher = createDecipheriv(
    'aes-256-gcm',
    keyOf(passphrase, header.kdf),
    Buffer.from(header.nonce, 'base64'),
  );
  decipher.setAAD(headerLine);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  let plaintext: Buffer;
  try {
    plaintext = Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new SecretsFileError(
      'the passphrase does not open the secrets file (a wrong passphrase, or the file was altered)',
    );
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
