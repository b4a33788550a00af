// What seals or opens a backup's secrets file, from the command line: a public key (--recipient FILE) or its
// private key (--identity FILE) when the operator chose one, else the passphrase (readPassphrase).
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { checkSecretsKey, SecretsFileError, type SecretsOpener, type SecretsSealer } from '@ledger/ledger';
import { UsageError } from './args';
import { readPassphrase } from './passphrase';

function readKey(command: string, flag: string, file: string, kind: 'public' | 'private'): KeyObject {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${command}: cannot read ${flag} ${file}: ${(error as Error).message}`);
  }
  if (kind === 'public' && pem.includes('PRIVATE KEY'))
    throw new UsageError(
      `${command}: ${flag} ${file} holds a private key: give the public key (backup-key.pub.pem) and keep the private key offline`,
    );
  let key: KeyObject;
  try {
    key = kind === 'public' ? createPublicKey(pem) : createPrivateKey(pem);
  } catch (error) {
    throw new UsageError(`${command}: ${flag} ${file} is not a ${kind} key in PEM: ${(error as Error).message}`);
  }
  try {
    checkSecretsKey(key);
  } catch (error) {
    if (error instanceof SecretsFileError) throw new UsageError(`${command}: ${flag} ${file}: ${error.message}`);
    throw error;
  }
  return key;
}

/** backup: seal to --recipient's public key, else with a new passphrase (asked twice at a terminal). */
export async function readSealer(
  command: string,
  recipientFile: string | undefined,
  passphraseFile: string | undefined,
): Promise<SecretsSealer> {
  if (recipientFile !== undefined) {
    if (passphraseFile !== undefined)
      throw new UsageError(`${command}: give --recipient or --passphrase-file, not both`);
    return { recipient: readKey(command, '--recipient', recipientFile, 'public') };
  }
  return { passphrase: (await readPassphrase(command, passphraseFile, { confirm: true }))! };
}

/**
 * restore, backup --verify: open with --identity's private key, else the passphrase. `optional`: null when
 * neither is given and there is no terminal to ask on (the secrets file is then not opened).
 */
export async function readOpener(
  command: string,
  identityFile: string | undefined,
  passphraseFile: string | undefined,
  options: { optional: boolean },
): Promise<SecretsOpener | null> {
  if (identityFile !== undefined) {
    if (passphraseFile !== undefined)
      throw new UsageError(`${command}: give --identity or --passphrase-file, not both`);
    return { identity: readKey(command, '--identity', identityFile, 'private') };
  }
  const passphrase = await readPassphrase(command, passphraseFile, { confirm: false, ...options });
  return passphrase === null ? null : { passphrase };
}
