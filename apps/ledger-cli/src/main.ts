// The operator CLI: `npm run cli -- <command> [options]`, `<command> --help` for each. Exit codes: 0 ok,
// 1 a failure found (or a known error), 2 a usage error.
import 'reflect-metadata';
import { DomainError, LedgerError, PlanSeedInvalidError } from '@ledger/domain';
import { EventStoreError } from '@ledger/event-store';
import { ConfigError, PersonalKeysUnavailableError, TokenError, ValidationFailedError } from '@ledger/ledger';
import { UsageError, type CliCommand } from './args';
import { accountCommand } from './commands/account.command';
import { backupCommand } from './commands/backup.command';
import { backupKeyCommand } from './commands/backup-key.command';
import { restoreCommand } from './commands/restore.command';
import { erasePersonCommand } from './commands/erase-person.command';
import { importCommand } from './commands/import.command';
import { rebuildCommand } from './commands/rebuild.command';
import { reportCommand } from './commands/report.command';
import { seedCommand } from './commands/seed.command';
import { signHeadCommand } from './commands/sign-head.command';
import { tokenCommand } from './commands/token.command';
import { tokenKeyCommand } from './commands/token-key.command';
import { checkEvidenceCommand, evidenceCommand, verifyCommand } from './commands/verifiable-log.command';

const COMMANDS: CliCommand[] = [
  seedCommand,
  tokenCommand,
  tokenKeyCommand,
  importCommand,
  verifyCommand,
  rebuildCommand,
  reportCommand,
  signHeadCommand,
  evidenceCommand,
  checkEvidenceCommand,
  erasePersonCommand,
  backupCommand,
  backupKeyCommand,
  restoreCommand,
  accountCommand,
];

const HELP = `Usage: npm run cli -- <command> [options]   (npm run cli -- <command> --help for one command)

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(15)} ${c.summary}`).join('\n')}
  help            Show this text.

Exit codes: 0 ok, 1 a failure found, 2 a usage error.
Environment: LEDGER_DATA_DIR (default ./data), LEDGER_EVENT_STORE (sqlite | eventstoredb), EVENTSTORE_URL,
LEDGER_READ_STORE (sqlite | mongodb), MONGO_URL, LEDGER_SEED_DIR, LEDGER_TOKEN_SECRET, LEDGER_BACKUP_PASSPHRASE,
LEDGER_ERASURE_LOG (see README).`;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    console.log(HELP);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`unknown command: ${name}\n\n${HELP}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(command.help);
    return 0;
  }
  return command.run(args);
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n(npm run cli -- ${process.argv[2]} --help)`);
      process.exit(2);
    }
    const known =
      error instanceof ConfigError ||
      error instanceof DomainError ||
      error instanceof PersonalKeysUnavailableError ||
      error instanceof LedgerError ||
      error instanceof EventStoreError ||
      error instanceof PlanSeedInvalidError ||
      error instanceof TokenError ||
      error instanceof ValidationFailedError;
    console.error(known ? error.message : error);
    process.exit(1);
  });
