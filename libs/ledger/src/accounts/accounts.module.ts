// Accounts: the credential store, the account as its stream says it is, and the admin's commands on
// accounts. The api adds the HTTP routes (AccountsHttpModule), the cli's `account` command uses this alone.
import { Module } from '@nestjs/common';
import { AccountCommands } from './account-commands';
import { AccountReader } from './account-reader';
import { ChangeAccountHandler } from './commands/change-account/change-account.handler';
import { CreateAccountHandler } from './commands/create-account/create-account.handler';
import { SetPasswordHandler } from './commands/set-password/set-password.handler';
import { CREDENTIALS } from './credential-store.port';
import { credentialStoreProvider } from './credential-store.provider';

@Module({
  providers: [
    credentialStoreProvider,
    AccountReader,
    AccountCommands,
    CreateAccountHandler,
    ChangeAccountHandler,
    SetPasswordHandler,
  ],
  exports: [CREDENTIALS, AccountReader],
})
export class AccountsModule {}
