import { Command } from '@nestjs/cqrs';
import type { RecordUnemploymentInsuranceEnrolment } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

/** As the domain command, with the citizen id that the handler turns into beneficiaryRef. */
export type RecordUnemploymentInsuranceEnrolmentPayload = Omit<
  RecordUnemploymentInsuranceEnrolment,
  'type' | 'now' | 'beneficiaryRef'
> & {
  beneficiaryCitizenId: string;
};

export class RecordUnemploymentInsuranceEnrolmentCommand extends Command<CommandResult> {
  constructor(
    readonly payload: RecordUnemploymentInsuranceEnrolmentPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
