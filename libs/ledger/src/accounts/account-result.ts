import type { AccountView } from '@ledger/domain';
import type { CommandResult } from '../write/command-context';

/** What an account command answers: the account as it now stands, and where its events went. */
export interface AccountResult extends CommandResult {
  account: AccountView;
}
