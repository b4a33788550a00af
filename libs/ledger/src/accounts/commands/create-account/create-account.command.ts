import { Command } from '@nestjs/cqrs';
import type { Role } from '@ledger/domain';
import type { CommandContext } from '../../../write/command-context';
import type { AccountResult } from '../../account-result';

export interface CreateAccountPayload {
  officer: string;
  displayName: string;
  agency: string;
  orgUnits: string[];
  roles: Role[];
  /** Goes to the credential store as a hash; never into an event. */
  password: string;
}

export class CreateAccountCommand extends Command<AccountResult> {
  constructor(
    readonly payload: CreateAccountPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
