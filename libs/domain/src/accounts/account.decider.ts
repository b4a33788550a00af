// The account decider: an admin creates an officer's account, disables and enables it, grants and revokes
// roles, and resets its password. Role mixes that four eyes keep apart are refused here as tokens refuse
// them; agency and org units must be the plan's. Stating a fact again that already holds appends nothing.
import { ROLES, type Role } from '../access/principal';
import { refuseRoleMix } from '../access/role-separation';
import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/domain-error';
import { checkOccurredAt, requireOneOf, requireText } from '../shared/rules';
import type { AccountCommand, CreateAccount, KnownScope } from './account.commands';
import type { AccountEvent, AccountRecord } from './account.events';
import type { AccountState } from './account.state';

/** An officer id: 2-64 letters, digits, dot, underscore, dash (the same alphabet as a token's subject). */
export const OFFICER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

export function requireOfficerId(value: unknown, field = 'officer'): string {
  if (typeof value !== 'string' || !OFFICER_ID.test(value))
    throw invalid('OFFICER_ID_INVALID', field, `${field} must be 2-64 letters, digits, '.', '_' or '-'`);
  return value;
}

function requireRoles(value: unknown): Role[] {
  if (!Array.isArray(value) || value.length === 0)
    throw invalid('ROLES_REQUIRED', 'roles', 'roles must list at least one role');
  const roles = value.map((role, i) => requireOneOf(role, ROLES, `roles[${i}]`));
  const unique = [...new Set(roles)];
  const mixed = refuseRoleMix(unique);
  if (mixed) throw invalid('ROLE_MIX_REFUSED', 'roles', `the account would hold ${mixed}`);
  return unique;
}

function requireScope(command: CreateAccount, known: KnownScope): Pick<AccountRecord, 'agency' | 'orgUnits'> {
  const agency = requireText(command.agency, 'agency', 64);
  if (!known.isAgency(agency))
    throw invalid('AGENCY_UNKNOWN', 'agency', `${agency} is not an agency of the plan`);
  if (!Array.isArray(command.orgUnits) || command.orgUnits.length === 0)
    throw invalid('ORG_UNITS_REQUIRED', 'orgUnits', 'orgUnits must list at least one org unit');
  const orgUnits = command.orgUnits.map((unit, i) => {
    const code = requireText(unit, `orgUnits[${i}]`, 64);
    if (!known.isOrgUnit(code))
      throw invalid('ORG_UNIT_UNKNOWN', `orgUnits[${i}]`, `${code} is not an org unit of the plan`);
    return code;
  });
  return { agency, orgUnits: [...new Set(orgUnits)] };
}

function parseAccount(command: CreateAccount): AccountRecord {
  return {
    officer: requireOfficerId(command.officer),
    displayName: requireText(command.displayName, 'displayName', 200),
    ...requireScope(command, command.known),
    roles: requireRoles(command.roles),
  };
}

const sameAccount = (a: AccountRecord, b: AccountRecord): boolean => JSON.stringify(a) === JSON.stringify(b);

function existing(state: AccountState, officer: string): Exclude<AccountState, { status: 'none' }> {
  if (state.status === 'none') throw notFound('ACCOUNT_NOT_FOUND', `no account ${officer} is recorded`);
  return state;
}

export const accountDecider: Decider<AccountCommand, AccountEvent, AccountState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    checkOccurredAt(command);
    const officer = requireOfficerId(command.officer);
    switch (command.type) {
      case 'CreateAccount': {
        const account = parseAccount(command);
        if (state.status === 'none') return [{ type: 'AccountCreated', data: account }];
        if (sameAccount(state.account, account)) return [];
        throw conflict('ACCOUNT_EXISTS', `an account ${officer} is already recorded`);
      }
      case 'DisableAccount': {
        const reason = requireText(command.reason, 'reason', 500);
        if (reason.length < 5)
          throw invalid('REASON_TOO_SHORT', 'reason', 'reason must say why (at least 5 characters)');
        return existing(state, officer).status === 'disabled'
          ? []
          : [{ type: 'AccountDisabled', data: { officer, reason } }];
      }
      case 'EnableAccount':
        return existing(state, officer).status === 'enabled'
          ? []
          : [{ type: 'AccountEnabled', data: { officer } }];
      case 'GrantRole': {
        const role = requireOneOf(command.role, ROLES, 'role');
        const { account } = existing(state, officer);
        if (account.roles.includes(role)) return [];
        const mixed = refuseRoleMix([...account.roles, role]);
        if (mixed) throw invalid('ROLE_MIX_REFUSED', 'role', `the account would hold ${mixed}`);
        return [{ type: 'AccountRoleGranted', data: { officer, role } }];
      }
      case 'RevokeRole': {
        const role = requireOneOf(command.role, ROLES, 'role');
        const { account } = existing(state, officer);
        if (!account.roles.includes(role)) return [];
        if (account.roles.length === 1)
          throw conflict(
            'LAST_ROLE',
            `${role} is the only role of ${officer}: disable the account instead of leaving it without a role`,
          );
        return [{ type: 'AccountRoleRevoked', data: { officer, role } }];
      }
      case 'ResetPassword':
        existing(state, officer);
        return [{ type: 'AccountPasswordReset', data: { officer } }];
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'AccountCreated':
        return { status: 'enabled', account: event.data };
      case 'AccountDisabled':
        return state.status === 'none'
          ? state
          : { status: 'disabled', account: state.account, reason: event.data.reason };
      case 'AccountEnabled':
        return state.status === 'none' ? state : { status: 'enabled', account: state.account };
      case 'AccountRoleGranted':
        return state.status === 'none'
          ? state
          : { ...state, account: { ...state.account, roles: [...state.account.roles, event.data.role] } };
      case 'AccountRoleRevoked':
        return state.status === 'none'
          ? state
          : {
              ...state,
              account: { ...state.account, roles: state.account.roles.filter((r) => r !== event.data.role) },
            };
      case 'AccountPasswordReset':
        return state;
      default:
        return assertNever(event);
    }
  },
};
