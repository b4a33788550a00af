// Whether the officer a provider vouches for also has an account of the ledger, and whether an admin has
// disabled it: a person whose ledger account is disabled is refused here too, whichever way they sign in.
export type AccountStanding = 'enabled' | 'disabled' | 'none';

export interface AccountStandings {
  standingOf(officer: string): Promise<AccountStanding>;
}

export const ACCOUNT_STANDINGS = Symbol('ACCOUNT_STANDINGS');
