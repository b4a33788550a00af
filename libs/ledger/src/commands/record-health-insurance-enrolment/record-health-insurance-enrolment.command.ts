import { Command } from '@nestjs/cqrs';
import type { RecordHealthInsuranceEnrolment } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

/** As the domain command, with the citizen id that the handler turns into beneficiaryRef. */
export type RecordHealthInsuranceEnrolmentPayload = Omit<
  RecordHealthInsuranceEnrolment,
  'type' | 'now' | 'beneficiaryRef'
> & {
  beneficiaryCitizenId: string;
};

export class RecordHealthInsuranceEnrolmentCommand extends Command<CommandResult> {
  constructor(
    readonly payload: RecordHealthInsuranceEnrolmentPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
