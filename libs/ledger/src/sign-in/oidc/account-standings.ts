// Account standings as the account's stream in the event store says they are now (AccountReader).
import { Injectable } from '@nestjs/common';
import { AccountReader } from '../../accounts/account-reader';
import type { AccountStanding, AccountStandings } from './account-standing.port';

@Injectable()
export class RecordedAccountStandings implements AccountStandings {
  constructor(private readonly accounts: AccountReader) {}

  async standingOf(officer: string): Promise<AccountStanding> {
    const account = await this.accounts.read(officer);
    if (!account) return 'none';
    return account.enabled ? 'enabled' : 'disabled';
  }
}
