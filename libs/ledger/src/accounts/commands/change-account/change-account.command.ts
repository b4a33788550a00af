import { Command } from '@nestjs/cqrs';
import type { DisableAccount, EnableAccount, GrantRole, RevokeRole } from '@ledger/domain';
import type { CommandContext } from '../../../write/command-context';
import type { AccountResult } from '../../account-result';

/** Disable or enable an account, grant or revoke a role: the command as the domain knows it, less the times. */
export type AccountChange = DisableAccount | EnableAccount | GrantRole | RevokeRole extends infer C
  ? C extends unknown
    ? Omit<C, 'occurredAt' | 'now'>
    : never
  : never;

export class ChangeAccountCommand extends Command<AccountResult> {
  constructor(
    readonly change: AccountChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}
