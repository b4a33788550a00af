// Disables, enables, grants or revokes; a disabling or a revocation also ends the officer's open sessions,
// so their next refresh is refused (and their next write is refused by the session check in any case).
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountCommands } from '../../account-commands';
import { AccountReader } from '../../account-reader';
import type { AccountResult } from '../../account-result';
import { CREDENTIALS, type CredentialStore } from '../../credential-store.port';
import { ChangeAccountCommand } from './change-account.command';

const ENDS_SESSIONS: Partial<Record<ChangeAccountCommand['change']['type'], string>> = {
  DisableAccount: 'account disabled',
  RevokeRole: 'role revoked',
};

@CommandHandler(ChangeAccountCommand)
export class ChangeAccountHandler implements ICommandHandler<ChangeAccountCommand> {
  constructor(
    private readonly accounts: AccountCommands,
    private readonly reader: AccountReader,
    @Inject(CREDENTIALS) private readonly credentials: CredentialStore,
  ) {}

  async execute({ change, context }: ChangeAccountCommand): Promise<AccountResult> {
    const result = await this.accounts.execute(
      { ...change, occurredAt: context.receivedAt.toISOString() } as Parameters<
        AccountCommands['execute']
      >[0],
      context,
    );
    const reason = ENDS_SESSIONS[change.type];
    if (reason) await this.credentials.revokeSessionsOf(change.officer, reason, context.receivedAt);
    return { ...result, account: (await this.reader.read(change.officer))! };
  }
}
