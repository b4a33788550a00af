// account: the operator's way to manage officers' accounts with the data directory, through the same
// commands as the admin's /accounts routes (each change an event on the record), under the operator's
// authority. Passwords come from a prompt or --password-stdin, never from an argument.
import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import type { INestApplicationContext } from '@nestjs/common';
import { isRole, OFFICER_ID, ROLES, type AccountView, type PlanSeed, type Role } from '@ledger/domain';
import {
  AccountReader,
  AccountsModule,
  ChangeAccountCommand,
  CreateAccountCommand,
  CREDENTIALS,
  PLAN_SEED,
  SetPasswordCommand,
  type AccountChange,
  type AccountResult,
  type CommandContext,
  type CredentialStore,
} from '@ledger/ledger';
import { parseArgs, UsageError, type CliCommand } from '../args';
import { withLedger } from '../ledger-context';
import { readNewPassword } from './read-password';

const HELP = `Usage: npm run -s cli -- account <action> [options]

Manages officers' accounts. Every change is an event on the record (stream account-ID) with the operator
as actor; passwords go to the credential store (<LEDGER_DATA_DIR>/secrets/credentials.db) as scrypt hashes.

  create   --officer ID --name "Full name" --agency CODE (--role ROLE[,ROLE] | --admin)
           [--org-unit CODE[,CODE]] [--password-stdin]
           --admin gives the admin role (the first account to create: it manages the others over
           the API). Roles that four eyes keep apart are refused together. Org units default to
           the one the agency serves.
  list     every account: officer, roles, agency, org units, enabled or why not
  disable  --officer ID --reason "..."     its sessions end; its next write is refused
  enable   --officer ID
  grant    --officer ID --role ROLE
  revoke   --officer ID --role ROLE        its sessions end
  password --officer ID [--password-stdin] an admin's reset: its sessions end

Common: --by ID   who does it, for the record (default: ledger-cli)
The password is asked twice at the terminal, or read from the first line of standard input with
--password-stdin (e.g. from a secrets manager); it is never taken from an argument.

Example: npm run -s cli -- account create --admin --officer quan-tri-01 --name "Nguyễn Văn An" --agency UBND-BAC-AI`;

const DONE = { disable: 'disabled', enable: 'enabled', grant: 'granted', revoke: 'revoked' } as const;

const OPTIONS = ['--officer', '--name', '--agency', '--role', '--org-unit', '--reason', '--by'] as const;
const FLAGS = ['--admin', '--password-stdin'] as const;

function officerOf(options: Record<string, string | undefined>): string {
  const officer = options['--officer'];
  if (!officer || !OFFICER_ID.test(officer))
    throw new UsageError("account: --officer ID is required (2-64 letters, digits, '.', '_', '-')");
  return officer;
}

function roleOf(text: string | undefined): Role {
  if (!isRole(text)) throw new UsageError(`account: --role must be one of ${ROLES.join(', ')}`);
  return text;
}

function describe(account: AccountView): string {
  const state = account.enabled ? 'enabled' : `disabled (${account.disabledReason ?? ''})`;
  return `${account.officer}  ${account.roles.join(',')}  ${account.agency}  ${account.orgUnits.join(',')}  ${state}  "${account.displayName}"`;
}

export const accountCommand: CliCommand = {
  name: 'account',
  summary: "Manage officers' accounts (create, list, disable, enable, grant, revoke, password).",
  help: HELP,
  async run(args) {
    const [action, ...rest] = args;
    const { options, flags } = parseArgs(`account ${action ?? ''}`.trim(), rest, {
      options: OPTIONS,
      flags: FLAGS,
    });
    const by = options['--by'] ?? 'ledger-cli';
    if (!OFFICER_ID.test(by)) throw new UsageError('account: --by must be an officer id');
    const context = (seed: PlanSeed): CommandContext => ({
      actor: { officer: by, agency: seed.plan.reportingAgency, role: 'admin' },
      authority: { operator: `ledger-cli account ${action}` },
      correlationId: randomUUID(),
      evidence: [],
      receivedAt: new Date(),
    });
    const run = <T>(use: (app: INestApplicationContext, seed: PlanSeed) => Promise<T>) =>
      withLedger({ runProjections: false, features: [AccountsModule] }, (app) =>
        use(app, app.get<PlanSeed>(PLAN_SEED)),
      );
    const execute = (app: INestApplicationContext, command: object) =>
      app.get(CommandBus).execute<never, AccountResult>(command as never);
    const report = (verb: string, result: AccountResult) => {
      console.log(
        `account ${verb}: ${describe(result.account)}` +
          (result.replayed || result.eventIds.length === 0
            ? ' (already so: nothing recorded)'
            : ` (recorded in ${result.stream} at position ${result.positions.join(', ')})`),
      );
      return 0;
    };

    switch (action) {
      case 'create': {
        const officer = officerOf(options);
        const name = options['--name'];
        const agency = options['--agency'];
        if (!name) throw new UsageError('account create: --name "Full name" is required');
        if (!agency) throw new UsageError('account create: --agency CODE is required');
        const roles = (options['--role'] ?? '')
          .split(',')
          .filter((r) => r !== '')
          .map(roleOf);
        if (flags.has('--admin') && !roles.includes('admin')) roles.push('admin');
        if (roles.length === 0) throw new UsageError('account create: give --role ROLE[,ROLE] or --admin');
        const password = await readNewPassword(flags.has('--password-stdin'));
        return run(async (app, seed) => {
          const served = seed.agencies.find((a) => a.code === agency)?.orgUnit;
          const orgUnits = (options['--org-unit'] ?? served ?? '').split(',').filter((u) => u !== '');
          const result = await execute(
            app,
            new CreateAccountCommand(
              { officer, displayName: name, agency, orgUnits, roles, password },
              context(seed),
            ),
          );
          return report('created', result);
        });
      }
      case 'list':
        return run(async (app) => {
          const reader = app.get(AccountReader);
          const officers = await app.get<CredentialStore>(CREDENTIALS).officers();
          const accounts = (await Promise.all(officers.map((o) => reader.read(o)))).filter(
            (a): a is AccountView => a !== null,
          );
          if (accounts.length === 0) console.log('no accounts yet');
          for (const account of accounts) console.log(describe(account));
          return 0;
        });
      case 'disable':
      case 'enable':
      case 'grant':
      case 'revoke': {
        const officer = officerOf(options);
        let change: AccountChange;
        if (action === 'disable') {
          const reason = options['--reason'];
          if (!reason) throw new UsageError('account disable: --reason "..." is required');
          change = { type: 'DisableAccount', officer, reason };
        } else if (action === 'enable') change = { type: 'EnableAccount', officer };
        else if (action === 'grant') change = { type: 'GrantRole', officer, role: roleOf(options['--role']) };
        else change = { type: 'RevokeRole', officer, role: roleOf(options['--role']) };
        return run(async (app, seed) =>
          report(DONE[action], await execute(app, new ChangeAccountCommand(change, context(seed)))),
        );
      }
      case 'password': {
        const officer = officerOf(options);
        const password = await readNewPassword(flags.has('--password-stdin'));
        return run(async (app, seed) =>
          report(
            'password set',
            await execute(app, new SetPasswordCommand(officer, password, context(seed))),
          ),
        );
      }
      default:
        throw new UsageError(
          `account: say what to do: create, list, disable, enable, grant, revoke or password (got ${action ?? 'nothing'})`,
        );
    }
  },
};
