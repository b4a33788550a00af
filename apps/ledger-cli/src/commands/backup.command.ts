// backup --out DIR: an online backup of the embedded ledger while the api runs; backup --verify DIR: the
// offline check of one.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  BackupInvalidError,
  BackupRefusedError,
  loadConfig,
  SecretsFileError,
  takeBackup,
} from '@ledger/ledger';
import { parseArgs, UsageError, type CliCommand } from '../args';
import { progressPrinter } from '../ledger-context';
import { readOpener, readSealer } from '../secrets-key';
import { checkBackup } from './check-backup';

const HELP = `Usage: npm run cli -- backup --out DIR [--with-read-store] [--passphrase-file FILE | --recipient FILE]
       npm run cli -- backup --verify DIR [--passphrase-file FILE | --identity FILE] [--public-key FILE]

backup --out DIR: a consistent copy of the embedded ledger's data directory (LEDGER_DATA_DIR), safe while the
api writes: the event store through SQLite's online backup API from one snapshot, every signed tree head, the
read store if asked (else restore rebuilds it), and the secrets (pseudonym key, token key, signing key,
personal-data keys, every secret store) in secrets.enc, encrypted with a passphrase (scrypt + AES-256-GCM)
or, with --recipient FILE, to a public key (made by \`backup-key\`; X25519 or RSA of 3072 bits or more), so
that this machine cannot open its own backups: only the private key kept elsewhere can.
manifest.json, written last, gives every file's size and sha256, the event store's head, the latest signed
tree head and the time. DIR must be new or empty. Keep secrets.enc apart from the rest (see README).

backup --verify DIR: checks a backup offline, without restoring it: every file against the manifest, every
event's hash, chain and position, the head, the Merkle tree against every signed head, and (given the
passphrase or --identity's private key) that the secrets file opens. Exits 1 naming each problem.

The passphrase comes from LEDGER_BACKUP_PASSPHRASE, --passphrase-file FILE, or is asked at the terminal;
never from the command line. A new backup's passphrase has at least 12 characters.
  --with-read-store  also copy the read store (a faster restore; it can always be rebuilt)
  --recipient FILE   seal the secrets to this public key (PEM) instead of a passphrase
  --identity FILE    the private key (PEM) that opens secrets sealed to a public key
  --public-key FILE  check the heads with this PEM (the one the ledger publishes) instead of the manifest's`;

async function backup(
  outDir: string,
  withReadStore: boolean,
  passphraseFile: string | undefined,
  recipientFile: string | undefined,
): Promise<number> {
  const config = loadConfig();
  if (config.eventStore !== 'sqlite' || config.readStore !== 'sqlite')
    throw new UsageError(
      'backup: copies the embedded ledger only; with EventStoreDB and MongoDB use their own backups (README, "Operating the ledger")',
    );
  const sealer = await readSealer('backup', recipientFile, passphraseFile);
  const started = Date.now();
  const printers = new Map<string, ReturnType<typeof progressPrinter>>();
  try {
    const manifest = await takeBackup({
      dataDir: config.dataDir,
      outDir: resolve(outDir),
      sealer,
      withReadStore,
      ...(config.signingKey ? { configuredSigningKey: config.signingKey } : {}),
      onProgress: ({ file, pagesDone, pagesTotal }) => {
        let printer = printers.get(file);
        if (!printer) printers.set(file, (printer = progressPrinter(`backup ${file} (pages)`, 50_000)));
        printer.update(pagesDone, pagesTotal);
        if (pagesDone === pagesTotal) printer.done();
      },
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const head = manifest.signedTreeHeads.latest;
    console.log(
      `backup: event store head ${manifest.eventStore.headPosition} (${manifest.eventStore.streams} streams) at ${manifest.takenAt}`,
    );
    console.log(
      `backup: ${manifest.signedTreeHeads.count} signed tree heads` +
        (head ? `, latest #${head.sequence} over ${head.treeSize} events signed ${head.timestamp}` : ''),
    );
    console.log(
      `backup: secrets sealed ${manifest.secrets.sealedTo ? `to the public key ${manifest.secrets.sealedTo}` : 'with the passphrase'}: ${manifest.secrets.paths.join(', ') || 'none in the data directory'}`,
    );
    console.log(
      `backup: ${manifest.files.map((f) => `${f.name} ${f.bytes} bytes`).join(', ')}; read store ${manifest.readStoreIncluded ? 'included' : 'left out (restore rebuilds it)'}`,
    );
    console.log(`backup: done in ${seconds}s -> ${resolve(outDir)}`);
    return 0;
  } catch (error) {
    if (error instanceof BackupRefusedError) {
      console.error(`backup: refused: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

async function verifyBackup(
  dir: string,
  passphraseFile: string | undefined,
  identityFile: string | undefined,
  publicKeyFile: string | undefined,
): Promise<number> {
  const opener = await readOpener('backup --verify', identityFile, passphraseFile, { optional: true });
  const publicKey = publicKeyFile ? readFileSync(publicKeyFile, 'utf8') : null;
  const progress = progressPrinter('backup --verify: events', 100_000);
  try {
    const { problems, manifest } = await checkBackup(
      resolve(dir),
      opener,
      publicKey,
      (line) => console.log(`backup --verify: ${line}`),
      (checked, head) => progress.update(checked, head),
    );
    progress.done();
    for (const problem of problems) console.log(`backup --verify: ${problem}`);
    if (problems.length > 0) {
      console.error(`backup --verify: FAILED: ${problems.length} problems`);
      return 1;
    }
    console.log(
      `backup --verify: OK: backup of ${manifest.takenAt}, head ${manifest.eventStore.headPosition}, ${manifest.signedTreeHeads.count} signed heads`,
    );
    return 0;
  } catch (error) {
    if (error instanceof BackupInvalidError || error instanceof SecretsFileError) {
      console.error(`backup --verify: FAILED: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Back up the embedded ledger while it runs (--out DIR), or check a backup (--verify DIR).',
  help: HELP,
  async run(args) {
    const { options, flags } = parseArgs('backup', args, {
      options: ['--out', '--verify', '--passphrase-file', '--recipient', '--identity', '--public-key'],
      flags: ['--with-read-store'],
    });
    const out = options['--out'];
    const verifyDir = options['--verify'];
    if ((out === undefined) === (verifyDir === undefined))
      throw new UsageError('backup: give exactly one of --out DIR and --verify DIR');
    if (out !== undefined) {
      if (options['--identity'] !== undefined)
        throw new UsageError('backup: --identity opens a backup (--verify); to seal to a key give --recipient');
      return backup(
        out,
        flags.has('--with-read-store'),
        options['--passphrase-file'],
        options['--recipient'],
      );
    }
    if (options['--recipient'] !== undefined)
      throw new UsageError('backup --verify: --recipient seals a new backup; to open one give --identity');
    return verifyBackup(
      verifyDir!,
      options['--passphrase-file'],
      options['--identity'],
      options['--public-key'],
    );
  },
};
