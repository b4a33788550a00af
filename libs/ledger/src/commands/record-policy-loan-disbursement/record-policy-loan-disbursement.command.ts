import { Command } from '@nestjs/cqrs';
import type { RecordPolicyLoanDisbursement } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

/** As the domain command, with the citizen id that the handler turns into borrowerRef. */
export type RecordPolicyLoanDisbursementPayload = Omit<
  RecordPolicyLoanDisbursement,
  'type' | 'now' | 'borrowerRef'
> & {
  borrowerCitizenId: string;
};

export class RecordPolicyLoanDisbursementCommand extends Command<CommandResult> {
  constructor(
    readonly payload: RecordPolicyLoanDisbursementPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
