import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  keyFingerprint,
  newSecretsKeyPair,
  openSecrets,
  sealSecrets,
  secretsSealedWith,
  SecretsFileError,
  type SecretFile,
} from './secrets-box';

const PASSPHRASE = 'a passphrase of the district';
const files: SecretFile[] = [
  { path: 'secrets/pseudonym.key', mode: 0o600, data: Buffer.from(randomBytes(32).toString('hex') + '\n') },
  { path: 'secrets/personal-keys.db', mode: 0o600, data: randomBytes(4096) },
];

describe('the secrets file sealed with a passphrase (scrypt + AES-256-GCM)', () => {
  const sealed = sealSecrets(files, { passphrase: PASSPHRASE });

  it('opens with the passphrase to the same files, and holds none of them in clear', () => {
    expect(openSecrets(sealed, { passphrase: PASSPHRASE })).toEqual(files);
    for (const file of files) expect(sealed.includes(file.data.subarray(0, 32))).toBe(false);
    expect(secretsSealedWith(sealed)).toEqual({ passphrase: true });
  });

  it('seals the same files differently each time (salt and nonce are random)', () => {
    expect(sealSecrets(files, { passphrase: PASSPHRASE }).equals(sealed)).toBe(false);
  });

  it('refuses a wrong passphrase, and a private key', () => {
    expect(() => openSecrets(sealed, { passphrase: 'another passphrase' })).toThrow(SecretsFileError);
    expect(() => openSecrets(sealed, { passphrase: 'another passphrase' })).toThrow(/passphrase does not open/);
    const identity = createPrivateKey(newSecretsKeyPair().privatePem);
    expect(() => openSecrets(sealed, { identity })).toThrow(/sealed with a passphrase, not to a public key/);
  });

  it('refuses an edited byte of the ciphertext, an edited header and a file cut short', () => {
    const opener = { passphrase: PASSPHRASE };
    const body = Buffer.from(sealed);
    body[body.length - 40] ^= 1;
    expect(() => openSecrets(body, opener)).toThrow(SecretsFileError);
    const header = Buffer.from(
      sealed.toString('latin1').replace('"aes-256-gcm"', '"aes-256-gcm" '),
      'latin1',
    );
    expect(() => openSecrets(header, opener)).toThrow(SecretsFileError);
    expect(() => openSecrets(sealed.subarray(0, sealed.length - 10), opener)).toThrow(SecretsFileError);
  });

  it('refuses a header asking scrypt for more memory than a backup ever uses', () => {
    const text = sealed.toString('latin1').replace('"N":32768', '"N":1073741824');
    expect(() => openSecrets(Buffer.from(text, 'latin1'), { passphrase: PASSPHRASE })).toThrow(
      /unusable scrypt settings/,
    );
  });
});

describe.each([
  ['X25519', () => newSecretsKeyPair()],
  [
    'RSA 3072',
    () => {
      const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });
      return {
        publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      };
    },
  ],
])('the secrets file sealed to a public key (%s)', (_kind, makePair) => {
  const pair = makePair();
  const recipient = createPublicKey(pair.publicPem);
  const identity = createPrivateKey(pair.privatePem);
  const sealed = sealSecrets(files, { recipient });

  it('opens with the private key only, to the same files, none of them in clear', () => {
    expect(openSecrets(sealed, { identity })).toEqual(files);
    for (const file of files) expect(sealed.includes(file.data.subarray(0, 32))).toBe(false);
    expect(secretsSealedWith(sealed)).toEqual({ publicKey: keyFingerprint(recipient) });
  });

  it('names the key it needs when given a passphrase or another private key', () => {
    expect(() => openSecrets(sealed, { passphrase: PASSPHRASE })).toThrow(
      new RegExp(`sealed to the public key ${keyFingerprint(recipient)}`),
    );
    const other = createPrivateKey(newSecretsKeyPair().privatePem);
    expect(() => openSecrets(sealed, { identity: other })).toThrow(/wrong private key/);
  });

  it('refuses an edited byte of the ciphertext and an edited header', () => {
    const body = Buffer.from(sealed);
    body[body.length - 40] ^= 1;
    expect(() => openSecrets(body, { identity })).toThrow(/private key does not open the secrets file/);
    const nonce = JSON.parse(sealed.subarray(0, sealed.indexOf(0x0a)).toString('utf8')).nonce as string;
    const edited = Buffer.from(
      sealed.toString('latin1').replace(nonce, Buffer.alloc(12, 7).toString('base64')),
      'latin1',
    );
    expect(() => openSecrets(edited, { identity })).toThrow(SecretsFileError);
  });
});

describe('the keys a secrets file takes', () => {
  it('refuses RSA under 3072 bits and keys of other kinds, saying which it takes', () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    expect(() => sealSecrets(files, { recipient: small })).toThrow(/RSA of 2048 bits.*X25519/);
    const ed = generateKeyPairSync('ed25519').publicKey;
    expect(() => sealSecrets(files, { recipient: ed })).toThrow(/ed25519/);
  });
});
