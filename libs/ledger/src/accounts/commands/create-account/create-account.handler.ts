// Creates an account: the event first (who created whom, with which roles), then the password's hash in the
// credential store. A create sent again for an account that has a password is refused (409), so it cannot
// replace the password; one whose password was never stored (the store failed) completes.
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { conflict, type PlanSeed } from '@ledger/domain';
import { ValidationFailedError } from '../../../errors/ledger-errors';
import { PLAN_SEED } from '../../../read/projections.providers';
import { AccountCommands } from '../../account-commands';
import { AccountReader } from '../../account-reader';
import type { AccountResult } from '../../account-result';
import { CREDENTIALS, type CredentialStore } from '../../credential-store.port';
import { hashPassword, refusePassword } from '../../password-hash';
import { CreateAccountCommand } from './create-account.command';

@CommandHandler(CreateAccountCommand)
export class CreateAccountHandler implements ICommandHandler<CreateAccountCommand> {
  private readonly agencies: Set<string>;
  private readonly orgUnits: Set<string>;

  constructor(
    private readonly accounts: AccountCommands,
    private readonly reader: AccountReader,
    @Inject(CREDENTIALS) private readonly credentials: CredentialStore,
    @Inject(PLAN_SEED) seed: PlanSeed,
  ) {
    this.agencies = new Set(seed.agencies.map((a) => a.code));
    this.orgUnits = new Set(seed.orgUnits.map((u) => u.code));
  }

  async execute({ payload, context }: CreateAccountCommand): Promise<AccountResult> {
    const { password, ...account } = payload;
    const refused = refusePassword(password);
    if (refused) throw new ValidationFailedError([{ field: 'password', message: refused }]);
    if (
      (await this.reader.read(account.officer)) !== null &&
      (await this.credentials.passwordHash(account.officer)) !== null
    )
      throw conflict('ACCOUNT_EXISTS', `an account ${account.officer} is already recorded`);
    const result = await this.accounts.execute(
      {
        type: 'CreateAccount',
        ...account,
        occurredAt: context.receivedAt.toISOString(),
        known: { isAgency: (c) => this.agencies.has(c), isOrgUnit: (c) => this.orgUnits.has(c) },
      },
      context,
    );
    await this.credentials.setPassword(account.officer, await hashPassword(password), context.receivedAt);
    return { ...result, account: (await this.reader.read(account.officer))! };
  }
}
