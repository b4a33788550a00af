// The backup passphrase: from LEDGER_BACKUP_PASSPHRASE, a file (--passphrase-file), or typed at a terminal
// without echo. Never a command-line argument: those show in `ps` and in shell history.
import { readFileSync } from 'node:fs';
import { UsageError } from './args';
import { promptHidden } from './hidden-prompt';

export const MIN_PASSPHRASE_LENGTH = 12;

/**
 * `confirm`: a new passphrase (a backup): typed twice at a terminal, and at least MIN_PASSPHRASE_LENGTH long.
 * `optional`: return null rather than refuse when none is given and there is no terminal to ask on.
 */
export async function readPassphrase(
  command: string,
  file: string | undefined,
  options: { confirm: boolean; optional?: boolean },
): Promise<string | null> {
  let passphrase: string | undefined;
  if (file !== undefined) {
    try {
      passphrase = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      throw new UsageError(`${command}: cannot read --passphrase-file ${file}: ${(error as Error).message}`);
    }
  } else if (process.env.LEDGER_BACKUP_PASSPHRASE) {
    passphrase = process.env.LEDGER_BACKUP_PASSPHRASE;
  } else if (process.stdin.isTTY) {
    passphrase = await promptHidden(`${command}: passphrase of the secrets file: `);
    if (options.confirm && (await promptHidden(`${command}: the same passphrase again: `)) !== passphrase)
      throw new UsageError(`${command}: the two passphrases differ`);
  } else if (options.optional) {
    return null;
  } else {
    throw new UsageError(
      `${command}: no passphrase: set LEDGER_BACKUP_PASSPHRASE, give --passphrase-file FILE, or run it at a terminal`,
    );
  }
  if (options.confirm && passphrase.length < MIN_PASSPHRASE_LENGTH)
    throw new UsageError(`${command}: the passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters`);
  if (passphrase.length === 0) throw new UsageError(`${command}: the passphrase is empty`);
  return passphrase;
}
