// A password reset: on the record as AccountPasswordReset (who reset whose, never the password), the new
// hash in the credential store, and every open session of the account ended.
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ValidationFailedError } from '../../../errors/ledger-errors';
import { AccountCommands } from '../../account-commands';
import { AccountReader } from '../../account-reader';
import type { AccountResult } from '../../account-result';
import { CREDENTIALS, type CredentialStore } from '../../credential-store.port';
import { hashPassword, refusePassword } from '../../password-hash';
import { SetPasswordCommand } from './set-password.command';

@CommandHandler(SetPasswordCommand)
export class SetPasswordHandler implements ICommandHandler<SetPasswordCommand> {
  constructor(
    private readonly accounts: AccountCommands,
    private readonly reader: AccountReader,
    @Inject(CREDENTIALS) private readonly credentials: CredentialStore,
  ) {}

  async execute({ officer, password, context }: SetPasswordCommand): Promise<AccountResult> {
    const refused = refusePassword(password);
    if (refused) throw new ValidationFailedError([{ field: 'password', message: refused }]);
    const hash = await hashPassword(password);
    const result = await this.accounts.execute(
      { type: 'ResetPassword', officer, occurredAt: context.receivedAt.toISOString() },
      context,
    );
    await this.credentials.setPassword(officer, hash, context.receivedAt);
    await this.credentials.revokeSessionsOf(officer, 'password reset', context.receivedAt);
    await this.credentials.clearFailures(officer);
    return { ...result, account: (await this.reader.read(officer))! };
  }
}
