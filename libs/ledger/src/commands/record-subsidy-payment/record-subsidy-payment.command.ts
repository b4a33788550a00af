import { Command } from '@nestjs/cqrs';
import type { RecordSubsidyPayment } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

/** As the domain command, with the citizen id that the handler turns into beneficiaryRef. */
export type RecordSubsidyPaymentPayload = Omit<RecordSubsidyPayment, 'type' | 'now' | 'beneficiaryRef'> & {
  beneficiaryCitizenId: string;
};

export class RecordSubsidyPaymentCommand extends Command<CommandResult> {
  constructor(
    readonly payload: RecordSubsidyPaymentPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
