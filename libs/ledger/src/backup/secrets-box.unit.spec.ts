import { randomBytes } from 'node:crypto';
import { openSecrets, sealSecrets, SecretsFileError, type SecretFile } from './secrets-box';

const PASSPHRASE = 'a passphrase of the district';
const files: SecretFile[] = [
  { path: 'secrets/pseudonym.key', mode: 0o600, data: Buffer.from(randomBytes(32).toString('hex') + '\n') },
  { path: 'secrets/personal-keys.db', mode: 0o600, data: randomBytes(4096) },
];

describe('the secrets file (scrypt + AES-256-GCM)', () => {
  const sealed = sealSecrets(files, PASSPHRASE);

  it('opens with the passphrase to the same files, and holds none of them in clear', () => {
    expect(openSecrets(sealed, PASSPHRASE)).toEqual(files);
    for (const file of files) expect(sealed.includes(file.data.subarray(0, 32))).toBe(false);
  });

  it('seals the same files differently each time (salt and nonce are random)', () => {
    expect(sealSecrets(files, PASSPHRASE).equals(sealed)).toBe(false);
  });

  it('refuses a wrong passphrase', () => {
    expect(() => openSecrets(sealed, 'another passphrase')).toThrow(SecretsFileError);
    expect(() => openSecrets(sealed, 'another passphrase')).toThrow(/passphrase does not open/);
  });

  it('refuses an edited byte of the ciphertext, an edited header and a file cut short', () => {
    const body = Buffer.from(sealed);
    body[body.length - 40] ^= 1;
    expect(() => openSecrets(body, PASSPHRASE)).toThrow(SecretsFileError);
    const header = Buffer.from(
      sealed.toString('latin1').replace('"aes-256-gcm"', '"aes-256-gcm" '),
      'latin1',
    );
    expect(() => openSecrets(header, PASSPHRASE)).toThrow(SecretsFileError);
    expect(() => openSecrets(sealed.subarray(0, sealed.length - 10), PASSPHRASE)).toThrow(SecretsFileError);
  });

  it('refuses a header asking scrypt for more memory than a backup ever uses', () => {
    const text = sealed.toString('latin1').replace('"N":32768', '"N":1073741824');
    expect(() => openSecrets(Buffer.from(text, 'latin1'), PASSPHRASE)).toThrow(/unusable scrypt settings/);
  });
});
