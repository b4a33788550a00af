import { Command } from '@nestjs/cqrs';
import type { RegisterHousingCase } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

/** As the domain command, with the citizen id that the handler turns into householdRef. */
export type RegisterHousingCasePayload = Omit<RegisterHousingCase, 'type' | 'now' | 'householdRef'> & {
  householdHeadCitizenId: string;
};

export class RegisterHousingCaseCommand extends Command<CommandResult> {
  constructor(
    readonly payload: RegisterHousingCasePayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
