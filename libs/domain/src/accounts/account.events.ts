// Events of an officer's account: who was given which agency, org units and roles, disabled or enabled again,
// and had a password reset, by which admin (the envelope's actor) and when. No password or hash, ever.
import type { DomainEvent } from '../shared/envelope';
import type { Role } from '../access/principal';

export interface AccountRecord {
  officer: string;
  displayName: string;
  agency: string;
  orgUnits: string[];
  roles: Role[];
}

export type AccountCreated = DomainEvent<'AccountCreated', AccountRecord>;
export type AccountDisabled = DomainEvent<'AccountDisabled', { officer: string; reason: string }>;
export type AccountEnabled = DomainEvent<'AccountEnabled', { officer: string }>;
export type AccountRoleGranted = DomainEvent<'AccountRoleGranted', { officer: string; role: Role }>;
export type AccountRoleRevoked = DomainEvent<'AccountRoleRevoked', { officer: string; role: Role }>;
export type AccountPasswordReset = DomainEvent<'AccountPasswordReset', { officer: string }>;

export type AccountEvent =
  | AccountCreated
  | AccountDisabled
  | AccountEnabled
  | AccountRoleGranted
  | AccountRoleRevoked
  | AccountPasswordReset;

export const ACCOUNT_EVENT_TYPES: readonly AccountEvent['type'][] = [
  'AccountCreated',
  'AccountDisabled',
  'AccountEnabled',
  'AccountRoleGranted',
  'AccountRoleRevoked',
  'AccountPasswordReset',
];
