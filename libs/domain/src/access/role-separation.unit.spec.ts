import { refuseRoleMix, ROLE_SEPARATION } from './role-separation';
import type { Role } from './principal';

describe('roles that four eyes keep apart are never held together', () => {
  it.each<[Role[]]>([
    [['officer', 'inspector']],
    [['supervisor', 'inspector']],
    [['inspector', 'officer', 'viewer']],
    [['admin', 'officer']],
    [['admin', 'supervisor']],
    [['admin', 'inspector']],
  ])('refuses %j, saying which two and why', (roles) => {
    const refusal = refuseRoleMix(roles);
    expect(refusal).not.toBeNull();
    const pair = ROLE_SEPARATION.find((rule) => rule.apart.every((r) => roles.includes(r)))!;
    expect(refusal).toContain(pair.apart.join(' and '));
    expect(refusal).toContain(pair.why);
  });

  it.each<[Role[]]>([
    [['officer']],
    [['officer', 'supervisor']],
    [['inspector', 'viewer']],
    [['officer', 'viewer']],
    [['admin', 'viewer']],
    [['admin']],
  ])('allows %j', (roles) => {
    expect(refuseRoleMix(roles)).toBeNull();
  });
});
