import { Command } from '@nestjs/cqrs';
import type { RecordSocialInsuranceEnrolment } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

/** As the domain command, with the citizen id that the handler turns into beneficiaryRef. */
export type RecordSocialInsuranceEnrolmentPayload = Omit<
  RecordSocialInsuranceEnrolment,
  'type' | 'now' | 'beneficiaryRef'
> & {
  beneficiaryCitizenId: string;
};

export class RecordSocialInsuranceEnrolmentCommand extends Command<CommandResult> {
  constructor(
    readonly payload: RecordSocialInsuranceEnrolmentPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
