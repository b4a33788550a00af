import type { Principal } from '../access/principal';
import type { WritePolicyContext } from '../access/write-policy';
import { specFor } from '../testing/decider-spec';
import type { CreateAccount, KnownScope } from './account.commands';
import { accountAggregate, accountStream } from './account.aggregate';
import { accountWriteRule } from './account-write-rule';
import type { AccountRecord } from './account.events';

const spec = specFor(accountAggregate);
const timed = { occurredAt: '2026-03-02T08:00:00Z', now: '2026-03-02T08:00:05Z' };
const known: KnownScope = {
  isAgency: (code) => ['VHXH-XA-BAC-AI-DONG', 'UBND-BAC-AI'].includes(code),
  isOrgUnit: (code) => ['KH-BAC-AI-DONG', 'NINH-THUAN'].includes(code),
};
const record: AccountRecord = {
  officer: 'can-bo-01',
  displayName: 'Pi Năng Thị Hoa',
  agency: 'VHXH-XA-BAC-AI-DONG',
  orgUnits: ['KH-BAC-AI-DONG'],
  roles: ['officer'],
};
const create = (over: Partial<CreateAccount> = {}): CreateAccount => ({
  type: 'CreateAccount',
  ...timed,
  ...record,
  known,
  ...over,
});
const created = { type: 'AccountCreated', data: record };
const disabled = { type: 'AccountDisabled', data: { officer: 'can-bo-01', reason: 'left the office' } };
const command = <T extends string>(type: T, over: Record<string, unknown> = {}) =>
  ({ type, officer: 'can-bo-01', ...timed, ...over }) as never;

describe('account', () => {
  it('lives in its own stream, named by the officer', () =>
    expect(accountAggregate.streamFor(create())).toBe('account-can-bo-01'));

  describe('CreateAccount', () => {
    it('records the account with its agency, org units and roles', () =>
      spec.given().when(create()).then(created));

    it('appends nothing when the same account is created again (a retry)', () =>
      spec.given(created).when(create()).then());

    it('refuses another account under a recorded officer id', () =>
      spec
        .given(created)
        .when(create({ displayName: 'Someone else' }))
        .thenThrows('ACCOUNT_EXISTS', {
          kind: 'conflict',
        }));

    it.each([[['officer', 'inspector']], [['admin', 'supervisor']], [['admin', 'officer']]] as const)(
      'refuses roles that four eyes keep apart: %j',
      (roles) => spec.given().when(create({ roles })).thenThrows('ROLE_MIX_REFUSED', { field: 'roles' }),
    );

    it('accepts a viewer with any other role', () =>
      spec
        .given()
        .when(create({ roles: ['officer', 'viewer'] }))
        .then({ type: 'AccountCreated', data: { ...record, roles: ['officer', 'viewer'] } }));

    it('refuses an agency or org unit that is not the plan’s, naming the field', () => {
      spec
        .given()
        .when(create({ agency: 'NOPE' }))
        .thenThrows('AGENCY_UNKNOWN', { field: 'agency' });
      spec
        .given()
        .when(create({ orgUnits: ['KH-BAC-AI-DONG', 'NOWHERE'] }))
        .thenThrows('ORG_UNIT_UNKNOWN', { field: 'orgUnits[1]' });
    });

    it('refuses an unknown role, no role and a bad officer id', () => {
      spec
        .given()
        .when(create({ roles: ['root' as never] }))
        .thenThrows('VALUE_NOT_ALLOWED', { field: 'roles[0]' });
      spec
        .given()
        .when(create({ roles: [] }))
        .thenThrows('ROLES_REQUIRED', { field: 'roles' });
      spec
        .given()
        .when(create({ officer: 'a b' }))
        .thenThrows('OFFICER_ID_INVALID', { field: 'officer' });
    });
  });

  describe('DisableAccount and EnableAccount', () => {
    it('disables with a reason, and enables again', () => {
      spec
        .given(created)
        .when(command('DisableAccount', { reason: 'left the office' }))
        .then(disabled);
      spec
        .given(created, disabled)
        .when(command('EnableAccount'))
        .then({ type: 'AccountEnabled', data: { officer: 'can-bo-01' } });
    });

    it('appends nothing for what already holds', () => {
      spec
        .given(created, disabled)
        .when(command('DisableAccount', { reason: 'again and again' }))
        .then();
      spec.given(created).when(command('EnableAccount')).then();
    });

    it('needs a reason to disable', () =>
      spec
        .given(created)
        .when(command('DisableAccount', { reason: ' ' }))
        .thenThrows('TEXT_REQUIRED', { field: 'reason' }));

    it('refuses an account that is not recorded', () =>
      spec
        .given()
        .when(command('DisableAccount', { reason: 'left the office' }))
        .thenThrows('ACCOUNT_NOT_FOUND', { kind: 'not_found' }));
  });

  describe('GrantRole and RevokeRole', () => {
    it('grants a role and revokes it', () => {
      const granted = { type: 'AccountRoleGranted', data: { officer: 'can-bo-01', role: 'supervisor' } };
      spec
        .given(created)
        .when(command('GrantRole', { role: 'supervisor' }))
        .then(granted);
      spec
        .given(created, granted)
        .when(command('RevokeRole', { role: 'officer' }))
        .then({ type: 'AccountRoleRevoked', data: { officer: 'can-bo-01', role: 'officer' } });
    });

    it('refuses a grant that would mix roles four eyes keep apart', () =>
      spec
        .given(created)
        .when(command('GrantRole', { role: 'inspector' }))
        .thenThrows('ROLE_MIX_REFUSED', { field: 'role' }));

    it('appends nothing for a role already held, or one not held', () => {
      spec
        .given(created)
        .when(command('GrantRole', { role: 'officer' }))
        .then();
      spec
        .given(created)
        .when(command('RevokeRole', { role: 'viewer' }))
        .then();
    });

    it('refuses to revoke the last role', () =>
      spec
        .given(created)
        .when(command('RevokeRole', { role: 'officer' }))
        .thenThrows('LAST_ROLE', { kind: 'conflict' }));
  });

  it('records a password reset without the password', () =>
    spec
      .given(created)
      .when(command('ResetPassword'))
      .then({ type: 'AccountPasswordReset', data: { officer: 'can-bo-01' } }));

  describe('who may write an account stream', () => {
    const who = (roles: Principal['roles']): Principal => ({
      officer: 'x',
      agency: 'UBND-BAC-AI',
      orgUnits: ['NINH-THUAN'],
      roles,
    });
    const write = (events: { type: string; data: unknown }[], stream = accountStream('can-bo-01')) => ({
      stream,
      aggregate: 'account',
      orgUnit: 'NINH-THUAN',
      events,
    });
    const context = {} as WritePolicyContext;

    it('an admin writes account events', () =>
      expect(accountWriteRule(who(['admin']), write([created]), context)).toBeNull());

    it.each([['officer'], ['supervisor'], ['inspector'], ['viewer']] as const)('not an %s', (role) =>
      expect(accountWriteRule(who([role]), write([created]), context)).toMatchObject({ code: 'FORBIDDEN' }),
    );

    it('no correction or other event in an account stream, no account event elsewhere', () => {
      expect(
        accountWriteRule(who(['admin']), write([{ type: 'EventCorrected', data: {} }]), context),
      ).toMatchObject({ code: 'FORBIDDEN' });
      expect(accountWriteRule(who(['admin']), write([created], 'housing-case-1'), context)).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(
        accountWriteRule(
          who(['officer']),
          write([{ type: 'HouseCompleted', data: {} }], 'housing-case-1'),
          context,
        ),
      ).toBeUndefined();
    });
  });
});
