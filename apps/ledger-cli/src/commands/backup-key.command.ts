// backup-key --out DIR: a new X25519 key pair for sealing backups' secrets to a public key, so that the
// machine that takes backups holds only the public half and cannot open them.
import { createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { keyFingerprint, newSecretsKeyPair } from '@ledger/ledger';
import { parseArgs, UsageError, type CliCommand } from '../args';

export const PRIVATE_KEY_FILE = 'backup-key.pem';
export const PUBLIC_KEY_FILE = 'backup-key.pub.pem';

export const backupKeyCommand: CliCommand = {
  name: 'backup-key',
  summary: "Make a key pair to seal backups' secrets to a public key (backup --recipient).",
  help: `Usage: npm run cli -- backup-key --out DIR

Writes a new X25519 key pair into DIR (made if missing, mode 0700): ${PUBLIC_KEY_FILE}, the public key the
ledger's machine gives to \`backup --out ... --recipient DIR/${PUBLIC_KEY_FILE}\`, and ${PRIVATE_KEY_FILE}
(mode 0600), the private key that \`restore --identity\` and \`backup --verify --identity\` need. Prints the
key's fingerprint, which every backup sealed to it names in its manifest (secrets.sealedTo).

Keep the private key off the ledger's machine (a USB key in the office safe, a password manager): whoever
holds it and a backup holds the pseudonym key and every person's personal-data key. An existing pair in DIR
is never overwritten.`,
  run(args) {
    const { options } = parseArgs('backup-key', args, { options: ['--out'] });
    const out = options['--out'];
    if (out === undefined) throw new UsageError('backup-key: --out DIR is required');
    const dir = resolve(out);
    for (const name of [PRIVATE_KEY_FILE, PUBLIC_KEY_FILE])
      if (existsSync(join(dir, name)))
        throw new UsageError(`backup-key: ${join(dir, name)} exists: a key pair is never overwritten`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { publicPem, privatePem } = newSecretsKeyPair();
    writeFileSync(join(dir, PRIVATE_KEY_FILE), privatePem, { mode: 0o600, flag: 'wx' });
    writeFileSync(join(dir, PUBLIC_KEY_FILE), publicPem, { mode: 0o644, flag: 'wx' });
    console.log(keyFingerprint(createPublicKey(publicPem)));
    console.error(
      `backup-key: public key ${join(dir, PUBLIC_KEY_FILE)} (give it to backup --recipient); private key ${join(dir, PRIVATE_KEY_FILE)}: move it off this machine and keep it safe`,
    );
    return Promise.resolve(0);
  },
};
