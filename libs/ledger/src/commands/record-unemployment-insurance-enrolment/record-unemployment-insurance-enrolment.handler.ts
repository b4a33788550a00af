import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { unemploymentInsuranceEnrolmentAggregate } from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { openCase } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { RecordUnemploymentInsuranceEnrolmentCommand } from './record-unemployment-insurance-enrolment.command';

@CommandHandler(RecordUnemploymentInsuranceEnrolmentCommand)
export class RecordUnemploymentInsuranceEnrolmentHandler implements ICommandHandler<RecordUnemploymentInsuranceEnrolmentCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(PSEUDONYMIZER) private readonly pseudonyms: Pseudonymizer,
  ) {}

  execute({ payload, context }: RecordUnemploymentInsuranceEnrolmentCommand): Promise<CommandResult> {
    const { beneficiaryCitizenId, ...rest } = payload;
    return this.executor.execute(
      openCase(
        unemploymentInsuranceEnrolmentAggregate,
        {
          type: 'RecordUnemploymentInsuranceEnrolment',
          ...rest,
          beneficiaryRef: this.pseudonyms.reference(beneficiaryCitizenId),
        },
        context,
        payload.commune,
      ),
    );
  }
}
