import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../write/command-context';
import type { AccountResult } from '../../account-result';

/** An admin sets a new password for an account; its open sessions end. */
export class SetPasswordCommand extends Command<AccountResult> {
  constructor(
    readonly officer: string,
    readonly password: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
