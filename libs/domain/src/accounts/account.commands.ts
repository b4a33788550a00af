// Commands of an officer's account (stream account-<officer>). An admin issues them; the account's password
// is never part of a command: it goes to the credential store, and only the fact that it was reset is recorded.
import type { Role } from '../access/principal';
import type { TimedCommand } from '../shared/rules';

/** The plan's codes an account may name, as the shell knows them from the plan folder. */
export interface KnownScope {
  isAgency(code: string): boolean;
  isOrgUnit(code: string): boolean;
}

export interface CreateAccount extends TimedCommand {
  type: 'CreateAccount';
  officer: string;
  displayName: string;
  agency: string;
  orgUnits: readonly string[];
  roles: readonly Role[];
  known: KnownScope;
}

export interface DisableAccount extends TimedCommand {
  type: 'DisableAccount';
  officer: string;
  reason: string;
}

export interface EnableAccount extends TimedCommand {
  type: 'EnableAccount';
  officer: string;
}

export interface GrantRole extends TimedCommand {
  type: 'GrantRole';
  officer: string;
  role: Role;
}

export interface RevokeRole extends TimedCommand {
  type: 'RevokeRole';
  officer: string;
  role: Role;
}

/** An admin set a new password (kept in the credential store); the record says who did it and when. */
export interface ResetPassword extends TimedCommand {
  type: 'ResetPassword';
  officer: string;
}

export type AccountCommand =
  CreateAccount | DisableAccount | EnableAccount | GrantRole | RevokeRole | ResetPassword;
