import { Command } from '@nestjs/cqrs';
import type { RegisterHousingCase } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

/**
 * As the domain command, with the citizen id that the handler turns into householdRef, and the household head's
 * name and phone in clear, which the handler seals under the household's key before anything is decided.
 */
export type RegisterHousingCasePayload = Omit<
  RegisterHousingCase,
  'type' | 'now' | 'householdRef' | 'personal'
> & {
  householdHeadCitizenId: string;
  householdHeadName?: string;
  contactPhone?: string;
};

export class RegisterHousingCaseCommand extends Command<CommandResult> {
  constructor(
    readonly payload: RegisterHousingCasePayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
