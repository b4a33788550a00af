// On start, when no enabled account holds the admin role, say how to create the first one. There is never
// a default account or password.
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AccountReader } from './account-reader';
import { CREDENTIALS, type CredentialStore } from './credential-store.port';

export const FIRST_ADMIN_HINT =
  'No admin account yet. Create the first one with:\n' +
  '  npm run -s cli -- account create --admin --officer ID --name "Full name" --agency CODE [--org-unit CODE]\n' +
  '(it asks for the password, or reads it from --password-stdin; see README, "Signing in")';

@Injectable()
export class FirstAdminNotice implements OnApplicationBootstrap {
  private readonly logger = new Logger('Accounts');

  constructor(
    @Inject(CREDENTIALS) private readonly credentials: CredentialStore,
    private readonly accounts: AccountReader,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      if (!(await this.hasAdmin())) this.logger.warn(FIRST_ADMIN_HINT);
    } catch (error) {
      this.logger.warn(`could not look for an admin account: ${(error as Error).message}`);
    }
  }

  async hasAdmin(): Promise<boolean> {
    for (const officer of await this.credentials.officers()) {
      const account = await this.accounts.read(officer);
      if (account?.enabled && account.roles.includes('admin')) return true;
    }
    return false;
  }
}
